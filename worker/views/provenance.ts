import { getSource } from '../../data/index';
import type { Lang } from '../../data/types';
import type { ProvenanceBody } from '../schemas';

/** A source as shown beside a figure: who published it, where, and its caveats in the language. */
export function provenance(sourceId: string, lang: Lang): ProvenanceBody {
  const source = getSource(sourceId);
  // Every series and highlight names a known source (test/data checks it); keep the id regardless.
  if (!source) return { id: sourceId, publisher: '', title: sourceId, url: '', notes: [] };
  return {
    id: source.id,
    publisher: source.publisher,
    title: source.title[lang],
    url: source.url,
    notes: source.notes.map((note) => note[lang]),
  };
}
