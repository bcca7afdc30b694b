/**
 * What the pages show, read from the dataset: the figures and texts of the front page and of a
 * metric page, in one language, formatted as the API formats them. Pure functions over the
 * runtime dataset (data/index.ts) and its derivations (data/derive.ts); no HTTP.
 */
import {
  getHighlight,
  getMetric,
  getSource,
  highlights,
  metrics,
  sources,
  type Highlight,
  type Lang,
  type SeriesMetric,
  type Source,
} from '../../data/index';
import { annual, annualValue, latestPeriod, periods, share, valueAt, yoyGrowth } from '../../data/derive';
import { formatChangePct, formatPeriod, formatUsd } from '../../widgets/src/render/format';
import type { BuilderView } from './builder';
import type { DifferFigures } from './i18n';
import type { EmbedSpec, EmbedText } from './snippets';

/** Series and highlights, by id: what `metric=` and `/m/{id}` accept. */
export function isMetricId(id: string): boolean {
  return getMetric(id) !== undefined || getHighlight(id) !== undefined;
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

/** A short attribution, e.g. "SUNAT, Cuadro G6"; the source's id when it is unknown. */
export function sourceName(id: string, lang: Lang): string {
  const names: Record<string, Record<Lang, string>> = {
    'sunat-g1': { es: 'SUNAT, Cuadro G1', en: 'SUNAT, Table G1' },
    'sunat-g6': { es: 'SUNAT, Cuadro G6', en: 'SUNAT, Table G6' },
    'worldbank-wdi': { es: 'Banco Mundial (WDI)', en: 'World Bank (WDI)' },
    'promperu-2024': { es: 'PROMPERÚ, nota de prensa 2024', en: 'PROMPERÚ, 2024 press release' },
  };
  return names[id]?.[lang] ?? getSource(id)?.publisher ?? id;
}

/** What a series is, as a title: "Exportaciones a China", "Exportaciones: Cobre", "Exportaciones totales". */
export function metricTitle(m: SeriesMetric, lang: Lang): string {
  const label = m.label[lang];
  if (m.kind === 'destination' || m.kind === 'aggregate') return lang === 'es' ? `Exportaciones a ${label}` : `Exports to ${label}`;
  if (m.kind === 'total') return label;
  return lang === 'es' ? `Exportaciones: ${label}` : `Exports: ${label}`;
}

/** A highlight's figure as the release states it: "US$ 25 mil millones (2024)", "+36 % (2024)", "22". */
export function highlightFigure(h: Highlight, lang: Lang): string {
  const parts: string[] = [];
  if (h.value !== null) {
    if (h.unit === 'USD') parts.push(formatUsd(h.value, lang));
    else if (h.unit === 'share') parts.push(percent(h.value, lang));
    else parts.push(new Intl.NumberFormat(lang).format(h.value));
  }
  if (h.growthPct !== null) parts.push(h.value === null ? formatChangePct(h.growthPct, lang) : `(${formatChangePct(h.growthPct, lang)})`);
  return parts.length === 0 ? h.period : `${parts.join(' ')}, ${h.period}`;
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
  return { title: metricTitle(m, lang), figure: lang === 'es' ? `último dato de ${sourceName(m.source, lang)}` : `latest figure, ${sourceName(m.source, lang)}` };
}

export function metricOptions(lang: Lang): { id: string; label: string }[] {
  return [
    ...metrics.map((m) => ({ id: m.id, label: `${m.label[lang]} · ${sourceName(m.source, lang)}` })),
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

export interface SourceView {
  id: string;
  publisher: string;
  title: string;
  url: string;
  definition: string;
  unit: string;
  coverage: string;
  licence: string | null;
  notes: string[];
}

export function sourceViews(lang: Lang): SourceView[] {
  return sources.map((s: Source) => ({
    id: s.id,
    publisher: s.publisher,
    title: s.title[lang],
    url: s.url,
    definition: s.definition[lang],
    unit: s.unit[lang],
    coverage: s.coverage,
    licence: s.licence,
    notes: s.notes.map((n) => n[lang]),
  }));
}

/** The press release's total against SUNAT G6's for the same year, for the sources section. */
export function differFigures(lang: Lang): DifferFigures | null {
  const release = getHighlight('highlight/total');
  const g6 = getMetric('destination-total');
  if (release?.value == null || release.growthPct === null || g6 === undefined) return null;
  const g6Year = annualValue(g6, release.period);
  if (g6Year?.value == null) return null;
  // Two decimals, as the comparison is about the second digit (74.7 vs 73.59).
  const billions = (v: number): string =>
    lang === 'es'
      ? `US$\u00a0${new Intl.NumberFormat('es', { maximumFractionDigits: 2 }).format(v / 1e9)} mil millones`
      : `US$${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(v / 1e9)} billion`;
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
  /** e.g. "parcial (4 meses)", "preliminar". */
  note: string;
}

export interface MetricPageView {
  id: string;
  label: string;
  /** One sentence for meta description and social cards. */
  summary: string;
  facts: Fact[];
  /** Whether a sparkline makes sense (a series, not a single published figure). */
  chart: boolean;
  annualRows: TableRow[];
  monthlyRows: TableRow[];
  source: SourceView | null;
  /** The release's sentence, for highlights. */
  quote: string | null;
  /** A related series (for highlights: SUNAT's comparable series). */
  related: { id: string; label: string } | null;
  preliminaryFrom: string | null;
}

const dash = '–';

function usd(v: number | null, lang: Lang): string {
  return v === null ? dash : formatUsd(v, lang);
}

function pct(v: number | null, lang: Lang): string {
  return v === null ? dash : formatChangePct(v, lang);
}

/** A share in percent (87 means 87 %): es "87 %", en "87%". */
function percent(v: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v / 100);
}

/** A month from `preliminaryFrom` on, or a year that contains such a month. */
function isPreliminary(m: SeriesMetric, period: string): boolean {
  if (m.preliminaryFrom === undefined) return false;
  return period.length === 4 ? period >= m.preliminaryFrom.slice(0, 4) : period >= m.preliminaryFrom;
}

export function metricPageView(
  id: string,
  lang: Lang,
  words: { latest: string; change: string; previous: string; share: string; partial: (months: number) => string; preliminary: string },
): MetricPageView | null {
  const source = (sid: string): SourceView | null => sourceViews(lang).find((s) => s.id === sid) ?? null;
  const h = getHighlight(id);
  if (h !== undefined) {
    const facts: Fact[] = [{ label: `${words.latest} (${h.period})`, value: highlightFigure(h, lang).replace(/, \d{4}$/, '') }];
    if (h.previous !== null) facts.push({ label: `${words.previous} (${h.previous.period})`, value: usd(h.previous.value, lang) });
    const related = h.related !== undefined ? getMetric(h.related) : undefined;
    const rows: TableRow[] = [];
    if (h.previous !== null) rows.push({ period: h.previous.period, value: usd(h.previous.value, lang), growth: dash, note: '' });
    if (h.unit === 'USD' && h.value !== null) rows.push({ period: h.period, value: usd(h.value, lang), growth: pct(h.growthPct, lang), note: '' });
    return {
      id,
      label: h.label[lang],
      summary: `${h.label[lang]}: ${highlightFigure(h, lang)}`,
      facts,
      chart: false,
      annualRows: rows,
      monthlyRows: [],
      source: source(h.source),
      quote: h.quote,
      related: related ? { id: related.id, label: metricTitle(related, lang) } : null,
      preliminaryFrom: null,
    };
  }

  const m = getMetric(id);
  if (m === undefined) return null;
  const last = latestPeriod(m);
  const facts: Fact[] = [];
  if (last !== null) {
    facts.push({ label: `${words.latest} (${formatPeriod(last, lang)})`, value: usd(valueAt(m, last), lang) });
    facts.push({ label: words.change, value: pct(yoyGrowth(m, last), lang) });
    const parent = m.parent !== null ? getMetric(m.parent) : undefined;
    if (parent !== undefined && parent.source === m.source && parent.frequency === m.frequency) {
      const s = share(m, parent, last);
      if (s !== null) {
        facts.push({
          label: `${words.share}: ${parent.label[lang]}`,
          value: percent(s, lang),
        });
      }
    }
  }
  const annualRows = annual(m)
    .map((a) => {
      const notes: string[] = [];
      if (a.partial) notes.push(words.partial(a.months));
      if (isPreliminary(m, String(a.year))) notes.push(words.preliminary);
      return { period: String(a.year), value: usd(a.value, lang), growth: pct(yoyGrowth(m, String(a.year)), lang), note: notes.join(', ') };
    })
    .reverse();
  const monthlyRows =
    m.frequency === 'monthly'
      ? periods(m)
          .map((p) => ({
            period: formatPeriod(p, lang, 'short'),
            value: usd(valueAt(m, p), lang),
            growth: pct(yoyGrowth(m, p), lang),
            note: isPreliminary(m, p) ? words.preliminary : '',
          }))
          .reverse()
      : [];
  const latestFact = facts[0];
  return {
    id,
    label: metricTitle(m, lang),
    summary: latestFact ? `${metricTitle(m, lang)}: ${latestFact.value} (${latestFact.label})` : metricTitle(m, lang),
    facts,
    chart: true,
    annualRows,
    monthlyRows,
    source: source(m.source),
    quote: null,
    related: null,
    preliminaryFrom: m.preliminaryFrom ?? null,
  };
}
