import { createConsumer } from 'char-width-table-consumer';
import verdanaBold from './verdana-10px-bold.json';
import verdanaNormal from './verdana-10px-normal.json';

/**
 * Text measurement without a DOM, for laying out SVG text on the server.
 *
 * Widths come from Verdana 10px tables (anafanafo's, via char-width-table-consumer) scaled to
 * the font size (glyph advances scale linearly; the tables hold fractional, unhinted widths).
 * The bundled tables are compact (scripts/width-tables.ts): exact for Latin, punctuation,
 * currency, arrows and shapes, and for other scripts the widest character of each block, so a
 * width is never below anafanafo's. Verdana is the widest font of the stack the SVGs name (see
 * FONT_FAMILY); DejaVu Sans measured in Chromium runs at most 1 % wider than these tables,
 * hence the 3 % margin. Characters without a width count as one "m", about one em.
 */
const MARGIN = 1.03;

const normal = createConsumer(verdanaNormal as [number, number, number][]);
const bold = createConsumer(verdanaBold as [number, number, number][]);

export function textWidth(text: string, fontSize: number, isBold = false): number {
  return ((isBold ? bold : normal).widthOf(text) * fontSize * MARGIN) / 10;
}

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User-perceived characters, so that truncation never splits an emoji or an accent from its letter. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** `text`, or its longest prefix plus "…" that fits in `maxWidth` px (just "…" if nothing fits). */
export function truncateText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = graphemes(text);
  // Largest count of leading graphemes whose prefix plus the ellipsis fits (widths only grow).
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, fontSize, bold) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/**
 * Runs of spaces a line may break at: not U+00A0 / U+202F (no-break spaces, as in
 * "US$ 74,7" and "15,6 %"), which `\s` would match.
 */
export const BREAKABLE_SPACE = /[\t\n\v\f\r \u0085\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+/g;

/** Text on one line: line breaks and runs of spaces as one space, trimmed; no-break spaces kept. */
export function oneLine(value: unknown): string {
  return String(value ?? '')
    .replace(BREAKABLE_SPACE, ' ')
    .replace(/^ | $/g, '');
}

/**
 * Greedy word wrap into at most `maxLines` lines of `maxWidth` px; the last line is truncated
 * with "…" when text is left over, and a word longer than a line is broken.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold: boolean, maxLines: number): string[] {
  const words = text.split(BREAKABLE_SPACE).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // Last line: whatever is left, cut to fit.
      return [...lines, truncateText([line, ...words.slice(i)].filter(Boolean).join(' '), maxWidth, fontSize, bold)];
    }
    if (line !== '') {
      lines.push(line);
      line = '';
    }
    // A word wider than a whole line: break it where it stops fitting.
    while (textWidth(word, fontSize, bold) > maxWidth && lines.length < maxLines - 1) {
      const chars = graphemes(word);
      if (textWidth(chars[0] ?? '', fontSize, bold) > maxWidth) break; // not even one fits: truncate below
      let fit = 1;
      while (fit < chars.length && textWidth(chars.slice(0, fit + 1).join(''), fontSize, bold) <= maxWidth) fit++;
      lines.push(chars.slice(0, fit).join(''));
      word = chars.slice(fit).join('');
    }
    if (textWidth(word, fontSize, bold) > maxWidth) {
      return [...lines, truncateText([word, ...words.slice(i + 1)].join(' '), maxWidth, fontSize, bold)];
    }
    line = word;
  }
  if (line !== '') lines.push(line);
  return lines;
}
