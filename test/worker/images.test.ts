/**
 * The SVG image routes through the worker's fetch handler (workerd): what a hotlinking page
 * or an image proxy gets — status, headers, and the SVG parsed as XML.
 */
import { describe, expect, it } from 'vitest';
import { annual, latestPeriod, monthFromNumber, monthNumber } from '../../data/derive';
import { getMetric } from '../../data/index';
import type { SeriesMetric } from '../../data/types';
import { PALETTES } from '@peru-exports/widgets/render';
import { cacheControl } from '../../worker/cache-policy';
import { ProblemError } from '../../worker/problem';
import { checkImageSeries, DEFAULT_MONTHS, MAX_IMAGE_POINTS } from '../../worker/checks/image';
import { imagePoints } from '../../worker/views/images';
import { expectSafe, expectValidImage, expectElement, findAll, expectWellFormedSvg, walk, type SvgNode } from '../render/svg';
import { fetchSettled, get } from './helpers';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** An image answer: checks what every image (error or not) carries and returns the parsed SVG. */
async function image(path: string, init?: RequestInit): Promise<{ res: Response; svg: string; root: SvgNode }> {
  const res = await get(path, init);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toBe(CSP);
  expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  const svg = await res.text();
  return { res, svg, root: expectValidImage(svg) };
}

async function goodImage(path: string, init?: RequestInit) {
  const answer = await image(path, init);
  expect(answer.res.headers.get('x-error'), `${path}: ${answer.svg.slice(0, 600)}`).toBeNull();
  return answer;
}

/** An error image: 200, X-Error, briefly cached, and text (visible and in <desc>) naming the problem. */
async function errorImage(path: string, code: string, ...mentions: (string | RegExp)[]) {
  const answer = await image(path);
  expect(answer.res.headers.get('x-error'), path).toBe(code);
  expect(answer.res.headers.get('cache-control')).toBe(cacheControl('error'));
  expect(answer.res.headers.get('etag')).toBeNull();
  expect(answer.res.headers.get('x-cache')).toBeNull();
  const desc = expectElement(answer.root, 'desc').text;
  const shown = findAll(answer.root, 'text')
    .slice(1)
    .map((t) => t.text)
    .join(' ');
  for (const mention of mentions) {
    expect(desc, path).toMatch(mention);
    // What is drawn is the same message, cut to at most four lines.
    if (typeof mention === 'string' && desc.indexOf(mention) < 80) expect(shown.replace(/…$/, '')).toContain(mention);
  }
  return answer;
}

/** The `<svg>` elements inside the image (a card's sparkline). */
const nestedSvgs = (root: SvgNode) => findAll(root, 'svg').filter((node) => node !== root);
const linePath = (root: SvgNode) => findAll(root, 'path').find((p) => p.attrs.fill === 'none');
const lineCoordinates = (root: SvgNode) => (linePath(root)?.attrs.d ?? '').match(/-?\d+(?:\.\d+)?/g)?.length ?? 0;

