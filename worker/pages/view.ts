/**
 * What the pages show, read through the API's own views (worker/views/*): the metric page's
 * figures are `metricDetail`'s, its tables `metricSeries`'s, the sources `sourceItems`'s, so a
 * page and the JSON it links to cannot disagree. Pure: no HTTP.
 */
import { annual, annualValue, coverage, yoyGrowth } from '../../data/derive';
import { getHighlight, getMetric, highlights, metrics, type Highlight, type Lang, type SeriesMetric } from '../../data/index';
import { formatChangePct, formatPeriod } from '../render/format';
import type { SourceItemBody } from '../schemas';
import { comparedWith, yearRange } from '../views/annual';
import { formatValue } from '../views/format';
import { findMetric, metricCloseMatches } from '../views/lookup';
import { metricDetail } from '../views/metrics';
import { metricSeries, wholeSeries } from '../views/series';
import { sourceItems } from '../views/sources';
import type { BuilderView } from './builder';
import type { DifferFigures, Strings } from './i18n';
import type { EmbedSpec, EmbedText } from './snippets';

/** Series and highlights, by id: what `metric=` and `/m/{id}` accept. */
export function isMetricId(id: string): boolean {
  return findMetric(id) !== undefined;
}

/** Known ids close to an unknown one ("china" → destination/CN), best first: the API's own matching. */
export function suggestMetrics(id: string): string[] {
  return metricCloseMatches(id);
}

/** Adds the close ids to the builder's complaint about an unknown metric. */
export function withSuggestions(issues: BuilderView['issues'], query: URLSearchParams, lang: Lang): BuilderView['issues'] {
  return issues.map((issue) => {
    if (issue.param !== 'metric') return issue;
    const close = suggestMetrics(query.get('metric') ?? '');
    if (close.length === 0) return issue;
    return { ...issue, message: `${issue.message}. ${lang === 'es' ? '¿Quiso decir' : 'Did you mean'} ${close.join(', ')}?` };
  });
}

/** The headline cards of the front page: the press release's main levels. */
export const HEADLINE_HIGHLIGHTS = [
  'highlight/total',
  'highlight/china',
  'highlight/united-states',
  'highlight/eu',
  'highlight/non-traditional',
  'highlight/agribusiness',
] as const;

const SOURCE_NAMES: Record<string, Record<Lang, string>> = {
  'sunat-g1': { es: 'SUNAT, Cuadro G1', en: 'SUNAT, Table G1' },
  'sunat-g6': { es: 'SUNAT, Cuadro G6', en: 'SUNAT, Table G6' },
  'worldbank-wdi': { es: 'Banco Mundial (WDI)', en: 'World Bank (WDI)' },
  'promperu-2024': { es: 'PROMPERÚ, nota de prensa 2024', en: 'PROMPERÚ, 2024 press release' },
};

/** A short attribution for alt texts and lists, e.g. "SUNAT, Cuadro G6". */
export function sourceName(id: string, lang: Lang): string {
  return SOURCE_NAMES[id]?.[lang] ?? id;
}

/** What a series is, as a title: "Exportaciones a China", "Exportaciones: Cobre", "Exportaciones totales". */
export function metricTitle(m: SeriesMetric, lang: Lang): string {
  const label = m.label[lang];
  if (m.kind === 'destination' || m.kind === 'aggregate') return lang === 'es' ? `Exportaciones a ${label}` : `Exports to ${label}`;
  if (m.kind === 'total') return label;
  return lang === 'es' ? `Exportaciones: ${label}` : `Exports: ${label}`;
}

/** A highlight's figure as the release states it: "US$ 25 mil millones (+9,2 %), 2024", "+36 %, 2024". */
export function highlightFigure(h: Highlight, lang: Lang): string {
  const value = h.unit === 'percent' ? null : formatValue(h.value, h.unit, lang);
  const growth = h.growthPct === null ? null : formatChangePct(h.growthPct, lang);
  const figure = value !== null && growth !== null ? `${value} (${growth})` : (value ?? growth);
  return figure === null ? h.period : `${figure}, ${h.period}`;
}

/**
 * Title and figure for the alt text of an embed. A series' latest value changes with every
 * update while a copied snippet does not, so its alt text names the source rather than a
 * number that would go stale; a highlight's figure is fixed, so it is written out.
 */
