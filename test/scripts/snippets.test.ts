import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPEC,
  EMBED_KINDS,
  FREQUENCIES,
  LANGS,
  RANKING_LIMIT,
  RANKING_KINDS,
  THEMES,
  dataUrls,
  elementTag,
  embedHtml,
  embedSize,
  imageUrl,
  markdownImage,
  newsletterTag,
  parseEmbedSpec,
  previewHtml,
  snippets,
  sizeBounds,
  specToQuery,
  type EmbedSpec,
} from '../../worker/pages/snippets';

const ORIGIN = 'https://exports.example';
const CATALOGUE = new Set(['total', 'sector/agro', 'destination/CN', 'highlight/total']);
const isMetric = (id: string): boolean => CATALOGUE.has(id);
const TEXT = { title: 'Exportaciones a China', figure: 'US$ 25 mil millones (2024)' };

function spec(overrides: Partial<EmbedSpec>): EmbedSpec {
  return { ...DEFAULT_SPEC, ...overrides };
}

describe('parseEmbedSpec', () => {
  it('gives the defaults for an empty query, and treats empty form fields as unset', () => {
    expect(parseEmbedSpec({}, isMetric)).toEqual({ spec: DEFAULT_SPEC, issues: [] });
    const blank = { kind: '', metric: '', from: ' ', width: '', lang: '' };
    expect(parseEmbedSpec(blank, isMetric)).toEqual({ spec: DEFAULT_SPEC, issues: [] });
  });

  it('reads every option', () => {
    const { spec: s, issues } = parseEmbedSpec(
      {
        kind: 'sparkline',
        metric: 'destination/CN',
        from: '2020',
        to: '2024-06',
        freq: 'monthly',
        theme: 'dark',
        lang: 'en',
        width: '480',
        height: '120',
      },
      isMetric,
    );
    expect(issues).toEqual([]);
    expect(s).toEqual(
      spec({
        kind: 'sparkline',
        metric: 'destination/CN',
        from: '2020',
        to: '2024-06',
        freq: 'monthly',
        theme: 'dark',
        lang: 'en',
        width: 480,
        height: 120,
      }),
    );
    const ranking = parseEmbedSpec({ kind: 'ranking', ranking: 'sectors', year: '2023', limit: '5' }, isMetric).spec;
    expect(ranking).toMatchObject({ kind: 'ranking', ranking: 'sectors', year: '2023', limit: 5 });
  });

  it('keeps the default and names the parameter and what is allowed for each bad value', () => {
    const { spec: s, issues } = parseEmbedSpec(
      { kind: 'table', metric: 'destination/XX', theme: 'blue', width: '12', limit: '3.5', from: '2024-13', year: '24' },
      isMetric,
    );
    expect(s).toEqual(DEFAULT_SPEC);
    expect(issues.map((i) => i.param).sort()).toEqual(['from', 'kind', 'limit', 'metric', 'theme', 'width', 'year']);
    // A card's height follows its content, and a ranking sizes itself: their size fields
    // (sent by the form even when hidden) are ignored.
    expect(parseEmbedSpec({ height: '100' }, isMetric)).toEqual({ spec: DEFAULT_SPEC, issues: [] });
    expect(parseEmbedSpec({ kind: 'ranking', width: 'x' }, isMetric).spec.width).toBeNull();
    const byParam = Object.fromEntries(issues.map((i) => [i.param, i]));
    expect(byParam['kind']?.allowed).toBe('card, sparkline, ranking, card-image, sparkline-image, chart-image');
    expect(byParam['theme']?.message).toContain('"blue"');
    expect(byParam['width']?.allowed).toBe('a whole number from 200 to 800');
    expect(byParam['metric']?.message).toContain('destination/XX');
  });

  it('rejects a period that ends before it starts, counting a bare year as the whole year', () => {
    expect(parseEmbedSpec({ from: '2024-05', to: '2024' }, isMetric).issues).toEqual([]);
    const { spec: s, issues } = parseEmbedSpec({ from: '2024-05', to: '2023-12' }, isMetric);
    expect(s.from).toBe('2024-05');
    expect(s.to).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.param).toBe('to');
  });

  it('takes only years as bounds of annual figures', () => {
    const { spec: s, issues } = parseEmbedSpec({ freq: 'annual', from: '2020-03', to: '2024' }, isMetric);
    expect(s).toMatchObject({ freq: 'annual', from: null, to: '2024' });
    expect(issues.map((i) => i.param)).toEqual(['from']);
  });

  it('truncates a long rejected value in the message', () => {
    const { issues } = parseEmbedSpec({ theme: 'x'.repeat(500) }, isMetric);
    expect(issues[0]?.message.length).toBeLessThan(120);
  });
});

