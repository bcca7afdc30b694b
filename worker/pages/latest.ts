/**
 * The front page's lead: the freshest official figures (the headline series, data/bcrp/series.ts)
 * as three comparisons, each against the same period a year earlier: the latest month, the last
 * 12 months, and the year to date. Pure, computed from the served dataset.
 */
import { HEADLINE_METRIC } from '../../data/bcrp/series';
import {
  last12Months,
  last12MonthsGrowth,
  latestPeriod,
  monthFromNumber,
  monthNumber,
  monthsSum,
  revisionWindowStart,
  valueAt,
  yoyGrowth,
} from '../../data/derive';
import { getMetric, getSource, type Lang } from '../../data/index';
import { formatChangePct, formatPeriod, formatUsd } from '../render/format';
import type { Strings } from './i18n';

export interface LatestFigure {
  /** What the figure is, e.g. "noviembre de 2025", "Últimos 12 meses (dic 2024 – nov 2025)". */
  label: string;
  value: string;
  /** e.g. "+10,1 % frente a noviembre de 2024"; null when there is nothing to compare with. */
  change: string | null;
}

export interface LatestView {
  id: string;
  title: string;
  /** The latest period in words: the figures are "as of" it. */
  asOf: string;
  figures: LatestFigure[];
  /** The revision window in words, or null when the source's figures are final. */
  provisional: string | null;
  alt: string;
}

export function latestView(lang: Lang, words: Strings['latest']): LatestView | null {
  const m = getMetric(HEADLINE_METRIC);
  const latest = m && latestPeriod(m);
  const n = latest ? monthNumber(latest) : null;
  if (!m || !latest || n === null) return null;
  const period = (p: string, style: 'long' | 'short' = 'long') => formatPeriod(p, lang, style);
  const yearAgo = monthFromNumber(n - 12);
  const change = (pct: number | null, against: string): string | null =>
    pct === null ? null : `${formatChangePct(pct, lang)} ${words.against} ${against}`;

  const figures: LatestFigure[] = [];
  const value = valueAt(m, latest)!;
  figures.push({ label: period(latest), value: formatUsd(value, lang), change: change(yoyGrowth(m, latest), period(yearAgo)) });

  const trailing = last12Months(m, latest);
  const before = last12Months(m, yearAgo);
  if (trailing?.complete && trailing.value !== null) {
    const span = `${period(monthFromNumber(n - 11), 'short')} – ${period(latest, 'short')}`;
    // Against the 12 months before only when they are all there (a shorter window would flatter the change).
    const pct = before?.complete ? last12MonthsGrowth(m, latest) : null;
    figures.push({ label: `${words.last12} (${span})`, value: formatUsd(trailing.value, lang), change: change(pct, words.previous12) });
  }

  const year = Math.floor(n / 12);
  const month = (n % 12) + 1;
  const ytd = monthsSum(m, year, 1, month);
  if (ytd !== null && month > 1) {
    const span = words.ytdSpan(period(`${year}-01`, 'short'), period(latest, 'short'));
    const againstSpan = words.ytdSpan(period(`${year - 1}-01`, 'short'), period(yearAgo, 'short'));
    figures.push({ label: `${words.ytd} (${span})`, value: formatUsd(ytd, lang), change: change(yoyGrowth(m, String(year)), againstSpan) });
  }

  const source = getSource(m.source);
  const provisional = source?.revision
    ? words.provisional(period(revisionWindowStart(latest, source.revision.months)!), source.revision.note[lang])
    : null;
  return {
    id: m.id,
    title: m.label[lang],
    asOf: period(latest),
    figures,
    provisional,
    alt: `${m.label[lang]}: ${formatUsd(value, lang)} (${period(latest)})`,
  };
}
