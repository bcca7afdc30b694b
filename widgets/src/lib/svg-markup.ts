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

/** What each element holds, so an unchanged drawing is not parsed again. */
const shown = new WeakMap<Element, string>();

export function setMarkup(element: Element | null, markup: string): void {
  if (!element || shown.get(element) === markup) return;
  try {
    element.innerHTML = policy ? policy.createHTML(markup) : markup;
    shown.set(element, markup);
  } catch {
    // blocked by Trusted Types: the data table still carries the data
  }
}
