/**
 * The embed builder's model: what to embed (a spec read from a query string) and the snippets
 * that reproduce it — script plus element, `<img>` hotlink, Markdown image, JSON and CSV URLs.
 * Pure: no HTTP, no DOM. The front page, the metric pages and oEmbed all use these functions,
 * so the code a reader copies is the code the page previews.
 */
import { HEADLINE_METRIC } from '../../data/bcrp/series';
import { escapeXml, LANGS, SPARKLINE_SIZE, THEMES, type Lang, type Theme } from '@peru-exports/widgets/render';
import { CARD_WIDTH, measureCard } from '../render/card';
import { CHART_SIZE } from '../render/chart';
import type { BundleInfo } from '../../widgets/scripts/readme-blocks';

export { LANGS, THEMES, type Lang, type Theme };
export type Frequency = 'monthly' | 'annual';
export type RankingKind = 'destinations' | 'sectors';

/**
 * What is embedded: one of the live elements, or a static SVG image of a card, a sparkline or a
 * chart with axes (no script at all: for pages and platforms that do not run third-party JavaScript).
 */
export type EmbedKind = 'card' | 'sparkline' | 'ranking' | 'card-image' | 'sparkline-image' | 'chart-image';

export const EMBED_KINDS = [
  'card',
  'sparkline',
  'ranking',
  'card-image',
  'sparkline-image',
  'chart-image',
] as const satisfies readonly EmbedKind[];
export const FREQUENCIES = ['monthly', 'annual'] as const satisfies readonly Frequency[];
export const RANKING_KINDS = ['destinations', 'sectors'] as const satisfies readonly RankingKind[];

/** Rows of a ranking the builder offers. */
export const RANKING_LIMIT = { min: 1, max: 50 } as const;

/**
 * The sizes each kind takes, from the renderers' own bounds: a card has a width only (its
 * height is fixed: measureCard); a sparkline and a chart have both; a ranking sizes itself to the page.
 */
export function sizeBounds(kind: EmbedKind): { width: Bounds | null; height: Bounds | null } {
  switch (kind) {
    case 'card':
    case 'card-image':
      return { width: CARD_WIDTH, height: null };
    case 'sparkline':
    case 'sparkline-image':
      return { width: SPARKLINE_SIZE.width, height: SPARKLINE_SIZE.height };
    case 'chart-image':
      return { width: CHART_SIZE.width, height: CHART_SIZE.height };
    case 'ranking':
      return { width: null, height: null };
  }
}

interface Bounds {
  min: number;
  max: number;
}

export interface EmbedSpec {
  kind: EmbedKind;
  /** Metric id (`total`, `destination/CN`, `highlight/total`); unused by rankings. */
  metric: string;
  /** Which ranking; used by `ranking` only. */
  ranking: RankingKind;
  /** Ranking year `YYYY`, or null for the latest 12 months. */
  year: string | null;
  /** Number of ranking rows, or null for the default. */
  limit: number | null;
  /** Period bounds `YYYY` or `YYYY-MM`, or null for the whole series. */
  from: string | null;
  to: string | null;
  freq: Frequency | null;
  theme: Theme;
  lang: Lang;
  /** Size in CSS pixels, or null for the default size of the kind (see sizeBounds). */
  width: number | null;
  height: number | null;
}

/** A query parameter the builder could not use, said the way the API's problem details say it. */
export interface EmbedIssue {
  param: string;
  message: string;
  allowed: string;
}

export const DEFAULT_SPEC: EmbedSpec = {
  kind: 'card',
  metric: HEADLINE_METRIC,
  ranking: 'destinations',
  year: null,
  limit: null,
  from: null,
  to: null,
  freq: null,
  theme: 'light',
  lang: 'es',
  width: null,
  height: null,
};

const YEAR = /^\d{4}$/;
const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

/**
 * Reads a spec from query parameters. Empty values mean "not set" (an HTML form sends every
 * field). A value the builder cannot use is left at its default and reported, so the page
 * can say what was wrong and still show a working embed.
 */
