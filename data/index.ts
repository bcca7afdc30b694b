/**
 * The dataset at runtime: the bundled figures (SUNAT's tables, the World Bank's series and the
 * press release: the JSON is bundled into the worker) and a live source's snapshot (BCRP's
 * series: the bundled data/bcrp-snapshot.json until the scheduled refresh publishes a newer one,
 * worker/live/). No Node APIs: this runs in workerd and in the browser.
 *
 * `version`, `metrics` and `liveSnapshot` are live bindings: `useLiveSnapshot` replaces them as a
 * whole, between requests, so every importer sees the new figures at once and a request never
 * sees a mix. Everything else is fixed for the isolate's life.
 *
 * The bundled version is the content hash the importer stored in the JSON files; the served
 * version joins it with the snapshot's own (12 hex digits: 6 of each), so publishing a snapshot
 * changes the version in every body, every ETag and every cache key.
 */
import bcrpFile from './bcrp-snapshot.json';
import { HIGHLIGHTS } from './press-release';
import { SOURCES } from './sources';
import g1File from './sunat-g1.json';
import g6File from './sunat-g6.json';
import type { Dataset, DatasetFile, Highlight, LiveSnapshot, SeriesMetric, Source } from './types';
import worldbankFile from './worldbank.json';

export type { Dataset, Highlight, Lang, LiveSnapshot, SeriesMetric, Source } from './types';

const files = [g1File, g6File, worldbankFile] as unknown as readonly DatasetFile[];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The committed figures (not the live source's); frozen. Its version is the importer's hash. */
export const bundled: Dataset = deepFreeze({
  version: files[0]!.version,
  sources: [...SOURCES],
  metrics: files.flatMap((f) => f.metrics),
  highlights: [...HIGHLIGHTS],
});

/** The live source's snapshot committed with the code: served until a newer one is published. */
export const bundledSnapshot: LiveSnapshot = deepFreeze(bcrpFile as unknown as LiveSnapshot);

export const highlights: readonly Highlight[] = bundled.highlights;
export const sources: readonly Source[] = bundled.sources;

/** The live source's snapshot being served. */
export let liveSnapshot: LiveSnapshot = bundledSnapshot;
/** Every series served: the bundled ones, then the live snapshot's. */
export let metrics: readonly SeriesMetric[] = [];
/** The served dataset's version: the bundled version's first 6 digits and the snapshot's first 6. */
export let version = '';

let metricById = new Map<string, SeriesMetric>();
const highlightById = new Map(highlights.map((h) => [h.id, h]));
const sourceById = new Map(sources.map((s) => [s.id, s]));

function serve(snapshot: LiveSnapshot): void {
  const next = Object.freeze([...bundled.metrics, ...snapshot.metrics]);
  metricById = new Map(next.map((m) => [m.id, m]));
  metrics = next;
  liveSnapshot = snapshot;
  version = `${bundled.version.slice(0, 6)}${snapshot.version.slice(0, 6)}`;
}
serve(bundledSnapshot);

/**
 * Serves `snapshot` from now on (a published one, or the bundled one again). Its series must be
 * the live source's own: an id that a bundled series has is refused, so a snapshot can never
 * replace SUNAT's figures. Returns whether the served version changed.
 */
export function useLiveSnapshot(snapshot: LiveSnapshot): boolean {
  if (snapshot.version === liveSnapshot.version) return false;
  const clash = snapshot.metrics.find((m) => m.source !== snapshot.source || bundled.metrics.some((b) => b.id === m.id));
  if (clash) throw new Error(`snapshot ${snapshot.version}: ${clash.id} is not a series of source ${snapshot.source}`);
  serve(deepFreeze(snapshot));
  return true;
}

/** A series by id (`total`, `sector/agro`, `destination/CN`, `worldbank/total`, `bcrp/total` …). */
export function getMetric(id: string): SeriesMetric | undefined {
  return metricById.get(id);
}

/** A press-release figure by id (`highlight/total` …). */
export function getHighlight(id: string): Highlight | undefined {
  return highlightById.get(id);
}

/** A source by id (`sunat-g1`, `sunat-g6`, `worldbank-wdi`, `promperu-2024`, `bcrp`). */
export function getSource(id: string): Source | undefined {
  return sourceById.get(id);
}
