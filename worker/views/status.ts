/**
 * Freshness per source (/v1/status): what is served, from when, how the last refresh went, and
 * whether the figures lag the source's usual rhythm. Pure: takes what the isolate last read of
 * the live source (live/published.ts) and the time.
 */
import { coverage, monthFromNumber, monthNumber, revisionWindowStart } from '../../data/derive';
import { bundledSnapshot, highlights, liveSnapshot, metrics, sources, bundled } from '../../data/index';
import type { Lang, Source, Text } from '../../data/types';
import type { LiveView } from '../live/published';
import type { SourceStatusBody } from '../schemas';

const HOW_UPDATED: Record<'live' | 'maintainer' | 'fixed', Text> = {
  live: {
    es: 'Se actualiza sola: la tarea programada consulta la API del BCRP cada 6 horas y publica un resultado completo y comprobado.',
    en: 'Refreshed on its own: the scheduled job asks the BCRP’s API every 6 hours and publishes a complete, checked result.',
  },
  maintainer: {
    es: 'La actualiza un responsable: npm run data:fetch (los cuadros publicados por SUNAT) y un nuevo despliegue.',
    en: 'Refreshed by a maintainer: npm run data:fetch (SUNAT’s published tables), then a deploy.',
  },
  fixed: {
    es: 'Publicación fija: no se actualiza.',
    en: 'A fixed publication: not refreshed.',
  },
};

/** The first and latest periods of a source's figures (its series, or its press-release figures). */
function periodsOf(source: Source): { first: string | null; latest: string | null } {
  const own = metrics.filter((m) => m.source === source.id);
  if (own.length) {
    const spans = own.map((m) => coverage(m));
    return {
      first: spans.map((s) => s.first).sort()[0]!,
      latest: spans
        .map((s) => s.last)
        .sort()
        .at(-1)!,
    };
  }
  const years = highlights
    .filter((h) => h.source === source.id)
    .map((h) => h.period)
    .sort();
  return { first: years[0] ?? null, latest: years.at(-1) ?? null };
}

/** Counts `months` back from a month (`YYYY-MM`), or null for a year or nothing. */
function monthsBack(period: string | null, months: number): string | null {
  const n = period === null ? null : monthNumber(period);
  return n === null ? null : monthFromNumber(n - months);
}

function expectedLatest(source: Source, now: Date): string | null {
  if (!source.cadence) return null;
  const thisMonth = now.toISOString().slice(0, 7);
  if (source.cadence.every === 'year') return String(now.getUTCFullYear() - 1 - Math.floor(source.cadence.lagMonths / 12));
  return monthsBack(thisMonth, source.cadence.lagMonths);
}

export function sourceStatus(source: Source, live: LiveView, now: Date, lang: Lang): SourceStatusBody {
  const isLive = source.id === liveSnapshot.source;
  const { first, latest } = periodsOf(source);
  const expected = expectedLatest(source, now);
  const published = isLive && liveSnapshot !== bundledSnapshot;
  return {
    id: source.id,
    publisher: source.publisher,
    live: isLive,
    served: isLive
      ? { version: liveSnapshot.version, origin: published ? 'published' : 'bundled', fetchedAt: liveSnapshot.fetchedAt }
      : { version: bundled.version, origin: 'bundled', fetchedAt: null },
    firstPeriod: first,
    latestPeriod: latest,
    provisionalFrom: source.revision ? revisionWindowStart(latest, source.revision.months) : null,
    lastChecked: isLive ? (live.status?.checkedAt ?? null) : null,
    lastChanged: isLive ? (live.status?.changedAt ?? live.pointer?.publishedAt ?? null) : null,
    lastOutcome: isLive && live.status ? { outcome: live.status.outcome, message: live.status.message } : null,
    lastError: isLive
      ? (live.status?.lastError ??
        (live.readError ? { at: live.readAt!, message: `reading the published snapshot: ${live.readError}` } : null))
      : null,
    expectedLatest: expected,
    stale: expected !== null && latest !== null && latest < expected,
    note: HOW_UPDATED[isLive ? 'live' : source.cadence ? 'maintainer' : 'fixed'][lang],
  };
}

export function statusOf(live: LiveView, now: Date, lang: Lang): { now: string; sources: SourceStatusBody[] } {
  return { now: now.toISOString(), sources: sources.map((s) => sourceStatus(s, live, now, lang)) };
}
