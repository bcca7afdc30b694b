/**
 * BCRP's export series that this project serves: one line per series. Adding one (a product,
 * imports) is adding a line; the refresh fetches every series listed here, each with a request of
 * its own (BCRP's answers name series by title only, and their order is not guaranteed).
 *
 * Codes and meanings: ../shared/data/bcrp/README.md (BCRP's statistics API, series PN38714BM …).
 * BCRP's figures are its own reckoning (balance-of-payments basis): they stay in their own
 * metrics (`bcrp/…`, source `bcrp`) and are never mixed with SUNAT's customs tables.
 */
import type { MetricKind, Text } from '../types';

export interface BcrpSeriesSpec {
  /** BCRP's series code, e.g. `PN38714BM`. */
  code: string;
  /** Our metric id, `bcrp/…`. */
  id: string;
  label: Text;
  kind: MetricKind;
  /** The series this one is a part of (the denominator of its share), or null. */
  parent: string | null;
}

export const BCRP_SOURCE_ID = 'bcrp';

export const BCRP_SERIES: readonly BcrpSeriesSpec[] = [
  {
    code: 'PN38714BM',
    id: 'bcrp/total',
    kind: 'total',
    parent: null,
    label: { es: 'Exportaciones totales (BCRP)', en: 'Total exports (BCRP)' },
  },
  {
    code: 'PN38715BM',
    id: 'bcrp/traditional',
    kind: 'group',
    parent: 'bcrp/total',
    label: { es: 'Productos tradicionales (BCRP)', en: 'Traditional products (BCRP)' },
  },
  {
    code: 'PN38716BM',
    id: 'bcrp/non-traditional',
    kind: 'group',
    parent: 'bcrp/total',
    label: { es: 'Productos no tradicionales (BCRP)', en: 'Non-traditional products (BCRP)' },
  },
  { code: 'PN38717BM', id: 'bcrp/other', kind: 'group', parent: 'bcrp/total', label: { es: 'Otros (BCRP)', en: 'Other (BCRP)' } },
];

/**
 * The first month the refresh asks for. BCRP answers from its first published month when the
 * series starts later, and ends at its last published month when the range runs past it.
 */
export const BCRP_FIRST_MONTH = '2015-01';

/** BCRP publishes in US$ million; every series here is stored in whole US dollars. */
export const BCRP_UNIT_FACTOR = 1_000_000;

/**
 * The headline series: what the front page leads with and what snippets, the builder and the
 * README show by default. The freshest official figure not known to be incomplete: BCRP's
 * total (SUNAT's latest months run low until late declarations are counted; data/sources.ts).
 */
export const HEADLINE_METRIC = 'bcrp/total';