function metric(id: string): SeriesMetric {
  const m = getMetric(id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}

/** The default image range: the last 24 months up to the latest value. */
function defaultRange(id: string): { from: string; to: string } {
  const end = monthNumber(latestPeriod(metric(id))!)!;
  return { from: monthFromNumber(end - DEFAULT_MONTHS + 1), to: monthFromNumber(end) };
}

describe('GET /v1/metrics/{id}/sparkline.svg', () => {
  it('draws the last 24 months by default as a 120×32 line, titled with the metric', async () => {
    const { root, res } = await goodImage('/v1/metrics/total/sparkline.svg');
    expect(root.attrs.width).toBe('120');
    expect(root.attrs.height).toBe('32');
    expect(root.attrs.lang).toBe('es');
    expect(expectElement(root, 'title').text).toBe('Exportaciones totales');
    expect(lineCoordinates(root)).toBe(2 * DEFAULT_MONTHS);
    const { from, to } = defaultRange('total');
    expect(expectElement(root, 'desc').text).toMatch(
      new RegExp(`^De US\\$\u00a0[\\d,]+ mil millones en \\w+ de ${from.slice(0, 4)} a .* de ${to.slice(0, 4)};`),
    );
    expect(res.headers.get('cache-control')).toBe(cacheControl('image'));
    expect(res.headers.get('vary')).toBe('Accept-Language');
    expect(res.headers.get('etag')).toMatch(/^"1-[0-9a-f]{8}-[0-9a-f]{24}"$/);
  });

  it('draws each type: line, area (filled under the line) and bar (one bar per period)', async () => {
    const line = await goodImage('/v1/metrics/total/sparkline.svg?type=line');
    expect(findAll(line.root, 'path')).toHaveLength(1);
    expect(findAll(line.root, 'rect')).toHaveLength(0);

    const area = await goodImage('/v1/metrics/total/sparkline.svg?type=area');
    const fill = findAll(area.root, 'path').find((p) => p.attrs['fill-opacity'] === '0.2');
    expect(fill?.attrs.fill).toBe(PALETTES.light.area);
    expect(fill?.attrs.d).toMatch(/Z$/);
    expect(linePath(area.root)).toBeDefined();

    const bar = await goodImage('/v1/metrics/total/sparkline.svg?type=bar');
    expect(findAll(bar.root, 'rect')).toHaveLength(DEFAULT_MONTHS);
    expect(findAll(bar.root, 'path')).toHaveLength(0);
  });

  it('draws each theme: light and dark colours as attributes, auto with a dark-scheme style', async () => {
    const light = await goodImage('/v1/metrics/total/sparkline.svg?theme=light&bg=theme');
    expect(linePath(light.root)?.attrs.stroke).toBe(PALETTES.light.line);
    expect(expectElement(light.root, 'rect').attrs.fill).toBe(PALETTES.light.background);
    expect(findAll(light.root, 'style')).toHaveLength(0);

    const dark = await goodImage('/v1/metrics/total/sparkline.svg?theme=dark&bg=theme');
    expect(linePath(dark.root)?.attrs.stroke).toBe(PALETTES.dark.line);
    expect(expectElement(dark.root, 'rect').attrs.fill).toBe(PALETTES.dark.background);

    const auto = await goodImage('/v1/metrics/total/sparkline.svg?theme=auto');
    expect(linePath(auto.root)?.attrs.stroke).toBe(PALETTES.light.line);
    expect(expectElement(auto.root, 'style').text).toContain(`stroke:${PALETTES.dark.line}`);
  });

  it('takes a size, a colour, a background, markers, a mean and a baseline', async () => {
    const { root } = await goodImage(
      '/v1/metrics/total/sparkline.svg?width=320&height=80&color=teal&bg=ffeecc&markers=last,max&mean=true&baseline=1&type=bar',
    );
    expect([root.attrs.width, root.attrs.height]).toEqual(['320', '80']);
    const [background, ...bars] = findAll(root, 'rect');
    expect(background!.attrs.fill).toBe('#ffeecc');
    // Colours are drawn in one spelling, #rrggbb (teal), whatever spelling was asked for.
    expect(bars.every((b) => b.attrs.fill === '#008080')).toBe(true);
    expect(findAll(root, 'circle').length).toBeGreaterThanOrEqual(1);
    expect(findAll(root, 'circle').length).toBeLessThanOrEqual(2);
    expect(findAll(root, 'path').some((p) => p.attrs['stroke-dasharray'] === '3 2')).toBe(true); // mean
    expect(findAll(root, 'path').some((p) => p.attrs.d === 'M0 80H320' || /^M0 [\d.]+H320$/.test(p.attrs.d ?? ''))).toBe(true);

    const plain = await goodImage('/v1/metrics/total/sparkline.svg?markers=none&mean=false&baseline=0');
    expect(findAll(plain.root, 'circle')).toHaveLength(0);
    expect(findAll(plain.root, 'path')).toHaveLength(1);
  });

  it('draws the asked range, monthly or annual, as the JSON series has it', async () => {
    const months = await goodImage('/v1/metrics/destination/CN/sparkline.svg?from=2023-01&to=2023-06&type=bar');
    expect(findAll(months.root, 'rect')).toHaveLength(6);
    const years = await goodImage('/v1/metrics/destination/CN/sparkline.svg?from=2010&to=2019&freq=annual&type=bar');
    expect(findAll(years.root, 'rect')).toHaveLength(10);
    // Every month of the series (the longest: 244 points) is within the bound.
    const all = await goodImage('/v1/metrics/total/sparkline.svg?from=2005-01');
    expect(lineCoordinates(all.root)).toBe(2 * metric('total').values.length);
    // An annual series defaults to every year.
    const annual = (await import('../../data/index')).metrics.find((m) => m.frequency === 'annual')!;
    const wb = await goodImage(`/v1/metrics/${annual.id}/sparkline.svg?type=bar`);
    expect(findAll(wb.root, 'rect')).toHaveLength(annual.values.filter((v) => v !== null).length);
  });

  it('draws a partial year (2025, four months) lighter and named, never as the lowest year', async () => {
    const { root } = await goodImage('/v1/metrics/total/sparkline.svg?freq=annual&type=bar&from=2015&lang=en&markers=min,max');
    const bars = findAll(root, 'rect');
    expect(bars).toHaveLength(11); // 2015–2024 and 2025
    const partial = bars.filter((b) => b.attrs['fill-opacity'] !== undefined);
    expect(partial).toEqual([bars[10]]);
    expect(Number(partial[0]!.attrs['fill-opacity'])).toBeLessThan(1);
    expect(expectElement(partial[0]!, 'title').text).toBe('2025 (4 months)');
    // Its 4 months are the smallest bar, but neither the <desc> nor the min marker calls it the lowest.
    const desc = expectElement(root, 'desc').text;
    expect(desc).not.toMatch(/lowest [^,]* in 2025/);
    expect(desc).toMatch(
      /^From US\$[\d.]+ billion in 2015 to US\$[\d.]+ billion in 2024; lowest US\$[\d.]+ billion in 20(1\d|2[0-4]), highest/,
    );
    expect(desc).toMatch(/Partial year: US\$22\.5 billion in 2025 \(4 months\)\.$/);
    const centre = (bar: SvgNode) => Number(bar.attrs.x) + Number(bar.attrs.width) / 2;
    const marked = findAll(root, 'circle').map((c) => Number(c.attrs.cx));
    expect(marked).toHaveLength(2);
    expect(marked).not.toContain(centre(bars[10]!));
    // Years that end before it are drawn as before.
    const whole = await goodImage('/v1/metrics/total/sparkline.svg?freq=annual&type=bar&from=2015&to=2024');
    expect(findAll(whole.root, 'rect').every((b) => b.attrs['fill-opacity'] === undefined)).toBe(true);
    // A line keeps it apart: the line joins the whole years, the partial one is a lighter dot.
    const line = await goodImage('/v1/metrics/total/sparkline.svg?freq=annual&from=2015&lang=es');
    expect(lineCoordinates(line.root)).toBe(2 * 10);
    const dot = findAll(line.root, 'circle').find((c) => c.attrs['fill-opacity'] !== undefined);
    expect(expectElement(dot!, 'title').text).toBe('2025 (4 meses)');
    // A card's annual sparkline too.
    const card = await goodImage('/v1/metrics/total/card.svg?freq=annual&type=bar&from=2015&lang=en');
    const cardBars = findAll(nestedSvgs(card.root)[0]!, 'rect');
    expect(cardBars.filter((b) => b.attrs['fill-opacity'] !== undefined).map((b) => expectElement(b, 'title').text)).toEqual([
      '2025 (4 months)',
    ]);
  });

  it("applies the same rule to any monthly series: BCRP's current year", async () => {
    const bcrp = metric('bcrp/total');
    const years = annual(bcrp);
    const current = years.at(-1)!;
    expect(current.partial).toBe(true);
    const label = `${current.year} (${current.months} months)`;
    const { root } = await goodImage('/v1/metrics/bcrp/total/sparkline.svg?freq=annual&type=bar&lang=en');
    const bars = findAll(root, 'rect');
    expect(bars).toHaveLength(years.length);
    expect(bars.filter((b) => b.attrs['fill-opacity'] !== undefined).map((b) => expectElement(b, 'title').text)).toEqual([label]);
    expect(expectElement(root, 'desc').text).toMatch(
      new RegExp(`Partial year: US\\$[\\d.]+ billion in ${current.year} \\(${current.months} months\\)\\.$`),
    );
    const detail = (await (await get('/v1/metrics/bcrp/total?lang=en')).json()) as {
      annual: { periodLabel: string; comparedWith: { to: string } };
    };
    expect(detail.annual.periodLabel).toBe(label);
    expect(detail.annual.comparedWith.to).toBe(`${current.year - 1}-${String(current.months).padStart(2, '0')}`);
  });

  it('speaks the asked language: lang, else Accept-Language', async () => {
    const en = await goodImage('/v1/metrics/destination/CN/sparkline.svg?lang=en');
    expect(en.root.attrs.lang).toBe('en');
    expect(expectElement(en.root, 'title').text).toBe('China');
    expect(expectElement(en.root, 'desc').text).toMatch(/^From US\$[\d.]+ (billion|million) in \w+ \d{4} to/);
    const header = await goodImage('/v1/metrics/destination/CN/sparkline.svg', { headers: { 'Accept-Language': 'en-GB,en;q=0.8' } });
    expect(header.svg).toBe(en.svg);
    const es = await goodImage('/v1/metrics/destination/CN/sparkline.svg?lang=es', { headers: { 'Accept-Language': 'en' } });
    expect(es.root.attrs.lang).toBe('es');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('/v1/metrics/total/sparkline.svg', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await res.text()).toBe('');
  });
});

describe('GET /v1/metrics/{id}/card.svg', () => {
  it('shows the figures of the JSON API: label, value, change, period, sparkline and source', async () => {
    const detail = (await (await get('/v1/metrics/destination/CN?lang=en')).json()) as {
      label: string;
      latest: { formattedValue: string };
      formattedChange: string;
      changePct: number;
      source: { publisher: string };
    };
    const { root } = await goodImage('/v1/metrics/destination/CN/card.svg?lang=en');
    expect(root.attrs.width).toBe('360');
    const texts = findAll(root, 'text').map((t) => t.text);
    expect(texts[0]).toBe(detail.label);
    expect(texts[1]).toBe(detail.latest.formattedValue);
    expect(texts[2]).toBe(`${detail.changePct > 0 ? '▲' : detail.changePct < 0 ? '▼' : ''} ${detail.formattedChange}`.trim());
    expect(texts.join(' ')).toContain(`Source: ${detail.source.publisher.slice(0, 10)}`);
    const spark = nestedSvgs(root);
    expect(spark).toHaveLength(1);
    expect(lineCoordinates(spark[0]!)).toBe(2 * DEFAULT_MONTHS);
    expect(findAll(root, 'circle')).toHaveLength(1); // the last value, a card's default marker
  });

  it('answers a highlight with its published figure and no sparkline', async () => {
    const { root } = await goodImage('/v1/metrics/highlight/total/card.svg');
    const texts = findAll(root, 'text').map((t) => t.text);
    expect(texts.slice(0, 4)).toEqual(['Exportaciones totales', 'US$\u00a074,7 mil millones', '▲ +15,6\u00a0%', '2024']);
    expect(nestedSvgs(root)).toHaveLength(0);
    // The period parameters have nothing to apply to (as for the element), but are still checked.
    const ranged = await goodImage('/v1/metrics/highlight/total/card.svg?from=2020&freq=annual');
    expect(findAll(ranged.root, 'text').map((t) => t.text)).toEqual(texts);
    await errorImage('/v1/metrics/highlight/total/card.svg?from=2020-13', 'bad-parameter', 'from must be a year YYYY or a month YYYY-MM');
    // A figure published only as a growth rate shows the growth as the figure.
    const growth = await goodImage('/v1/metrics/highlight/blueberries/card.svg?lang=en');
    expect(findAll(growth.root, 'text')[1]!.text).toMatch(/^[+-][\d.]+%$/);
  });

  it('takes width, compact, theme, colours, a transparent background and the sparkline options', async () => {
    const wide = await goodImage('/v1/metrics/sector/agro/card.svg?width=480&theme=dark&type=area&markers=min,max&color=gold');
    expect(wide.root.attrs.width).toBe('480');
    const frame = expectElement(wide.root, 'rect');
    expect(frame.attrs.fill).toBe(PALETTES.dark.background);
    const [spark] = nestedSvgs(wide.root);
    if (!spark) throw new Error('no sparkline in the card');
    expect(findAll(spark, 'path').find((p) => p.attrs['fill-opacity'] === '0.2')?.attrs.fill).toBe('#ffd700'); // gold
    expect(findAll(spark, 'circle').length).toBeGreaterThanOrEqual(1);

    const compact = await goodImage('/v1/metrics/sector/agro/card.svg?compact=true');
    expect(compact.root.attrs.width).toBe('280');
    expect(Number(compact.root.attrs.height)).toBeLessThan(Number(wide.root.attrs.height));

    const transparent = await goodImage('/v1/metrics/sector/agro/card.svg?bg=transparent');
    expect(findAll(transparent.root, 'rect').filter((r) => r.attrs.rx === '6')).toHaveLength(0);
    const coloured = await goodImage('/v1/metrics/sector/agro/card.svg?bg=ivory');
    expect(expectElement(coloured.root, 'rect').attrs.fill).toBe('#fffff0'); // ivory
  });
});

describe('GET /v1/metrics/{id}/chart.svg', () => {
  it('draws the last 24 months by default at 640×360: title, subtitle, axes, latest value, note and source', async () => {
    const { root, res } = await goodImage('/v1/metrics/total/chart.svg');
    expect(res.headers.get('cache-control')).toBe(cacheControl('image'));
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(root.attrs.width).toBe('640');
    expect(root.attrs.height).toBe('360');
    expect(root.attrs.lang).toBe('es');
    expect(expectElement(root, 'title').text).toBe('Exportaciones totales');
    const shown = findAll(root, 'text').map((t) => t.text);
    const { from, to } = defaultRange('total');
    const short = (period: string) =>
      new Intl.DateTimeFormat('es', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
    expect(shown[1]).toBe(`Dólares (US$), mensual, ${short(from)}\u2013${short(to)}`);
    expect(shown.some((t) => /^US\$\u00a0\d+(,\d+)?\u00a0mil\u00a0M$/.test(t))).toBe(true);
    expect(shown).toContain('Línea discontinua: cifras preliminares (desde ene 2024)');
    expect(shown).toContain('Fuente: SUNAT, Nota Tributaria y Aduanera, Cuadro G1 · datos a abril de 2025');
    // The description is the data in words, as the series API says it.
    const series = (await (await get('/v1/metrics/total/series?last=24&to=' + to)).json()) as { description: string };
    expect(expectElement(root, 'desc').text).toContain(series.description);
  });

  it('takes type, freq, from/to and last, width and height, theme and background', async () => {
    const bars = await goodImage(
      '/v1/metrics/sector/agro/chart.svg?type=bar&freq=annual&from=2015&lang=en&theme=dark&width=320&height=200',
    );
    expect(bars.root.attrs.width).toBe('320');
    expect(bars.root.attrs.height).toBe('200');
    expect(findAll(bars.root, 'rect')[0]!.attrs.fill).toBe(PALETTES.dark.background);
    const years = findAll(bars.root, 'text')
      .map((t) => t.text)
      .filter((t) => /^\d{4}$/.test(t));
    expect(years.length).toBeGreaterThanOrEqual(2);
    expect(findAll(bars.root, 'text').map((t) => t.text)).toContain('US$0');
    const last = await goodImage('/v1/metrics/total/chart.svg?last=6&to=2024-12&lang=en&bg=transparent');
    expect(findAll(last.root, 'text')[1]!.text).toBe('US dollars, monthly, Jul 2024\u2013Dec 2024');
    expect(findAll(last.root, 'rect')).toHaveLength(0);
    const auto = await goodImage('/v1/metrics/total/chart.svg?theme=auto');
    expect(expectElement(auto.root, 'style').text).toContain('prefers-color-scheme:dark');
  });

  it('compares up to four more metrics, each with its colour, end label and source', async () => {
    const { root } = await goodImage('/v1/metrics/total/chart.svg?compare=bcrp/total,destination/CN&lang=en&from=2024-01');
    const shown = findAll(root, 'text').map((t) => t.text);
    expect(shown.some((t) => t.startsWith('Total exports (BCRP) US$'))).toBe(true);
    expect(shown.some((t) => t.startsWith('China US$'))).toBe(true);
    // Shown in two lines; the description holds it whole.
    expect(expectElement(root, 'desc').text).toMatch(
      /Sources: SUNAT, Nota Tributaria y Aduanera, Table G1 \(as of Apr 2025\); BCRP, BCRPData, monthly series \(as of \w{3} \d{4}\); SUNAT, Nota Tributaria y Aduanera, Table G6/,
    );
    const strokes = findAll(root, 'path')
      .filter((p) => p.attrs.fill === 'none')
      .map((p) => p.attrs.stroke);
    expect(new Set(strokes).size).toBe(3);
  });

  it('answers the slashed id and its %2F spelling alike', async () => {
    const a = await goodImage('/v1/metrics/destination/CN/chart.svg?lang=en');
    const b = await goodImage('/v1/metrics/destination%2FCN/chart.svg?lang=en');
    expect(b.svg).toBe(a.svg);
    expect(b.res.headers.get('etag')).toBe(a.res.headers.get('etag'));
  });

  it('keys the cache on the compared ids in their order, each once', async () => {
    const etag = async (path: string) => (await goodImage(path)).res.headers.get('etag');
    const base = await etag('/v1/metrics/total/chart.svg?compare=destination/CN,destination/US');
    expect(await etag('/v1/metrics/total/chart.svg?compare=destination/CN,destination/US,destination/CN')).toBe(base);
    expect(await etag('/v1/metrics/total/chart.svg?compare=destination/US,destination/CN')).not.toBe(base);
  });

  const errors: [string, string, ...(string | RegExp)[]][] = [
    ['chart.svg?width=319', 'bad-parameter', 'width must be a whole number of pixels from 320 to 1600; got "319"'],
    ['chart.svg?height=1001', 'bad-parameter', 'height must be a whole number of pixels from 200 to 1000'],
    ['chart.svg?type=area', 'bad-parameter', 'type must be line or bar; got "area"'],
    ['chart.svg?compare=a,b,c,d,e', 'bad-parameter', 'compare must be up to 4 other metric ids'],
    ['chart.svg?compare=destination/<x>', 'bad-parameter', 'compare must be up to 4 other metric ids'],
    ['chart.svg?compare=chinaa', 'bad-parameter', 'compare: there is no metric "chinaa"'],
    ['chart.svg?compare=highlight/total', 'bad-parameter', 'compare: highlight/total is a press-release figure, not a series'],
    [
      'chart.svg?compare=worldbank/total',
      'bad-parameter',
      'compare: worldbank/total: worldbank/total is an annual series; it has no monthly points',
    ],
    ['chart.svg?last=5&from=2020', 'bad-parameter', 'from and last cannot be used together'],
    ['chart.svg?last=1001', 'bad-parameter', 'last must be a whole number from 1 to 1000'],
    ['chart.svg?markers=last', 'bad-parameter', 'unknown parameter "markers"'],
  ];
  it.each(errors)('total/%s answers an error image', async (query, code, ...mentions) => {
    await errorImage(`/v1/metrics/total/${query}`, code, ...mentions);
  });

  it('answers an error image for a highlight, which has no series', async () => {
    await errorImage('/v1/metrics/highlight/total/chart.svg', 'not-found', 'highlight/total is a press-release figure, not a series');
  });
});

describe('image headers and caching', () => {
  it('answers If-None-Match with 304 and the same validators, before any drawing', async () => {
    const path = '/v1/metrics/destination/US/card.svg?theme=dark';
    const first = await goodImage(path);
    const etag = first.res.headers.get('etag')!;
    const again = await get(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(cacheControl('image'));
    expect(await again.text()).toBe('');
    const weak = await get(path, { headers: { 'If-None-Match': `W/${etag}` } });
    expect(weak.status).toBe(304);
  });

  it('normalises the cache key: parameter order, lang vs Accept-Language, %2F in the id', async () => {
    const etag = async (path: string, init?: RequestInit) => (await goodImage(path, init)).res.headers.get('etag');
    const base = await etag('/v1/metrics/destination/CN/sparkline.svg?type=bar&width=200&lang=en');
    expect(await etag('/v1/metrics/destination/CN/sparkline.svg?width=200&lang=en&type=bar')).toBe(base);
    expect(await etag('/v1/metrics/destination/CN/sparkline.svg?width=200&type=bar', { headers: { 'Accept-Language': 'en' } })).toBe(base);
    expect(await etag('/v1/metrics/destination%2FCN/sparkline.svg?type=bar&width=200&lang=en')).toBe(base);
    expect(await etag('/v1/metrics/destination%2fCN/sparkline.svg?lang=en&type=bar&width=200')).toBe(base);
    // Anything that changes the picture changes the key.
    expect(await etag('/v1/metrics/destination/CN/sparkline.svg?type=bar&width=201&lang=en')).not.toBe(base);
    expect(await etag('/v1/metrics/destination/CN/sparkline.svg?type=bar&width=200&lang=es')).not.toBe(base);
    expect(await etag('/v1/metrics/destination/CN/card.svg?type=bar&width=200&lang=en')).not.toBe(base);
    expect(
      await etag('/v1/metrics/destination/CN/sparkline.svg?type=bar&width=200&lang=en', { headers: { 'Accept-Language': 'es' } }),
    ).toBe(base);
  });

  it('stores images in the Cache API and serves reordered repeats from it; never error images', async () => {
    const first = await fetchSettled('/v1/metrics/sector/fishing-traditional/sparkline.svg?width=77&type=area');
    expect(first.headers.get('x-cache')).toBe('MISS');
    const again = await fetchSettled('/v1/metrics/sector/fishing-traditional/sparkline.svg?type=area&width=77&lang=es');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(again.headers.get('content-security-policy')).toBe(CSP);
    expect(await again.text()).toBe(await first.text());

    for (let i = 0; i < 2; i++) {
      const error = await fetchSettled('/v1/metrics/sector/fishing-traditional/sparkline.svg?width=77&type=pie');
      expect(error.headers.get('x-error')).toBe('bad-parameter');
      expect(error.headers.get('x-cache')).toBeNull();
    }
  });

  it('lets any origin read images, X-Error included', async () => {
    const res = await get('/v1/metrics/total/card.svg', { headers: { Origin: 'https://news.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Error');
    const preflight = await get('/v1/metrics/total/card.svg', {
      method: 'OPTIONS',
      headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content: object }> } }>;
    };
    for (const path of ['/v1/metrics/{id}/sparkline.svg', '/v1/metrics/{id}/card.svg', '/v1/metrics/{id}/chart.svg']) {
      expect(Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {})).toEqual(['image/svg+xml']);
    }
  });
});

describe('bad input answers an error image (200, X-Error), never a broken image', () => {
  it('names an unknown metric and suggests close ids', async () => {
    await errorImage('/v1/metrics/destination/XX/sparkline.svg', 'unknown-metric', 'There is no metric "destination/XX"', /Did you mean/);
    await errorImage('/v1/metrics/chinaa/card.svg', 'unknown-metric', /Did you mean .*destination\/CN/);
  });

  it('says that a highlight has no series to draw', async () => {
    await errorImage('/v1/metrics/highlight/total/sparkline.svg', 'not-found', 'highlight/total is a press-release figure, not a series');
  });

  const cases: [string, string, ...(string | RegExp)[]][] = [
    ['sparkline.svg?width=abc', 'width must be a whole number of pixels from 16 to 2000; got "abc"'],
    ['sparkline.svg?width=15', 'width must be a whole number of pixels from 16 to 2000; got "15"'],
    ['sparkline.svg?width=-5&height=99999', 'width must be', 'height must be a whole number of pixels from 8 to 1000'],
    ['sparkline.svg?width=2.5', 'width must be a whole number'],
    ['card.svg?width=1000', 'width must be a whole number of pixels from 200 to 800'],
    ['card.svg?height=100', 'unknown parameter "height"'],
    ['sparkline.svg?type=pie', 'type must be line, area or bar; got "pie"'],
    ['sparkline.svg?theme=blue', 'theme must be light, dark or auto'],
    ['sparkline.svg?color=reddish', 'color must be a hex colour', /got "reddish"/],
    ['sparkline.svg?color=url(%23x)', 'color must be a hex colour'],
    ['sparkline.svg?bg=rgb(0,0,0)', 'bg must be transparent, theme or a hex colour'],
    ['sparkline.svg?markers=first', 'markers must be none, or a comma-separated list of last, min, max'],
    ['sparkline.svg?mean=yes', 'mean must be true or false'],
    ['card.svg?compact=2', 'compact must be true or false'],
    ['sparkline.svg?lang=fr', 'lang must be es or en'],
    ['sparkline.svg?freq=weekly', 'freq must be monthly or annual'],
    ['sparkline.svg?from=2024-13', 'from must be a year YYYY or a month YYYY-MM'],
    ['sparkline.svg?from=2024&to=2020', 'from (2024) is after to (2020)'],
    ['sparkline.svg?from=1990&to=1995', 'the series has no data between'],
    ['sparkline.svg?freq=annual&from=2020-01', 'with freq=annual, from must be a year'],
    ['sparkline.svg?colour=red', 'unknown parameter "colour"; did you mean "color"?'],
    ['sparkline.svg?type=bar&type=line', 'type is given 2 times'],
  ];
  it.each(cases)('total/%s', async (query, ...mentions) => {
    await errorImage(`/v1/metrics/total/${query}`, 'bad-parameter', ...mentions);
  });

  it('refuses monthly points of an annual series', async () => {
    const annual = (await import('../../data/index')).metrics.find((m) => m.frequency === 'annual')!;
    await errorImage(
      `/v1/metrics/${annual.id}/sparkline.svg?freq=monthly`,
      'bad-parameter',
      'is an annual series; it has no monthly points',
    );
  });

  it('draws the error in the theme and language asked for, and wide enough to read', async () => {
    const { root } = await errorImage(
      '/v1/metrics/total/sparkline.svg?type=pie&theme=dark&lang=en&width=120',
      'bad-parameter',
      'type must be',
    );
    expect(expectElement(root, 'rect').attrs.fill).toBe(PALETTES.dark.background);
    expect(expectElement(root, 'title').text).toBe('Cannot draw this image');
    expect(root.attrs.width).toBe('240');
    const bad = await errorImage(
      '/v1/metrics/total/sparkline.svg?theme=%3Cx%3E&width=%3Cy%3E',
      'bad-parameter',
      'width must be',
      'theme must be',
    );
    expect(bad.root.attrs.width).toBe('360');
    expect(expectElement(bad.root, 'rect').attrs.fill).toBe(PALETTES.light.background);
  });

  it('bounds the points per image and says so', () => {
    const base = metric('total');
    const long: SeriesMetric = { ...base, start: '1980-01', values: Array.from({ length: 400 }, (_, i) => 1000 + i) };
    expect(imagePoints(checkImageSeries(long, { from: '1990-01' }), 'en')).toHaveLength(400 - 120);
    let thrown: unknown;
    try {
      checkImageSeries(long, { from: '1980-01' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    const problem = (thrown as ProblemError).problem;
    expect(problem.status).toBe(400);
    expect(problem.errors?.[0]?.param).toBe('from');
    expect(problem.errors?.[0]?.message).toBe(
      `1980-01 to 2013-04 is 400 months; an image draws at most ${MAX_IMAGE_POINTS} points: choose a shorter range or freq=annual`,
    );
  });
});

describe('no parameter can inject markup', () => {
  const payloads = [
    '"><script>alert(1)</script>',
    "'/><rect onload='alert(1)'/>",
    '</desc><foreignObject><iframe src="https://evil.example"/></foreignObject>',
    ']]><!--<image href="https://evil.example/x.png"/>-->',
    '&lt;script&gt;&#x3C;svg onload=alert(1)&#x3E;',
    'red;fill:url(https://evil.example/x)',
    'url(#x)',
    '\u0000\u0008\uFFFE\uD800<g/>',
  ];
  const params = [
    'width',
    'height',
    'type',
    'from',
    'to',
    'last',
    'freq',
    'color',
    'bg',
    'theme',
    'markers',
    'mean',
    'baseline',
    'lang',
    'compact',
    'compare',
    'x"onload="alert(1)',
  ];

  /**
   * Only the renderers' own elements and attributes, no attribute value carrying any of the
   * payload, and the payload (if echoed) only as escaped text.
   */
  function expectNoInjection(svg: string) {
    const root = expectWellFormedSvg(svg);
    expectSafe(root);
    walk(root, (node) => {
      for (const [name, value] of Object.entries(node.attrs)) {
        expect(value, `${name} on <${node.name}>`).not.toMatch(/[<>"'&]|alert|evil|script|url\(/);
      }
    });
    // Raw markup: every "<" opens one of the renderers' elements; no comment, CDATA or entity trick.
    for (const tag of svg.match(/<\/?[^\s>/]*/g) ?? []) expect(tag).toMatch(/^<\/?(svg|title|desc|style|rect|path|circle|text)$/);
    expect(svg).not.toMatch(/<!|<\?|&(?!(amp|lt|gt|quot|#39);)/);
  }

  it.each(params)('in %s', async (param) => {
    for (const payload of payloads) {
      for (const file of ['sparkline.svg', 'card.svg', 'chart.svg']) {
        const path = `/v1/metrics/total/${file}?${new URLSearchParams([[param, payload]]).toString()}`;
        const res = await get(path);
        expect(res.status).toBe(200);
        expect(res.headers.get('x-error'), path).not.toBeNull();
        expectNoInjection(await res.text());
      }
    }
  });

  it('in the metric id and in Accept-Language', async () => {
    // A lone surrogate cannot be percent-encoded as UTF-8: sent as the raw bytes of one instead.
    const ids = [...payloads.map((payload) => encodeURIComponent(payload.replace(/\p{Cs}/gu, ''))), '%ED%A0%80%00%FF%3C'];
    let reached = 0;
    for (const [i, id] of ids.entries()) {
      for (const path of [`/v1/metrics/${id}/card.svg`, `/v1/metrics/destination/${id}/sparkline.svg`, `/v1/metrics/${id}/chart.svg`]) {
        const res = await get(path);
        if (res.status === 404) continue; // the path does not reach an image route (a "/" in the payload)
        expect(res.status, path).toBe(200);
        expect(res.headers.get('x-error'), path).toBe('unknown-metric');
        expectNoInjection(await res.text());
        reached++;
      }
      const payload = payloads[i] ?? '<x>';
      const res = await get('/v1/metrics/total/card.svg', { headers: { 'Accept-Language': payload.replace(/[^\x20-\x7e]/g, '') } });
      expect(res.headers.get('x-error')).toBeNull();
      expectNoInjection(await res.text());
    }
    expect(reached).toBeGreaterThanOrEqual(ids.length);
  });
});