const optionalIn = (bounds: { min: number; max: number } | null): fc.Arbitrary<number | null> =>
  bounds === null ? fc.constant(null) : fc.option(fc.integer(bounds));

const arbitrarySpec: fc.Arbitrary<EmbedSpec> = fc.constantFrom(...EMBED_KINDS).chain((kind) =>
  fc
    .record({
      kind: fc.constant(kind),
      metric: fc.constantFrom(...CATALOGUE),
      ranking: fc.constantFrom(...RANKING_KINDS),
      year: fc.option(fc.integer({ min: 2005, max: 2025 }).map(String)),
      limit: fc.option(fc.integer(RANKING_LIMIT)),
      from: fc.option(fc.constantFrom('2005', '2010-01', '2019-12')),
      to: fc.option(fc.constantFrom('2020', '2024-06', '2025-04')),
      freq: fc.option(fc.constantFrom(...FREQUENCIES)),
      theme: fc.constantFrom(...THEMES),
      lang: fc.constantFrom(...LANGS),
      width: optionalIn(sizeBounds(kind).width),
      height: optionalIn(sizeBounds(kind).height),
    })
    .filter((s) => s.freq !== 'annual' || [s.from, s.to].every((p) => p === null || p.length === 4)),
);

describe('specToQuery', () => {
  it('round-trips through parseEmbedSpec for any valid spec', () => {
    fc.assert(
      fc.property(arbitrarySpec, (s) => {
        const query = Object.fromEntries(specToQuery(s));
        expect(parseEmbedSpec(query, isMetric)).toEqual({ spec: s, issues: [] });
      }),
    );
  });

  it('leaves out values that equal the defaults', () => {
    expect(specToQuery(DEFAULT_SPEC).toString()).toBe('');
    expect(specToQuery(spec({ lang: 'en', metric: 'sector/agro' })).toString()).toBe('metric=sector%2Fagro&lang=en');
  });
});

describe('URLs', () => {
  it('points card kinds at card.svg and sparkline kinds at sparkline.svg, with every option', () => {
    const card = new URL(imageUrl(spec({ kind: 'card', metric: 'destination/CN', lang: 'en', theme: 'dark' }), ORIGIN) ?? '');
    expect(card.pathname).toBe('/v1/metrics/destination/CN/card.svg');
    expect(Object.fromEntries(card.searchParams)).toEqual({ width: '360', theme: 'dark', lang: 'en' });
    const line = new URL(
      imageUrl(spec({ kind: 'sparkline-image', from: '2020', to: '2024', freq: 'annual', width: 400, height: 100 }), ORIGIN) ?? '',
    );
    expect(line.pathname).toBe('/v1/metrics/bcrp/total/sparkline.svg');
    expect(Object.fromEntries(line.searchParams)).toEqual({
      from: '2020',
      to: '2024',
      freq: 'annual',
      width: '400',
      height: '100',
      theme: 'light',
      lang: 'es',
    });
    expect(imageUrl(spec({ kind: 'ranking' }), ORIGIN)).toBeNull();
  });

  it('points the chart kind at chart.svg, sized at 640×360 unless asked, within the chart\u2019s bounds', () => {
    const chart = new URL(
      imageUrl(spec({ kind: 'chart-image', metric: 'sector/agro', from: '2010', freq: 'annual', theme: 'auto' }), ORIGIN) ?? '',
    );
    expect(chart.pathname).toBe('/v1/metrics/sector/agro/chart.svg');
    expect(Object.fromEntries(chart.searchParams)).toEqual({
      from: '2010',
      freq: 'annual',
      width: '640',
      height: '360',
      theme: 'auto',
      lang: 'es',
    });
    expect(parseEmbedSpec({ kind: 'chart-image', width: '300' }, isMetric).issues.map((i) => i.allowed)).toEqual([
      'a whole number from 320 to 1600',
    ]);
    expect(parseEmbedSpec({ kind: 'chart-image', width: '800', height: '400' }, isMetric).spec).toMatchObject({ width: 800, height: 400 });
  });

  it('gives the series as JSON and CSV, and a ranking as JSON', () => {
    expect(dataUrls(spec({ metric: 'sector/agro', from: '2020', lang: 'en' }), ORIGIN)).toEqual({
      json: `${ORIGIN}/v1/metrics/sector/agro/series?from=2020&lang=en`,
      csv: `${ORIGIN}/v1/metrics/sector/agro/series.csv?from=2020`,
    });
    expect(dataUrls(spec({}), ORIGIN).csv).toBe(`${ORIGIN}/v1/metrics/bcrp/total/series.csv`);
    expect(dataUrls(spec({ kind: 'ranking', ranking: 'sectors', year: '2024', limit: 5 }), ORIGIN)).toEqual({
      json: `${ORIGIN}/v1/rankings/sectors?year=2024&limit=5&lang=es`,
      csv: `${ORIGIN}/v1/rankings/sectors.csv?year=2024&limit=5`,
    });
    // A press-release figure is one number, not a series: its detail, and no CSV.
    expect(dataUrls(spec({ metric: 'highlight/total', from: '2020' }), ORIGIN)).toEqual({
      json: `${ORIGIN}/v1/metrics/highlight/total?lang=es`,
      csv: null,
    });
  });
});

