/** The provenance table: every source, what its figures mean, its coverage, licence and caveats. */
import { sources } from '../../data/index';
import type { Lang } from '../../data/types';
import type { CsvTable } from '../csv';
import type { SourceItemBody } from '../schemas';

export function sourceItems(lang: Lang): { count: number; sources: SourceItemBody[] } {
  const list = sources.map((s) => ({
    id: s.id,
    publisher: s.publisher,
    title: s.title[lang],
    url: s.url,
    definition: s.definition[lang],
    unit: s.unit[lang],
    coverage: s.coverage,
    licence: s.licence,
    notes: s.notes.map((n) => n[lang]),
    revision: s.revision && { months: s.revision.months, kind: s.revision.kind, note: s.revision.note[lang] },
    cadence: s.cadence,
  }));
  return { count: list.length, sources: list };
}

/** One row per source; the notes joined with " | " (a cell cannot hold a list). */
export function sourcesTable(list: readonly SourceItemBody[]): CsvTable {
  return {
    columns: [
      'id',
      'publisher',
      'title',
      'url',
      'definition',
      'unit',
      'coverage',
      'licence',
      'notes',
      'revision_months',
      'revision_kind',
      'updated_every',
    ],
    rows: list.map((s) => [
      s.id,
      s.publisher,
      s.title,
      s.url,
      s.definition,
      s.unit,
      s.coverage,
      s.licence,
      s.notes.join(' | '),
      s.revision?.months ?? null,
      s.revision?.kind ?? null,
      s.cadence?.every ?? null,
    ]),
  };
}