export function embedText(spec: EmbedSpec, lang: Lang): EmbedText {
  if (spec.kind === 'ranking') {
    const title =
      spec.ranking === 'destinations'
        ? { es: 'Principales destinos de las exportaciones del Perú', en: "Top destinations of Peru's exports" }
        : { es: 'Exportaciones del Perú por sector', en: "Peru's exports by sector" };
    const period = spec.year ?? (lang === 'es' ? 'últimos 12 meses' : 'latest 12 months');
    return { title: `${title[lang]} (${period})`, figure: '' };
  }
  const h = getHighlight(spec.metric);
  if (h !== undefined) return { title: h.label[lang], figure: `${highlightFigure(h, lang)} (${sourceName(h.source, lang)})` };
  const m = getMetric(spec.metric);
  if (m === undefined) return { title: spec.metric, figure: '' };
  const source = sourceName(m.source, lang);
  return { title: metricTitle(m, lang), figure: lang === 'es' ? `último dato de ${source}` : `latest figure, ${source}` };
}

/** The searchable list of the builder: every series, and the highlights that have a figure. */
export function metricOptions(lang: Lang): { id: string; label: string }[] {
  return [
    ...metrics.map((m) => ({ id: m.id, label: `${metricTitle(m, lang)} · ${sourceName(m.source, lang)}` })),
    ...highlights
      .filter((h) => h.unit === 'USD' || h.unit === 'percent')
      .map((h) => ({ id: h.id, label: `${h.label[lang]} · ${sourceName(h.source, lang)}` })),
  ];
}

/** Years with destination figures, newest first: what a ranking can be asked for. */
export function rankingYears(): string[] {
  const total = getMetric('destination-total');
  if (total === undefined) return [];
  return annual(total)
    .filter((a) => a.value !== null)
    .map((a) => String(a.year))
    .reverse();
}

export function builderView(spec: EmbedSpec, issues: BuilderView['issues'], lang: Lang): BuilderView {
  return { spec, issues, text: embedText(spec, spec.lang), metrics: metricOptions(lang), years: rankingYears() };
}

export type SourceView = SourceItemBody;

export function sourceViews(lang: Lang): SourceView[] {
  return sourceItems(lang).sources;
}

/** The press release's total against SUNAT G6's for the same year, for the sources section. */
export function differFigures(lang: Lang): DifferFigures | null {
  const release = getHighlight('highlight/total');
  const g6 = getMetric('destination-total');
  if (release?.value == null || release.growthPct === null || g6 === undefined) return null;
  const g6Year = annualValue(g6, release.period);
  if (g6Year?.value == null) return null;
  // Two decimals here (formatUsd keeps three digits): the comparison is about 74.7 vs 73.59.
  const billions = (v: number): string => {
    const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v / 1e9);
    return lang === 'es' ? `US$\u00a0${n} mil millones` : `US$${n} billion`;
  };
  return {
    year: release.period,
    release: billions(release.value),
    releaseGrowth: formatChangePct(release.growthPct, lang),
    g6: billions(g6Year.value),
  };
}

export interface HighlightCardView {
  id: string;
  label: string;
  alt: string;
}

export function headlineCards(lang: Lang): HighlightCardView[] {
  return HEADLINE_HIGHLIGHTS.flatMap((id) => {
    const h = getHighlight(id);
    if (h === undefined) return [];
    return [{ id, label: h.label[lang], alt: `${h.label[lang]}: ${highlightFigure(h, lang)}` }];
  });
}

// ---------------------------------------------------------------------------------------------
// The metric page

export interface Fact {
  label: string;
  value: string;
}

export interface TableRow {
  period: string;
  value: string;
  growth: string;
  /** e.g. "año parcial: variación de ene–abr 2025 frente a ene–abr 2024", "preliminar". */
  note: string;
}

export interface MetricPageView {
  id: string;
  /** The page's title, e.g. "Exportaciones a China". */
  label: string;
  /** One sentence for the meta description and social cards. */
  summary: string;
  facts: Fact[];
  /** For a latest figure inside its source's revision window: why it will likely be revised. */
  provisional: string | null;
  /** The chart of the whole series, from its first period; null for a single published figure. */
  chart: { from: string } | null;
  annualRows: TableRow[];
  monthlyRows: TableRow[];
  source: SourceView | null;
  /** The release's sentence, for highlights. */
  quote: string | null;
  /** For highlights: SUNAT's comparable series, shown for comparison only. */
  related: { id: string; label: string } | null;
}

