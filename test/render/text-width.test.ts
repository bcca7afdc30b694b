import { readFileSync } from 'node:fs';
import anafanafo from 'anafanafo';
import { describe, expect, it } from 'vitest';
import {
  compactWidthTable,
  emWidthOf,
  EXACT_BLOCKS,
  loadFullTable,
  TABLES,
  tableJson,
  widthIn,
  type WidthRange,
} from '../../scripts/width-tables';
import { textWidth } from '../../worker/render/text-width';

const root = new URL('../../', import.meta.url);

describe.each(TABLES)('compact width table $target', ({ source, target }) => {
  const full = loadFullTable(source);
  const em = emWidthOf(full);
  const committed = JSON.parse(readFileSync(new URL(target, root), 'utf8')) as WidthRange[];

  it('is what scripts/width-tables.ts builds from anafanafo (rerun it after changing the script)', () => {
    expect(readFileSync(new URL(target, root), 'utf8')).toBe(tableJson(compactWidthTable(full, em)));
  });

  it('is sorted, without overlaps, and a fraction of the full table', () => {
    for (let i = 1; i < committed.length; i++) expect(committed[i]![0]).toBeGreaterThan(committed[i - 1]![1]);
    expect(committed.length).toBeLessThan(full.length / 5);
  });

  it('never measures a code point narrower than the full table (no width = one "m")', () => {
    let exact = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const before = widthIn(full, cp) ?? em;
      const after = widthIn(committed, cp) ?? em;
      if (after < before) expect.fail(`U+${cp.toString(16)}: ${after} < ${before}`);
      if (EXACT_BLOCKS.some(([first, last]) => first <= cp && cp <= last)) {
        if (after !== before) expect.fail(`U+${cp.toString(16)} is in an exact block: ${after} ≠ ${before}`);
        exact++;
      }
    }
    expect(exact).toBeGreaterThan(1000);
  });
});

describe('textWidth', () => {
  it('matches anafanafo for Spanish and English card texts, scaled from 10px plus the 3 % margin', () => {
    for (const text of ['Exportaciones a China', 'US$ 74,7 mil millones', '▲ +15,6 %', 'Fuente: SUNAT — Cuadro G1 «ñandú»']) {
      for (const bold of [false, true]) {
        const reference = anafanafo(text, { font: bold ? 'bold 10px Verdana' : '10px Verdana' });
        expect(textWidth(text, 20, bold)).toBeCloseTo(reference * 2 * 1.03, 9);
      }
    }
  });

  it('measures other scripts at least as wide as anafanafo does', () => {
    for (const text of ['中华人民共和国', 'Ελλάδα', 'Россия', '한국어 🇵🇪', 'العربية', '∑∞≠']) {
      for (const bold of [false, true]) {
        const reference = anafanafo(text, { font: bold ? 'bold 10px Verdana' : '10px Verdana' });
        expect(textWidth(text, 10, bold)).toBeGreaterThanOrEqual(reference * 1.03 - 1e-9);
      }
    }
  });
});