export function parseEmbedSpec(
  query: Readonly<Record<string, string | undefined>>,
  isMetric: (id: string) => boolean,
  defaults: EmbedSpec = DEFAULT_SPEC,
): { spec: EmbedSpec; issues: EmbedIssue[] } {
  const spec: EmbedSpec = { ...defaults };
  const issues: EmbedIssue[] = [];
  const value = (name: string): string | undefined => {
    const v = query[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const reject = (param: string, allowed: string, got: string): void => {
    issues.push({ param, allowed, message: `"${truncate(got, 40)}" is not one of: ${allowed}` });
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], set: (v: T) => void): void => {
    const v = value(name);
    if (v === undefined) return;
    if ((allowed as readonly string[]).includes(v)) set(v as T);
    else reject(name, allowed.join(', '), v);
  };
  const integer = (name: string, bounds: Bounds | null, set: (v: number) => void): void => {
    const v = value(name);
    if (v === undefined) return;
    // A card's height follows its content and a ranking sizes itself: the builder form still
    // sends those fields (hidden), so they are ignored rather than reported.
    if (bounds === null) return;
    const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
    if (n >= bounds.min && n <= bounds.max) set(n);
    else reject(name, `a whole number from ${bounds.min} to ${bounds.max}`, v);
  };
  const period = (name: 'from' | 'to'): void => {
    const v = value(name);
    if (v === undefined) return;
    if (PERIOD.test(v)) spec[name] = v;
    else reject(name, 'a year YYYY or a month YYYY-MM', v);
  };

  oneOf('kind', EMBED_KINDS, (v) => (spec.kind = v));
  const metric = value('metric');
  if (metric !== undefined) {
    if (isMetric(metric)) spec.metric = metric;
    else reject('metric', 'a metric id from /v1/metrics, e.g. total, sector/agro, destination/CN', metric);
  }
  oneOf('ranking', RANKING_KINDS, (v) => (spec.ranking = v));
  const year = value('year');
  if (year !== undefined) {
    if (YEAR.test(year)) spec.year = year;
    else reject('year', 'a year YYYY', year);
  }
  integer('limit', RANKING_LIMIT, (v) => (spec.limit = v));
  period('from');
  period('to');
  if (spec.from !== null && spec.to !== null && periodStart(spec.from) > periodEnd(spec.to)) {
    issues.push({ param: 'to', allowed: `a period not before ${spec.from}`, message: `"to" (${spec.to}) is before "from" (${spec.from})` });
    spec.to = null;
  }
  oneOf('freq', FREQUENCIES, (v) => (spec.freq = v));
  if (spec.freq === 'annual') {
    // Annual points are whole years (the API answers 400 to a month with freq=annual).
    for (const name of ['from', 'to'] as const) {
      const v = spec[name];
      if (v !== null && v.length !== 4) {
        issues.push({ param: name, allowed: 'a year YYYY (with freq=annual)', message: `"${v}" is a month; annual figures take a year` });
        spec[name] = null;
      }
    }
  }
  oneOf('theme', THEMES, (v) => (spec.theme = v));
  oneOf('lang', LANGS, (v) => (spec.lang = v));
  const size = sizeBounds(spec.kind);
  integer('width', size.width, (v) => (spec.width = v));
  integer('height', size.height, (v) => (spec.height = v));
  return { spec, issues };
}

/** The spec as query parameters, without the values that equal the defaults (for share URLs). */
export function specToQuery(spec: EmbedSpec, defaults: EmbedSpec = DEFAULT_SPEC): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of Object.keys(spec) as (keyof EmbedSpec)[]) {
    const v = spec[key];
    if (v !== null && v !== defaults[key]) query.set(key, String(v));
  }
  return query;
}

/** First and last month of a `YYYY` or `YYYY-MM` period, as sortable `YYYY-MM` text. */
const periodStart = (p: string): string => (p.length === 4 ? `${p}-01` : p);
const periodEnd = (p: string): string => (p.length === 4 ? `${p}-12` : p);

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// URLs

/** The widget bundle: the short-lived `v1` alias, so embeds pick up fixes within the major version. */
export function bundleUrl(origin: string): string {
  return `${origin}/widgets/v1/peru-exports.js`;
}

/**
 * The current widget release at its immutable, versioned URL (`/widgets/v0.4.0/peru-exports.js`)
 * with its Subresource Integrity hash: what the widget build records in `integrity.json`.
 */