describe('snippets', () => {
  it('sizes a live element only when a size was chosen: in style for the snippet, in data-style for the preview', () => {
    expect(embedHtml(spec({ kind: 'sparkline' }), ORIGIN, TEXT)).not.toContain('style=');
    const sized = spec({ kind: 'sparkline', width: 300, height: 60 });
    expect(elementTag(sized, ORIGIN, TEXT)).toMatch(
      /^<peru-export-sparkline metric="bcrp\/total" lang="es" theme="light" style="--peru-sparkline-width:300px;--peru-sparkline-height:60px"><img src="[^"]+sparkline\.svg\?width=300&amp;height=60&amp;/,
    );
    const preview = previewHtml(spec({ kind: 'card', width: 480 }), ORIGIN, TEXT);
    expect(preview).toContain(' data-style="inline-size:480px"');
    expect(preview).not.toContain(' style=');
    expect(embedHtml(spec({ kind: 'card', width: 480 }), ORIGIN, TEXT)).toContain(' style="inline-size:480px"');
  });

  it('writes the script and the element on one line, with a static fallback sized as the card (not lazy)', () => {
    const html = embedHtml(spec({ metric: 'destination/CN', lang: 'en', theme: 'dark' }), ORIGIN, TEXT);
    expect(html).not.toContain('\n');
    expect(html).toMatch(
      new RegExp(
        `^<script type="module" src="${ORIGIN}/widgets/v1/peru-exports.js"></script>` +
          '<peru-export-card metric="destination/CN" lang="en" theme="dark"><img src="[^"]+/card.svg[^"]*" width="360" height="209" alt="Exportaciones a China: US\\$ 25 mil millones \\(2024\\)"></peru-export-card>$',
      ),
    );
  });

  it('offers the live kinds pinned to the current release: its versioned URL, integrity and crossorigin', () => {
    const pinned = { file: '/widgets/v0.3.0/peru-exports.js', integrity: 'sha384-abc+/=' };
    const card = spec({ metric: 'destination/CN', lang: 'en' });
    const forms = snippets(card, ORIGIN, TEXT, pinned);
    expect(forms.map((s) => s.form)).toEqual(['html', 'pinned', 'image', 'newsletter', 'markdown', 'json', 'csv']);
    const code = forms.find((s) => s.form === 'pinned')!.code;
    expect(code).toBe(
      `<script type="module" src="${ORIGIN}/widgets/v0.3.0/peru-exports.js" integrity="sha384-abc+/=" crossorigin="anonymous"></script>${elementTag(card, ORIGIN, TEXT)}`,
    );
    expect(snippets(spec({ kind: 'ranking' }), ORIGIN, TEXT, pinned).map((s) => s.form)).toEqual(['html', 'pinned', 'json', 'csv']);
    // Images run no script; without a known release there is nothing to pin.
    expect(snippets(spec({ kind: 'card-image' }), ORIGIN, TEXT, pinned).map((s) => s.form)).not.toContain('pinned');
    expect(snippets(card, ORIGIN, TEXT, null).map((s) => s.form)).not.toContain('pinned');
  });

  it('names the ranking in the element and omits unset options', () => {
    expect(elementTag(spec({ kind: 'ranking', ranking: 'sectors', limit: 5 }), ORIGIN, TEXT)).toBe(
      '<peru-export-ranking kind="sectors" limit="5" lang="es" theme="light"></peru-export-ranking>',
    );
  });

  it('gives an image kind as a plain <img>, with no script', () => {
    const html = embedHtml(spec({ kind: 'sparkline-image', width: 400 }), ORIGIN, TEXT);
    expect(html).toMatch(
      /^<img src="[^"]+sparkline\.svg\?width=400&amp;height=32&amp;theme=light&amp;lang=es" width="400" height="32" alt="[^"]+">$/,
    );
    expect(snippets(spec({ kind: 'card-image' }), ORIGIN, TEXT).map((s) => s.form)).toEqual([
      'image',
      'newsletter',
      'markdown',
      'json',
      'csv',
    ]);
    // The chart is an image only: no element, no script, in the snippets and the preview alike.
    const chart = spec({ kind: 'chart-image' });
    expect(snippets(chart, ORIGIN, TEXT).map((s) => s.form)).toEqual(['image', 'newsletter', 'markdown', 'json', 'csv']);
    expect(embedHtml(chart, ORIGIN, TEXT)).toMatch(
      /^<img src="[^"]+chart\.svg\?width=640&amp;height=360&amp;theme=light&amp;lang=es" width="640" height="360" alt="[^"]+">$/,
    );
    expect(previewHtml(chart, ORIGIN, TEXT)).toBe(embedHtml(chart, ORIGIN, TEXT));
    expect(elementTag(chart, ORIGIN, TEXT)).toBe(embedHtml(chart, ORIGIN, TEXT));
    expect(snippets(spec({ kind: 'card' }), ORIGIN, TEXT).map((s) => s.form)).toEqual([
      'html',
      'image',
      'newsletter',
      'markdown',
      'json',
      'csv',
    ]);
    expect(snippets(spec({ kind: 'ranking' }), ORIGIN, TEXT).map((s) => s.form)).toEqual(['html', 'json', 'csv']);
  });

  it('offers the PNG twin for newsletters: scale 2, sized, linked to the metric page, light for theme=auto', () => {
    const code = newsletterTag(spec({ kind: 'sparkline', metric: 'sector/agro', width: 400, theme: 'auto' }), ORIGIN, TEXT)!;
    expect(code).toMatch(
      /^<a href="https:\/\/exports\.example\/m\/sector\/agro"><img src="[^"]+" width="400" height="32" alt="[^"]+" style="[^"]+"><\/a>$/,
    );
    const src = new URL(/src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&'));
    expect(src.pathname).toBe('/v1/metrics/sector/agro/sparkline.png');
    expect(Object.fromEntries(src.searchParams)).toEqual({ width: '400', height: '32', theme: 'light', lang: 'es', scale: '2' });
    // The same query as the SVG snippet's, but the theme and scale.
    const svg = new URL(imageUrl(spec({ kind: 'sparkline', metric: 'sector/agro', width: 400, theme: 'light' }), ORIGIN)!);
    expect(src.search).toBe(`${svg.search}&scale=2`);
    expect(newsletterTag(spec({ kind: 'ranking' }), ORIGIN, TEXT)).toBeNull();
  });

  it('escapes text and attribute values, so no value can open a tag', () => {
    const anything = (): boolean => true;
    const hostile = parseEmbedSpec({ metric: '"><script>alert(1)</script>' }, anything).spec;
    const text = { title: '<b>"Tom & Jerry"</b>', figure: "it's" };
    const html = embedHtml(hostile, ORIGIN, text);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('alt="&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;: it&#39;s"');
  });

  it('escapes brackets in Markdown alt text and links the image to the metric page', () => {
    const md = markdownImage(spec({ metric: 'sector/agro', lang: 'en' }), ORIGIN, { title: 'Agro [non-traditional]', figure: '' });
    expect(md).toBe(
      `[![Agro \\[non-traditional\\]](${ORIGIN}/v1/metrics/sector/agro/card.svg?width=360&theme=light&lang=en)](${ORIGIN}/m/sector/agro?lang=en)`,
    );
  });

  it('sizes each kind by default and honours an explicit size', () => {
    expect(embedSize(spec({ kind: 'sparkline' }))).toEqual({ width: 120, height: 32 });
    expect(embedSize(spec({ kind: 'card', width: 500 }))).toEqual({ width: 500, height: null });
    expect(embedSize(spec({ kind: 'ranking' }))).toEqual({ width: null, height: null });
  });
});
