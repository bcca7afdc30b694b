/**
 * The parts of the JSON API (v1) that the elements read, as `@peru-exports/widgets/api-types`.
 * The API's zod schemas (worker/schemas.ts) are the source of truth: test/worker/api-types.test.ts
 * makes the typecheck fail when an answer they allow is not one of these (no zod here, nor in the
 * bundle). The API may add fields; these are the ones the elements need. A body an element cannot
 * draw is shown as an error (see `PeruExportElement`): `fits(body, METRIC | SERIES | RANKING)` is
 * the guard they check it with, exported here for any consumer of the API too.
 */
export { fits, METRIC, RANKING, SERIES, type Shape } from './api-shapes';

/** A value with its text in the response's language (e.g. "US$ 74,7 mil millones"). */
export interface FormattedValue {
  period: string;
  value: number | null;
  formattedValue: string | null;
}

/** A value with its period in words ("abril de 2025", "2025 (4 meses)"). */
export interface LabelledValue extends FormattedValue {
  periodLabel: string;
}

/** `GET /v1/metrics/{id}` */
export interface MetricResponse {
  id: string;
  label: string;
  unit: string;
  frequency: 'monthly' | 'annual';
  latest: LabelledValue & {
    /** The value as a screen reader should say it ("74,7 mil millones de dólares"). */
    spokenValue: string | null;
  };
  /** Same month a year earlier (monthly) or the previous year (annual). */
  previous: FormattedValue | null;
  changePct: number | null;
  formattedChange: string | null;
  /** The change in words ("15,6 % más que en abril de 2024"). */
  spokenChange: string | null;
  share: { of: string; pct: number; formattedPct: string } | null;
  preliminary: boolean;
  /** Set when the latest month is inside its source's revision window; `label` goes beside the period. */
  provisional?: { label: string } | null;
  source: { id: string; publisher: string; title: string; url: string };
}

export interface SeriesPoint extends LabelledValue {
  /** An annual point made of fewer than 12 months. */
  partial?: boolean;
  months?: number;
}

/** `GET /v1/metrics/{id}/series` */
export interface SeriesResponse {
  id: string;
  label: string;
  unit: string;
  frequency: 'monthly' | 'annual';
  /** The points summed up for screen readers (first, last, lowest, highest). */
  description: string;
  points: SeriesPoint[];
}

export interface RankingItem {
  rank: number;
  id: string;
  label: string;
  value: number;
  formattedValue: string;
  spokenValue: string;
  sharePct: number;
  formattedShare: string;
  growthPct: number | null;
  formattedGrowth: string | null;
}

/** `GET /v1/rankings/{destinations|sectors}` */
export interface RankingResponse {
  kind: string;
  period: { from: string; to: string; label: string };
  total: { id: string; value: number; formattedValue: string };
  items: RankingItem[];
}

/** `application/problem+json` (RFC 9457), as the API answers errors. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
}
