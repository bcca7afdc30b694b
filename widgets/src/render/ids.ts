import { RenderOptionError } from './errors';

/**
 * An element id derived from the content it names (FNV-1a, 32 bits), so the same input gives
 * the same bytes and two different images inlined in one page do not share ids.
 */
export function contentId(prefix: string, content: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    hash ^= content.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${prefix}${(hash >>> 0).toString(36)}`;
}

const ID = /^[A-Za-z][\w-]{0,63}$/;

/** A caller-chosen id: a letter, then up to 63 letters, digits, `_` or `-` (safe in CSS selectors). */
export function parseId(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && ID.test(value)) return value;
  throw new RenderOptionError('id', 'a letter followed by up to 63 letters, digits, _ or -', String(value));
}
