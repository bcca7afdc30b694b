/**
 * The dataset at runtime: built once per isolate at module load from the committed files
 * (the JSON is bundled into the worker), frozen, with lookups by id. No Node APIs: this runs
 * in workerd and in the browser.
 *
 * The version is the content hash the importer stored in the JSON files; nothing is hashed
 * here.
 */
import { HIGHLIGHTS } from './press-release';
import { SOURCES } from './sources';
import g1File from './sunat-g1.json';
import g6File from './sunat-g6.json';
import type { Dataset, DatasetFile, Highlight, SeriesMetric, Source } from './types';
import worldbankFile from './worldbank.json';

export type { Dataset, Highlight, Lang, MetricKind, SeriesMetric, Source, Text } from './types';

const files = [g1File, g6File, worldbankFile] as unknown as readonly DatasetFile[];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The whole dataset; frozen. */
export const dataset: Dataset = deepFreeze({
  version: files[0]!.version,
  sources: [...SOURCES],
  metrics: files.flatMap((f) => f.metrics),
  highlights: [...HIGHLIGHTS],
});

export const version: string = dataset.version;
export const metrics: readonly SeriesMetric[] = dataset.metrics;
export const highlights: readonly Highlight[] = dataset.highlights;
export const sources: readonly Source[] = dataset.sources;

const metricById = new Map(metrics.map((m) => [m.id, m]));
const highlightById = new Map(highlights.map((h) => [h.id, h]));
const sourceById = new Map(sources.map((s) => [s.id, s]));
const childrenById = new Map<string, SeriesMetric[]>();
for (const m of metrics) {
  if (m.parent === null) continue;
  const list = childrenById.get(m.parent) ?? [];
  list.push(m);
  childrenById.set(m.parent, list);
}
for (const list of childrenById.values()) Object.freeze(list);

/** A series by id (`total`, `sector/agro`, `destination/CN`, `worldbank/total` …). */
export function getMetric(id: string): SeriesMetric | undefined {
  return metricById.get(id);
}

/** A press-release figure by id (`highlight/total` …). */
export function getHighlight(id: string): Highlight | undefined {
  return highlightById.get(id);
}

/** A source by id (`sunat-g1`, `sunat-g6`, `worldbank-wdi`, `promperu-2024`). */
export function getSource(id: string): Source | undefined {
  return sourceById.get(id);
}

/**
 * The series whose `parent` is `id`, in dataset order: the groups of `total`, the sectors of
 * a group, the products of a sector, every destination (and destination/EU) of
 * `destination-total`. Empty when there are none.
 */
export function getChildren(id: string): readonly SeriesMetric[] {
  return childrenById.get(id) ?? [];
}