export type PinnedBundle = Pick<BundleInfo, 'file' | 'integrity'>;

/** The shareable page of a metric: `/m/destination/CN`. */
export function metricPageUrl(origin: string, metric: string, lang?: Lang): string {
  return `${origin}/m/${metric}${lang === 'en' ? '?lang=en' : ''}`;
}

/**
 * Default sizes (CSS pixels) that can be asked for: the renderers' and the elements' own (card
 * 360 wide, its height fixed by measureCard; sparkline 120×32, made to sit in a line of text; a
 * ranking 420 wide, as tall as its rows), so an unsized snippet needs no size at all.
 */
export const DEFAULT_SIZE: Record<EmbedKind, { width: number | null; height: number | null }> = {
  card: { width: CARD_WIDTH.default, height: null },
  'card-image': { width: CARD_WIDTH.default, height: null },
  sparkline: { width: SPARKLINE_SIZE.width.default, height: SPARKLINE_SIZE.height.default },
  'sparkline-image': { width: SPARKLINE_SIZE.width.default, height: SPARKLINE_SIZE.height.default },
  'chart-image': { width: CHART_SIZE.width.default, height: CHART_SIZE.height.default },
  ranking: { width: null, height: null },
};

export function embedSize(spec: EmbedSpec): { width: number | null; height: number | null } {
  const size = DEFAULT_SIZE[spec.kind];
  return { width: spec.width ?? size.width, height: spec.height ?? size.height };
}

/**
 * The CSS that sizes a live element when a size was chosen (the elements take their size from
 * CSS: the card its `inline-size`, the sparkline `--peru-sparkline-width`/`-height`), or null.
 */
export function elementStyle(spec: EmbedSpec): string | null {
  const parts: string[] = [];
  if (spec.kind === 'card' && spec.width !== null) parts.push(`inline-size:${spec.width}px`);
  if (spec.kind === 'sparkline') {
    if (spec.width !== null) parts.push(`--peru-sparkline-width:${spec.width}px`);
    if (spec.height !== null) parts.push(`--peru-sparkline-height:${spec.height}px`);
  }
  return parts.length > 0 ? parts.join(';') : null;
}

/** The static SVG for a spec (`card.svg`, `sparkline.svg` or `chart.svg`), or null for rankings, which have none. */
export function imageUrl(spec: EmbedSpec, origin: string): string | null {
  const file = IMAGE_FILE[spec.kind];
  if (file === null) return null;
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'freq'] as const) {
    const v = spec[key];
    if (v !== null) query.set(key, v);
  }
  // Always sized: the <img> width and height then match the drawing, and no layout shifts.
  const { width, height } = embedSize(spec);
  if (width !== null) query.set('width', String(width));
  if (height !== null) query.set('height', String(height));
  query.set('theme', spec.theme);
  query.set('lang', spec.lang);
  return `${origin}/v1/metrics/${spec.metric}/${file}?${query.toString()}`;
}

/** The image of each kind: a live element's fallback is its image twin's. */
const IMAGE_FILE: Record<EmbedKind, string | null> = {
  card: 'card.svg',
  'card-image': 'card.svg',
  sparkline: 'sparkline.svg',
  'sparkline-image': 'sparkline.svg',
  'chart-image': 'chart.svg',
  ranking: null,
};

/**
 * The JSON and CSV the embed shows: a metric's series, a ranking, or — for a press-release
 * figure (`highlight/…`), which is one published number and not a series — its JSON detail.
 */
