/**
 * Text for XML character data and attribute values (double or single quoted).
 *
 * XML 1.0 §2.2 allows only `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]`: other code points (C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * make the whole document ill-formed even when escaped, so they are dropped.
 */
export function escapeXml(text: string): string {
  return text.replace(XML_UNSAFE, (c) => ENTITIES[c] ?? '');
}

// The u flag makes lone surrogates match \p{Cs}, while valid pairs stay one code point.
// oxlint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what it matches
const XML_UNSAFE = /[&<>"']|[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|\p{Cs}/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
