/**
 * The committed dataset as the worker loads it (data/index.ts): its shape (zod), and
 * cross-checks of its figures against each other, against the source notes that describe
 * them and against the press release.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { annual, annualValue, yoyGrowth } from '../../data/derive';
import { EU27_MEMBERS } from '../../data/eu-members';
import { datasetVersion } from '../../data/import/content-hash';
import { countryLabel } from '../../data/import/countries';
import { G1_TOTAL_GAPS_USD } from '../../data/import/g1-sectors';
import { OUTPUT_FILES } from '../../data/import/import-dataset';
import { snapshotVersion } from '../../data/bcrp/snapshot';
import {
  bundled as dataset,
  bundledSnapshot,
  getHighlight,
  getMetric,
  getSource,
  highlights,
  metrics,
  sources,
  version,
} from '../../data/index';
import { impliedPrevious } from '../../data/press-release';
import type { DatasetFile, SeriesMetric } from '../../data/types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
const text = z.strictObject({ es: z.string().min(1), en: z.string().min(1) });

const sourceSchema = z.strictObject({
  id: z.enum(['sunat-g1', 'sunat-g6', 'worldbank-wdi', 'promperu-2024', 'bcrp']),
  publisher: z.string().min(1),
  title: text,
  url: z.url({ protocol: /^https$/ }),
  definition: text,
  unit: text,
  coverage: z.string().min(1),
  licence: z.string().min(1).nullable(),
  notes: z.array(text).min(1),
  revision: z.strictObject({ months: z.number().int().positive(), kind: z.enum(['incomplete', 'estimate']), note: text }).nullable(),
  cadence: z.strictObject({ every: z.enum(['month', 'year']), lagMonths: z.number().int().nonnegative() }).nullable(),
});

const metricSchema = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^(total|traditional|non-traditional|other|destination-total|(sector|product)\/[a-z]+(-[a-z]+)*|destination\/([A-Z]{2}|other(-[a-z]+)+)|worldbank\/total)$/,
      ),
    label: text,
    kind: z.enum(['total', 'group', 'sector', 'product', 'destination', 'aggregate']),
    source: z.enum(['sunat-g1', 'sunat-g6', 'worldbank-wdi']),
    unit: z.literal('USD'),
    frequency: z.enum(['monthly', 'annual']),
    parent: z.string().nullable(),
    start: z.string(),
    iso2: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    preliminaryFrom: z.string().regex(MONTH).optional(),
    values: z.array(z.number().int().nonnegative().nullable()).min(1),
  })
  .refine((m) => (m.frequency === 'monthly' ? MONTH : YEAR).test(m.start), { message: 'start does not fit frequency' });

const highlightSchema = z
  .strictObject({
    id: z.string().regex(/^highlight\/[a-z0-9]+(-[a-z0-9]+)*$/),
    label: text,
    source: z.literal('promperu-2024'),
    period: z.string().regex(YEAR),
    unit: z.enum(['USD', 'percent', 'count', 'share', 'named', 'fact']),
    value: z.number().nullable(),
    growthPct: z.number().nullable(),
    previous: z.strictObject({ period: z.string().regex(YEAR), value: z.number().int().positive(), derived: z.literal(true) }).nullable(),
    quote: z.string().min(20),
    related: z.string().optional(),
  })
  .superRefine((h, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message: `${h.id}: ${message}` });
    const hasValue = h.value !== null;
    if (h.unit === 'USD' && !(hasValue && Number.isInteger(h.value) && h.value! > 0)) fail('USD needs a positive whole-dollar value');
    if (h.unit === 'percent' && (hasValue || h.growthPct === null)) fail('percent: growth only');
    if (h.unit === 'count' && !(hasValue && Number.isInteger(h.value))) fail('count needs an integer');
    if (h.unit === 'share' && !(hasValue && h.value! > 0 && h.value! <= 100)) fail('share must be 0–100');
    if ((h.unit === 'named' || h.unit === 'fact') && (hasValue || h.growthPct !== null)) fail('named/fact carry no figure');
    if ((h.previous !== null) !== (h.unit === 'USD' && h.growthPct !== null)) fail('previous iff a level with growth');
  });

const datasetSchema = z.strictObject({
  version: z.string().regex(/^[0-9a-f]{12}$/),
  sources: z.array(sourceSchema).length(5),
  metrics: z.array(metricSchema).min(1),
  highlights: z.array(highlightSchema).min(1),
});

const G1_IDS = [
  'total',
  'traditional',
  'non-traditional',
  'other',
  'sector/mining',
  'sector/fishing-traditional',
  'sector/oil-gas',
  'sector/agricultural-traditional',
  'sector/agro',
  'sector/textile',
  'sector/fishing-non-traditional',
  'sector/chemical',
  'sector/metal-mechanic',
  'sector/steel-metallurgy',
  'sector/non-metallic-mining',
  'sector/non-traditional-other',
  'product/copper',
  'product/iron',
  'product/silver',
  'product/lead',
  'product/zinc',
  'product/gold',
  'product/tin',
  'product/mining-other',
  'product/fishmeal',
  'product/fish-oil',
  'product/crude-oil',
  'product/oil-derivatives',
  'product/natural-gas',
  'product/cotton',
  'product/sugar',
  'product/coffee',
  'product/agricultural-other',
  'product/handicrafts',
  'product/wood-paper',
  'product/hides-leather',
  'product/jewelry-misc',
];

const metric = (id: string): SeriesMetric => {
  const m = getMetric(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
};
const bySource = (source: string) => metrics.filter((m) => m.source === source);
const year2024 = (id: string) => annualValue(metric(id), 2024)!.value!;
/** Rounding each of n values to whole dollars moves their sum by at most n/2. */
const roundingSlack = (n: number) => Math.ceil(n / 2);
const monthOf = (i: number) => `${2005 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

describe('dataset shape', () => {
  it('matches the schema', () => {
    const parsed = datasetSchema.safeParse(dataset);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('has unique ids and the fixed G1 ids, each linked to its containing series', () => {
    for (const list of [metrics, highlights, sources]) expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    expect(
      bySource('sunat-g1')
        .map((m) => m.id)
        .sort(),
    ).toEqual([...G1_IDS].sort());
    const parentKind: Record<string, string[]> = {
      group: ['total'],
      sector: ['group'],
      product: ['sector'],
      destination: ['total'],
      aggregate: ['total'],
    };
    for (const m of metrics) {
      if (m.parent === null) {
        expect(m.kind, m.id).toBe('total');
        continue;
      }
      const parent = metric(m.parent);
      expect(parentKind[m.kind], m.id).toContain(parent.kind);
      expect(parent.source, m.id).toBe(m.source);
    }
    expect(metric('product/copper').parent).toBe('sector/mining');
    expect(metric('sector/agro').parent).toBe('non-traditional');
    expect(metric('other').parent).toBe('total');
    expect(metric('destination/EU')).toMatchObject({ kind: 'aggregate', parent: 'destination-total' });
    expect(metric('destination-total')).toMatchObject({ kind: 'total', parent: null, source: 'sunat-g6' });
  });

  it('covers 2005-01 to 2025-04 monthly (SUNAT) and 1960–2019 annually (World Bank)', () => {
    for (const m of dataset.metrics.filter((x) => x.source !== 'worldbank-wdi')) {
      expect(m, m.id).toMatchObject({ frequency: 'monthly', start: '2005-01', preliminaryFrom: '2024-01' });
      expect(m.values, m.id).toHaveLength(244);
    }
    for (const m of bySource('sunat-g1'))
      expect(
        m.values.every((v) => v !== null),
        m.id,
      ).toBe(true);
    const wb = metric('worldbank/total');
    expect(wb).toMatchObject({ frequency: 'annual', start: '1960', source: 'worldbank-wdi', kind: 'total' });
    expect(wb.values).toHaveLength(60);
    expect(wb.values.every((v) => v !== null && v % 1_000_000 === 0)).toBe(true);
    for (const s of sources.filter((x) => x.id.startsWith('sunat-'))) expect(s.coverage).toBe('2005-01 to 2025-04, monthly');
    expect(getSource('worldbank-wdi')!.coverage).toBe('1960 to 2019, annual');
  });

  it('points every figure at a known source and every comparison at a known series', () => {
    for (const m of metrics) expect(getSource(m.source), m.id).toBeDefined();
    for (const h of highlights) {
      expect(getSource(h.source), h.id).toBeDefined();
      if (h.related) expect(getMetric(h.related), h.id).toBeDefined();
    }
  });

  it('names countries by ISO 3166-1 alpha-2 with labels from i18n-iso-countries', () => {
    const countryMetrics = metrics.filter((m) => m.iso2);
    expect(countryMetrics.length).toBeGreaterThan(200);
    for (const m of countryMetrics) {
      expect(countries.isValid(m.iso2!), m.id).toBe(true);
      expect(m.id).toBe(`destination/${m.iso2}`);
      expect(m.label).toEqual(countryLabel(m.iso2!));
    }
    const others = metrics.filter((m) => m.kind === 'destination' && !m.iso2).map((m) => m.id);
    expect(others.every((id) => id.startsWith('destination/other-'))).toBe(true);
    expect(others).toContain('destination/other-international-waters');
  });

  it('stores the same version in every file, equal to the hash of the content', async () => {
    const files = Object.values(OUTPUT_FILES).map(
      (name) => JSON.parse(readFileSync(join(import.meta.dirname, '../../data', name), 'utf8')) as DatasetFile,
    );
    const [bcrp, ...bundledFiles] = [files.pop()!, ...files];
    expect(Object.values(OUTPUT_FILES).at(-1)).toBe('bcrp-snapshot.json');
    for (const f of bundledFiles) expect(f.version).toBe(dataset.version);
    expect(datasetVersion({ sources: dataset.sources, metrics: dataset.metrics, highlights: dataset.highlights })).toBe(dataset.version);
    // The live source's snapshot has a version of its own; the served version joins the two.
    expect(bcrp.version).toBe(bundledSnapshot.version);
    expect(await snapshotVersion(bundledSnapshot.metrics)).toBe(bundledSnapshot.version);
    expect(version).toBe(`${dataset.version.slice(0, 6)}${bundledSnapshot.version.slice(0, 6)}`);
  });

  it('is frozen, and its lookups answer by id', () => {
    expect(Object.isFrozen(metric('total').values)).toBe(true);
    expect(getMetric('no/such')).toBeUndefined();
    expect(getHighlight('highlight/total')!.value).toBe(74_700_000_000);
    const getChildren = (id: string) => metrics.filter((m) => m.parent === id);
    expect(getChildren('traditional').map((m) => m.id)).toEqual([
      'sector/mining',
      'sector/fishing-traditional',
      'sector/oil-gas',
      'sector/agricultural-traditional',
    ]);
    expect(getChildren('destination-total')).toHaveLength(bySource('sunat-g6').length - 1);
  });
});

describe('dataset figures agree with each other', () => {
  it('G1: products sum to their sector, sectors to their group, groups to the total', () => {
    const g1 = bySource('sunat-g1');
    for (const parent of g1) {
      const children = g1.filter((m) => m.parent === parent.id);
      if (children.length === 0) continue;
      const gaps = new Map<number, number>();
      parent.values.forEach((v, i) => {
        const sum = children.reduce((a, c) => a + c.values[i]!, 0);
        const year = 2005 + Math.floor(i / 12);
        if (parent.id === 'total' && year in G1_TOTAL_GAPS_USD) gaps.set(year, (gaps.get(year) ?? 0) + v! - sum);
        else expect(Math.abs(v! - sum), `${parent.id} ${monthOf(i)}`).toBeLessThanOrEqual(roundingSlack(children.length + 1));
      });
      // SUNAT's own gaps (2015–2019), as documented in the source notes.
      for (const [year, gap] of gaps) {
        expect(Math.abs(gap - G1_TOTAL_GAPS_USD[year]!), `total ${year}`).toBeLessThanOrEqual(12 * roundingSlack(4));
      }
    }
  });

  it('G6: destinations sum to "Total general", month by month', () => {
    const total = metric('destination-total');
    const destinations = metrics.filter((m) => m.kind === 'destination');
    total.values.forEach((t, i) => {
      const listed = destinations.filter((d) => d.values[i] !== null);
      const sum = listed.reduce((a, d) => a + d.values[i]!, 0);
      expect(Math.abs(t! - sum), monthOf(i)).toBeLessThanOrEqual(roundingSlack(listed.length + 1));
    });
  });

  it('EU-27 is the sum of its 27 members, every month', () => {
    expect(EU27_MEMBERS).toHaveLength(27);
    expect(EU27_MEMBERS).not.toContain('GB');
    const eu = metric('destination/EU');
    eu.values.forEach((v, i) => {
      const sum = EU27_MEMBERS.reduce((a, c) => a + (getMetric(`destination/${c}`)?.values[i] ?? 0), 0);
      expect(v, monthOf(i)).toBe(sum);
    });
  });

  it('a destination is listed for a whole year or missing (null) for all of it', () => {
    for (const m of metrics.filter((x) => x.kind === 'destination')) {
      for (let y = 0; y * 12 < m.values.length; y++) {
        const year = m.values.slice(y * 12, y * 12 + 12);
        expect(new Set(year.map((v) => v === null)).size, `${m.id} ${2005 + y}`).toBe(1);
      }
    }
    // Listed with 0 stays 0: SUNAT lists Syria in 2024 with zeros in most months.
    expect(metric('destination/SY').values.slice(228, 240)).toContain(0);
  });

  it('stores whole US dollars, not thousands: January 2025 total is US$ 6.43 billion', () => {
    expect(metric('total').values[240]).toBe(6_429_674_715);
    expect(metric('destination-total').values[240]).toBe(6_429_674_715);
  });
});

describe('source notes state what the figures show', () => {
  const notes = (id: string) =>
    getSource(id)!
      .notes.map((n) => n.en)
      .join('\n');

  it('the unit correction quotes the January 2025 total', () => {
    const quoted = /January 2025 total is ([\d,]+\.\d\d)/.exec(notes('sunat-g1'))![1]!;
    expect(Math.round(Number(quoted.replaceAll(',', '')))).toBe(metric('total').values[240]);
  });

  it('G1 and G6 totals for 2018 as stated', () => {
    const bn = (id: string) => (annualValue(metric(id), 2018)!.value! / 1e9).toFixed(2);
    expect(notes('sunat-g6')).toContain(`2018: USD ${bn('total')} vs ${bn('destination-total')} billion`);
  });

  it('the G1 total gaps as stated', () => {
    const total = metric('total');
    const groups = ['traditional', 'non-traditional', 'other'].map(metric);
    const gap = (year: number) =>
      annual(total).find((a) => a.year === year)!.value! - groups.reduce((s, g) => s + annualValue(g, year)!.value!, 0);
    const millions = [2015, 2016, 2017].map((y) => (gap(y) / 1e6).toFixed(1));
    expect(notes('sunat-g1')).toContain(`by USD ${millions[0]}, ${millions[1]} and ${millions[2]} million`);
  });

  it('the press release note quotes SUNAT’s G6 total for 2024, and the EU note lists the 27 members', () => {
    expect(notes('promperu-2024')).toContain(`(USD ${(year2024('destination-total') / 1e9).toFixed(2)} billion)`);
    expect(notes('sunat-g6')).toContain(EU27_MEMBERS.join(', '));
  });
});

describe('press release figures', () => {
  const levels = highlights.filter((h) => h.unit === 'USD');

  it('every figure of the release is there', () => {
    const ids = highlights.map((h) => h.id);
    expect(ids).toHaveLength(24);
    const expected: [string, number | null, number | null][] = [
      ['highlight/total', 74.7e9, 15.6],
      ['highlight/china', 25e9, 9.2],
      ['highlight/united-states', 9.5e9, 3.6],
      ['highlight/eu', 8.2e9, 19.1],
      ['highlight/non-traditional', 20.6e9, 11.3],
      ['highlight/non-traditional-2023', null, 1.6],
      ['highlight/non-traditional-united-states', 6.6e9, 15.9],
      ['highlight/non-traditional-eu', 4.1e9, 21.7],
      ['highlight/non-traditional-chile', 1.2e9, 3.8],
      ['highlight/trade-agreements', 22, null],
      ['highlight/trade-agreements-exports', 64.99e9, null],
      ['highlight/trade-agreements-share', 87, null],
      ['highlight/agribusiness', 11.6e9, 21.6],
      ['highlight/blueberries', null, 36],
      ['highlight/avocados', null, 29.5],
      ['highlight/cocoa', null, 257.5],
    ];
    for (const [id, value, growth] of expected) expect(getHighlight(id), id).toMatchObject({ value, growthPct: growth });
    for (const id of ['highlight/india', 'highlight/canada', 'highlight/japan']) expect(getHighlight(id)!.unit).toBe('named');
    const facts = highlights.filter((h) => h.unit === 'fact').map((h) => h.id);
    expect(facts).toEqual(['blueberries', 'asparagus', 'grapes', 'quinoa', 'fishmeal'].map((p) => `highlight/top-exporter-${p}`));
    for (const h of highlights) expect(h.quote, h.id).toMatch(/\.$|expansion$/);
  });

  it('the derived 2023 levels imply the published growth rates', () => {
    for (const h of levels.filter((x) => x.growthPct !== null)) {
      expect(h.previous!.value, h.id).toBe(impliedPrevious(h.value!, h.growthPct!));
      expect(((h.value! / h.previous!.value - 1) * 100).toFixed(1), h.id).toBe(h.growthPct!.toFixed(1));
      expect(h.previous!.period).toBe('2023');
    }
  });

  it('the 87% share agrees with the levels it comes from', () => {
    const share = (getHighlight('highlight/trade-agreements-exports')!.value! / getHighlight('highlight/total')!.value!) * 100;
    expect(Math.round(share)).toBe(getHighlight('highlight/trade-agreements-share')!.value);
  });

  it('levels and growth agree with the related SUNAT series (MINCETUR differs, but within 5% and 3 points)', () => {
    for (const h of highlights.filter((x) => x.related && x.growthPct !== null)) {
      const m = metric(h.related!);
      const sunatGrowth = yoyGrowth(m, h.period)!;
      expect(Math.abs(sunatGrowth - h.growthPct!), `${h.id} growth`).toBeLessThan(3);
      if (h.value === null) continue;
      expect(h.value / annualValue(m, 2024)!.value!, `${h.id} 2024`).toBeCloseTo(1, 1);
      expect(Math.abs(h.previous!.value / annualValue(m, 2023)!.value! - 1), `${h.id} 2023`).toBeLessThan(0.05);
    }
  });

  it('the markets named for their expansion grew in SUNAT’s G6 too', () => {
    for (const id of ['highlight/india', 'highlight/canada', 'highlight/japan']) {
      expect(yoyGrowth(metric(getHighlight(id)!.related!), '2024'), id).toBeGreaterThan(10);
    }
  });
});
