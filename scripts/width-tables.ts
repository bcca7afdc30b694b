/**
 * Builds the text-width tables the worker bundles (worker/render/verdana-*.json) from
 * anafanafo's Verdana 10px tables, which are too large to ship: ~70 KB gzipped each, four of
 * them in anafanafo, against a worker budget of ~300 KB.
 *
 * The tables are lists of `[first, last, width]` code-point ranges (the format of
 * char-width-table-consumer). The compact table keeps every range of the scripts the images
 * write exactly (Latin, punctuation, currency, arrows, shapes) and replaces
 * the rest with one width per block of 256 code points: the widest character of the block, or
 * the em width when the block has characters without a width (those count as one "m", as in
 * anafanafo). So a compact width is never below the full table's, and text measured with it
 * still fits (it may wrap a little early in scripts nobody is expected to write here).
 *
 * Run: `npx tsx scripts/width-tables.ts` (test/render/text-width.test.ts checks that the
 * committed tables are what this builds).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type WidthRange = [first: number, last: number, width: number];

/** Code points measured exactly: every script and symbol block the SVG texts are written in. */
export const EXACT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x036f], // Latin, Latin-1, Latin Extended-A/B, IPA, spacing modifiers, combining marks
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x21ff], // punctuation (no-break spaces, dashes, "…"), currency, letterlike symbols, arrows
  [0x25a0, 0x25ff], // Geometric Shapes (the card's ▲ ▼)
];

/** Size of the blocks that stand for the other code points. */
export const COARSE_BLOCK = 256;

const LAST_CODE_POINT = 0x10ffff;

/** The width of `codePoint` in a full table, or undefined where it has none. */
export function widthIn(table: readonly WidthRange[], codePoint: number): number | undefined {
  let low = 0;
  let high = table.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [first, last, width] = table[mid]!;
    if (codePoint < first) high = mid - 1;
    else if (codePoint > last) low = mid + 1;
    else return width;
  }
  return undefined;
}

/** Index of the first range (of a sorted table) that ends at or after `codePoint`. */
function firstRangeEndingAtOrAfter(table: readonly WidthRange[], codePoint: number): number {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (table[mid]![1] < codePoint) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The compact table for a full one whose em ("m") width is `emWidth`. */
export function compactWidthTable(full: readonly WidthRange[], emWidth: number): WidthRange[] {
  const out: WidthRange[] = [];
  const push = (first: number, last: number, width: number) => {
    const previous = out.at(-1);
    if (previous && previous[1] + 1 === first && previous[2] === width) previous[1] = last;
    else out.push([first, last, width]);
  };
  // The widest character of [first, last] (the em where a character has no width).
  const widest = (first: number, last: number): number => {
    let max = 0;
    let covered = 0;
    for (let i = firstRangeEndingAtOrAfter(full, first); i < full.length && full[i]![0] <= last; i++) {
      const [lo, hi, width] = full[i]!;
      max = Math.max(max, width);
      covered += Math.min(hi, last) - Math.max(lo, first) + 1;
    }
    return covered < last - first + 1 ? Math.max(max, emWidth) : max;
  };

  let next = 0; // first code point not yet written
  const coarse = (until: number) => {
    while (next <= until) {
      const blockEnd = Math.min(until, (Math.floor(next / COARSE_BLOCK) + 1) * COARSE_BLOCK - 1);
      push(next, blockEnd, widest(next, blockEnd));
      next = blockEnd + 1;
    }
  };
  for (const [first, last] of EXACT_BLOCKS) {
    coarse(first - 1);
    for (const [lo, hi, width] of full) {
      if (hi < first || lo > last) continue;
      push(Math.max(lo, first), Math.min(hi, last), width);
    }
    next = last + 1;
  }
  coarse(LAST_CODE_POINT);
  return out;
}

/** The tables the worker uses: Verdana 10px, normal and bold (sizes are scaled from 10px). */
export const TABLES = [
  { source: 'anafanafo/data/verdana-10px-normal.json', target: 'worker/render/verdana-10px-normal.json' },
  { source: 'anafanafo/data/verdana-10px-bold.json', target: 'worker/render/verdana-10px-bold.json' },
] as const;

export function loadFullTable(source: string): WidthRange[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(source), 'utf8')) as WidthRange[];
}

export function emWidthOf(table: readonly WidthRange[]): number {
  const width = widthIn(table, 'm'.codePointAt(0)!);
  if (width === undefined) throw new Error('the table has no width for "m"');
  return width;
}

/** The JSON text of a compact table: one array, no spaces (it is bundled as is). */
export function tableJson(table: readonly WidthRange[]): string {
  return `${JSON.stringify(table)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const { source, target } of TABLES) {
    const full = loadFullTable(source);
    const compact = compactWidthTable(full, emWidthOf(full));
    writeFileSync(`${root}${target}`, tableJson(compact));
    console.log(`${target}: ${full.length} ranges → ${compact.length}`);
  }
}
