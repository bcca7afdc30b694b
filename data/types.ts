/**
 * The dataset's shape: the contract between the importer (data/import), the committed
 * dataset files (data/*.json, data/press-release.ts, data/sources.ts) and their readers
 * (worker/, widgets/, test/). Every figure points to exactly one source; series from
 * different sources are never mixed.
 */

import type { Lang } from '@peru-exports/widgets/render';

// The languages are the renderer's (one declaration, @peru-exports/widgets/render).
export { LANGS, type Lang } from '@peru-exports/widgets/render';

/** A text in both languages. */
export type Text = Record<Lang, string>;

/** One publisher's table or document, and what its figures mean. */
export interface Source {
  /** Stable id, e.g. `sunat-g1`, `sunat-g6`, `worldbank-wdi`, `promperu-2024`. */
  id: string;
  publisher: string;
  title: Text;
  url: string;
  definition: Text;
  /** Unit of the figures as published and as stored (after any correction), e.g. "US$ FOB". */
  unit: Text;
  /** e.g. "2005-01 to 2025-04, monthly". */
  coverage: string;
  licence: string | null;
  /** Caveats: preliminary periods, unit corrections, differences to other sources. */
  notes: Text[];
  /**
   * How long the source goes on changing a month's figure after first publishing it, and why:
   * `incomplete` figures run low until late declarations are counted (SUNAT), `estimate`s are
   * revised either way (BCRP). A month inside the window, counted back from the series' latest
   * month, is provisional. null: figures are final as published.
   */
  revision: { months: number; kind: 'incomplete' | 'estimate'; note: Text } | null;
  /**
   * How often the source publishes a new period, and how many months after a month ends its
   * figure usually appears; a source whose latest period is older than that is stale. null for
   * a fixed publication (a press release, an archived extract).
   */
  cadence: { every: 'month' | 'year'; lagMonths: number } | null;
}

/** What a series is a figure of; decides where it appears in rankings. */
export type MetricKind =
  | 'total' // a table's grand total
  | 'group' // traditional / non-traditional / other
  | 'sector' // an economic sector (traditional or non-traditional)
  | 'product' // a main product inside a sector
  | 'destination' // one destination country or territory
  | 'aggregate'; // a computed group of destinations (EU-27)

/**
 * A time series. Ids are stable and URL-safe, one or two segments:
 * `total`, `traditional`, `non-traditional`, `other`, `sector/agro`, `product/copper`,
 * `destination-total`, `destination/CN`, `destination/EU`, `worldbank/total`.
 */
export interface SeriesMetric {
  id: string;
  label: Text;
  kind: MetricKind;
  /** Source id (see Source). */
  source: string;
  /** Always US dollars, whole dollars (rounded from the source's cents). */
  unit: 'USD';
  frequency: 'monthly' | 'annual';
  /** Id of the series this one is a part of (denominator of its share), or null. */
  parent: string | null;
  /** First period: `YYYY-MM` for monthly series, `YYYY` for annual ones. */
  start: string;
  /** One value per period from `start`, consecutive; null where the source reports nothing. */
  values: (number | null)[];
  /** ISO 3166-1 alpha-2 code for destinations that are countries. */
  iso2?: string;
  /** First period that the source marks preliminary (e.g. `2024-01`), if any. */
  preliminaryFrom?: string;
}

/** A figure from the 2024 press release, as stated there or derived from stated figures. */
export interface Highlight {
  /** `highlight/…`, e.g. `highlight/total`, `highlight/china`, `highlight/blueberries`. */
  id: string;
  label: Text;
  source: string;
  /** The year the figure is about, e.g. `2024`. */
  period: string;
  /**
   * - `USD`: value is a level in US dollars
   * - `percent`: only a growth rate was published (value null, growthPct set)
   * - `count`: a number of things (trade agreements)
   * - `share`: value is a percentage share of a total
   * - `named`: named in the release without any figure (value and growthPct null)
   * - `fact`: a statement (Peru the top exporter of …), value null
   */
  unit: 'USD' | 'percent' | 'count' | 'share' | 'named' | 'fact';
  value: number | null;
  /** Year-on-year growth in percent as published, or null. */
  growthPct: number | null;
  /** The previous year's level when implied by value and growthPct; always derived in code. */
  previous: { period: string; value: number; derived: true } | null;
  /** The sentence of the release the figure comes from. */
  quote: string;
  /** A SUNAT series that measures a comparable thing, for comparison (never mixed in). */
  related?: string;
}

/** A month whose figure changed between two published snapshots of a live source. */
export interface Revision {
  id: string;
  period: string;
  previous: number | null;
  value: number | null;
}

/**
 * The figures of a live source (BCRP) as one unit: fetched, checked and published together, and
 * served whole or not at all. The bundled one (data/bcrp-snapshot.json) is served until the
 * scheduled refresh publishes another (worker/live/).
 */
export interface LiveSnapshot {
  /** Content hash of `metrics` (12 hex digits): the same figures give the same version. */
  version: string;
  /** Source id of every series, e.g. `bcrp`. */
  source: string;
  /** When the figures were read from the source (ISO 8601); for the bundled one, its vintage. */
  fetchedAt: string;
  metrics: SeriesMetric[];
  /** Months whose figures differ from the snapshot this one replaced. */
  revisions: Revision[];
}

export interface Dataset {
  /** Content hash of the dataset, changes whenever any figure changes. */
  version: string;
  sources: Source[];
  metrics: SeriesMetric[];
  highlights: Highlight[];
}

/**
 * One committed dataset file (data/sunat-g1.json, data/sunat-g6.json, data/worldbank.json),
 * written by the importer: the series of one source, and the dataset version they belong to.
 */
export interface DatasetFile {
  /** The dataset's content hash (same in every file of one import); see Dataset.version. */
  version: string;
  /** Source id of every series in the file. */
  source: string;
  metrics: SeriesMetric[];
}