const DASH = '–';

export function metricPageView(id: string, lang: Lang, words: Strings['metric']): MetricPageView | null {
  const found = findMetric(id);
  if (found === undefined) return null;
  const d = metricDetail(found, lang);
  const label = found.type === 'series' ? metricTitle(found.metric, lang) : d.label;
  const period = (p: string): string => formatPeriod(p, lang);

  const facts: Fact[] = [];
  const shown = d.latest.formattedValue ?? d.formattedChange;
  if (shown !== null) facts.push({ label: `${words.latest} (${period(d.latest.period)})`, value: shown });
  if (d.latest.formattedValue !== null && d.formattedChange !== null) facts.push({ label: words.change, value: d.formattedChange });
  if (d.previous !== null) facts.push({ label: `${words.previous} (${period(d.previous.period)})`, value: d.previous.formattedValue });
  if (d.share !== null) facts.push({ label: `${words.share}: ${d.share.ofLabel}`, value: d.share.formattedPct });
  if (found.type === 'series' && found.metric.frequency === 'monthly' && d.annual !== null) {
    facts.push({ label: d.annual.periodLabel, value: d.annual.formattedValue });
  }
  const source = sourceViews(lang).find((s) => s.id === d.source.id) ?? null;
  const summary = shown === null ? label : `${label}: ${shown} (${period(d.latest.period)})`;

  if (found.type === 'highlight') {
    const h = found.highlight;
    const rows: TableRow[] = [];
    if (d.previous !== null) rows.push({ period: d.previous.period, value: d.previous.formattedValue, growth: DASH, note: words.derived });
    if (d.latest.formattedValue !== null)
      rows.push({ period: d.latest.period, value: d.latest.formattedValue, growth: d.formattedChange ?? DASH, note: '' });
    const related = h.related === undefined ? undefined : getMetric(h.related);
    return {
      id,
      label,
      summary,
      facts,
      provisional: null,
      chart: null,
      annualRows: rows,
      monthlyRows: [],
      source,
      quote: h.quote,
      related: related === undefined ? null : { id: related.id, label: metricTitle(related, lang) },
    };
  }

  const m = found.metric;
  const preliminary = (p: string): boolean =>
    m.preliminaryFrom !== undefined && (p.length === 4 ? p >= m.preliminaryFrom.slice(0, 4) : p >= m.preliminaryFrom);
  const growth = (p: string): string => {
    const g = yoyGrowth(m, p);
    return g === null ? DASH : formatChangePct(g, lang);
  };
  // A partial year is labelled with its months ("2025 (4 meses)"), and its change says what it
  // is against: the same months of the year before (yoyGrowth).
  const partialChange = (year: number): string => {
    const range = yearRange(m, year, lang);
    return words.partialChange(range.label, comparedWith(range, lang).label);
  };
  const annualRows = metricSeries(wholeSeries(m, 'annual'), lang)
    .points.map((p) => ({
      period: p.periodLabel,
      value: p.formattedValue ?? DASH,
      growth: growth(p.period),
      note: [p.partial ? partialChange(Number(p.period)) : '', preliminary(p.period) ? words.preliminary : ''].filter(Boolean).join(', '),
    }))
    .reverse();
  const monthlyRows =
    m.frequency === 'monthly'
      ? metricSeries(wholeSeries(m, 'monthly'), lang)
          .points.map((p) => ({
            period: formatPeriod(p.period, lang, 'short'),
            value: p.formattedValue ?? DASH,
            growth: growth(p.period),
            note: preliminary(p.period) ? words.preliminary : '',
          }))
          .reverse()
      : [];
  const provisional = d.provisional && `${d.provisional.label[0]!.toUpperCase()}${d.provisional.label.slice(1)}. ${d.provisional.note}`;
  return {
    id,
    label,
    summary,
    facts,
    provisional,
    chart: { from: coverage(m).first },
    annualRows,
    monthlyRows,
    source,
    quote: null,
    related: null,
  };
}
