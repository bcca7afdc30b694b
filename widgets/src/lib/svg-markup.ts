/**
 * Puts SVG markup from the renderer into an element of our shadow root. Through a Trusted Types
 * policy where the page has Trusted Types (allow the policy name `peru-exports`); lit's
 * `unsafeSVG` would do the same but costs ~350 B gzipped of a 12 KB budget.
 */
type Policy = { createHTML(markup: string): string };

let policy: Policy | undefined;
try {
  policy = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes?.createPolicy(
    'peru-exports',
    { createHTML: (markup) => markup },
  );
} catch {
  // the page's CSP does not allow the policy: assignments below fail quietly
}

export function setMarkup(element: Element | null, markup: string): void {
  if (!element || (element as Element & { _markup?: string })._markup === markup) return;
  try {
    element.innerHTML = policy ? policy.createHTML(markup) : markup;
    (element as Element & { _markup?: string })._markup = markup;
  } catch {
    // blocked by Trusted Types: the data table still carries the data
  }
}