export function dataUrls(spec: EmbedSpec, origin: string): { json: string; csv: string | null } {
  const query = new URLSearchParams();
  if (spec.kind === 'ranking') {
    if (spec.year !== null) query.set('year', spec.year);
    if (spec.limit !== null) query.set('limit', String(spec.limit));
  } else if (!spec.metric.startsWith('highlight/')) {
    for (const key of ['from', 'to', 'freq'] as const) {
      const v = spec[key];
      if (v !== null) query.set(key, v);
    }
  }
  const csv = query.size > 0 ? `?${query.toString()}` : '';
  const params = new URLSearchParams(query);
  params.set('lang', spec.lang);
  const json = params.toString();
  if (spec.kind === 'ranking') {
    return { json: `${origin}/v1/rankings/${spec.ranking}?${json}`, csv: `${origin}/v1/rankings/${spec.ranking}.csv${csv}` };
  }
  if (spec.metric.startsWith('highlight/')) return { json: `${origin}/v1/metrics/${spec.metric}?${json}`, csv: null };
  return {
    json: `${origin}/v1/metrics/${spec.metric}/series?${json}`,
    csv: `${origin}/v1/metrics/${spec.metric}/series.csv${csv}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Snippets

/** What the embed shows, in the spec's language: alt text, link text and titles. */
export interface EmbedText {
  /** e.g. "Exportaciones a China". */
  title: string;
  /** The figure in words, e.g. "US$ 25 mil millones (2024)"; empty when not known. */
  figure: string;
}

export function altText(text: EmbedText): string {
  return text.figure === '' ? text.title : `${text.title}: ${text.figure}`;
}

const TAG: Record<'card' | 'sparkline' | 'ranking', string> = {
  card: 'peru-export-card',
  sparkline: 'peru-export-sparkline',
  ranking: 'peru-export-ranking',
};

function attrs(pairs: [string, string | number | null][]): string {
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== null)
    .map(([name, v]) => ` ${name}="${escapeXml(String(v))}"`)
    .join('');
}

/**
 * The `<img>` of the static image, with the width and height it is drawn at (a card's from
 * measureCard), so the page reserves its box before it loads; null for rankings.
 */
export function imageTag(spec: EmbedSpec, origin: string, text: EmbedText): string | null {
  const src = imageUrl(spec, origin);
  if (src === null) return null;
  const size = embedSize(spec);
  const card = spec.kind === 'card' || spec.kind === 'card-image';
  const { width, height } = card ? measureCard({ width: size.width ?? undefined }) : size;
  return `<img${attrs([
    ['src', src],
    ['width', width],
    ['height', height],
    ['alt', altText(text)],
  ])}>`;
}

/**
 * The custom element, without the script. Rankings name their ranking in `kind`; cards and
 * sparklines carry the static image as fallback content, which the element shows until its
 * data arrive and where the script does not run (a CMS that strips scripts, a feed reader).
 *
 * A chosen size goes into a `style` attribute, which is what a CMS lets a writer paste; a page
 * whose Content-Security-Policy forbids inline styles ignores it (and the element keeps its
 * default size) — such a page sets the same properties in its stylesheet. `styleAttribute`
 * `data-style` writes the CSS where the builder's own script applies it through the CSSOM,
 * which a strict policy allows (the builder page has one).
 */
export function elementTag(spec: EmbedSpec, origin: string, text: EmbedText, styleAttribute: 'style' | 'data-style' = 'style'): string {
  const kind = spec.kind === 'card-image' ? 'card' : spec.kind === 'sparkline-image' ? 'sparkline' : spec.kind;
  // A chart has no element: it is its image.
  if (kind === 'chart-image') return imageTag(spec, origin, text) ?? '';
  const tag = TAG[kind];
  if (kind === 'ranking') {
    return `<${tag}${attrs([
      ['kind', spec.ranking],
      ['year', spec.year],
      ['limit', spec.limit],
      ['lang', spec.lang],
      ['theme', spec.theme],
    ])}></${tag}>`;
  }
  const live = { ...spec, kind };
  const own = attrs([
    ['metric', spec.metric],
    ['from', spec.from],
    ['to', spec.to],
    ['freq', spec.freq],
    ['lang', spec.lang],
    ['theme', spec.theme],
    [styleAttribute, elementStyle(live)],
  ]);
  // Not lazy: a snippet cannot know whether it lands above the fold, where a lazy image (often
  // the page's largest paint) would load late. Sized, it reserves the element's box either way.
  const fallback = imageTag(live, origin, text) ?? '';
  return `<${tag}${own}>${fallback}</${tag}>`;
}

export function scriptTag(origin: string): string {
  return `<script type="module" src="${escapeXml(bundleUrl(origin))}"></script>`;
}

/** The script of one release, which the browser runs only if its bytes match the hash. */
export function pinnedScriptTag(origin: string, bundle: PinnedBundle): string {
  return `<script type="module" src="${escapeXml(origin + bundle.file)}" integrity="${escapeXml(bundle.integrity)}" crossorigin="anonymous"></script>`;
}

/**
 * The one-line snippet: the script and the element for live kinds, the `<img>` for image
 * kinds. This is also oEmbed's `html`. Including the script more than once is harmless:
 * a module script runs once per page, and the elements tolerate being defined already.
 */
export function embedHtml(spec: EmbedSpec, origin: string, text: EmbedText): string {
  if (!isLive(spec.kind)) return imageTag(spec, origin, text) ?? '';
  return scriptTag(origin) + elementTag(spec, origin, text);
}

/** Live kinds are custom elements that need the script; the others are plain images. */
export function isLive(kind: EmbedKind): kind is 'card' | 'sparkline' | 'ranking' {
  return kind === 'card' || kind === 'sparkline' || kind === 'ranking';
}

/**
 * What the builder previews: the one-line snippet without the script, which the page has
 * loaded already, and with its size (if any) in `data-style` for the page's script to apply.
 * Showing the markup a reader copies is what makes the preview honest.
 */
export function previewHtml(spec: EmbedSpec, origin: string, text: EmbedText): string {
  if (!isLive(spec.kind)) return imageTag(spec, origin, text) ?? '';
  return elementTag(spec, origin, text, 'data-style');
}

/** A Markdown image linking to the metric page; null for rankings. */
export function markdownImage(spec: EmbedSpec, origin: string, text: EmbedText): string | null {
  const src = imageUrl(spec, origin);
  if (src === null) return null;
  // Brackets and backslashes would end the alt text early; URLs here need no escaping.
  const alt = altText(text).replace(/[\\[\]]/g, '\\$&');
  return `[![${alt}](${src})](${metricPageUrl(origin, spec.metric, spec.lang)})`;
}

/**
 * The PNG twin of the static image for e-mail (newsletters: most mail clients show no SVG),
 * at scale 2 for sharp images on high-density screens, sized by its `width` attribute, linked
 * to the metric page. `theme=auto` becomes light: a PNG cannot follow the reader's scheme.
 */
export function newsletterTag(spec: EmbedSpec, origin: string, text: EmbedText): string | null {
  const svg = imageUrl({ ...spec, theme: spec.theme === 'auto' ? 'light' : spec.theme }, origin);
  if (svg === null) return null;
  const url = new URL(svg);
  url.pathname = url.pathname.replace(/\.svg$/, '.png');
  url.searchParams.set('scale', '2');
  const { width, height } = embedSize(spec);
  const img = `<img${attrs([
    ['src', url.toString()],
    ['width', width],
    ['height', height],
    ['alt', altText(text)],
    ['style', 'display:block;max-width:100%;height:auto;border:0'],
  ])}>`;
  return `<a href="${escapeXml(metricPageUrl(origin, spec.metric, spec.lang))}">${img}</a>`;
}

export type SnippetForm = 'html' | 'pinned' | 'image' | 'newsletter' | 'markdown' | 'json' | 'csv';

export interface Snippet {
  form: SnippetForm;
  code: string;
}

/**
 * Every form of the spec that exists, in the order the builder shows them. With `pinned` (the
 * current release), live kinds also get the snippet pinned to that release with its SRI hash.
 */
export function snippets(spec: EmbedSpec, origin: string, text: EmbedText, pinned: PinnedBundle | null = null): Snippet[] {
  const out: Snippet[] = [];
  if (isLive(spec.kind)) out.push({ form: 'html', code: embedHtml(spec, origin, text) });
  if (isLive(spec.kind) && pinned !== null)
    out.push({ form: 'pinned', code: pinnedScriptTag(origin, pinned) + elementTag(spec, origin, text) });
  const img = imageTag(spec, origin, text);
  if (img !== null) out.push({ form: 'image', code: img });
  const newsletter = newsletterTag(spec, origin, text);
  if (newsletter !== null) out.push({ form: 'newsletter', code: newsletter });
  const md = markdownImage(spec, origin, text);
  if (md !== null) out.push({ form: 'markdown', code: md });
  const data = dataUrls(spec, origin);
  out.push({ form: 'json', code: data.json });
  if (data.csv !== null) out.push({ form: 'csv', code: data.csv });
  return out;
}
