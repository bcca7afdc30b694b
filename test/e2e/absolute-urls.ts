/**
 * Every absolute http(s) URL in a text: HTML attribute values (`&amp;` read as `&`), JSON strings
 * (`\/` read as `/`), snippets. Shared by test/e2e/public-origin.test.ts and
 * test/worker/page-urls.test.ts (plain code: it runs in Node and in workerd).
 */
export function absoluteUrls(text: string): string[] {
  return [
    ...text
      .replaceAll('&amp;', '&')
      .replaceAll('\\/', '/')
      .matchAll(/https?:\/\/[^\s"'<>\\)]+/g),
  ].map((m) => m[0]);
}
