/**
 * A live snapshot's content hash and its check before publication. Pure; no Node APIs (the
 * hash uses Web Crypto, in workerd and in Node alike).
 *
 * The check looks at the whole result, so nothing half-fetched or implausible is ever served:
 * - every series of the table is there, monthly, with a finite, positive value in every month
 *   (months are contiguous by construction: a series is a start and consecutive values);
 * - each value is plausible against the series' own history: within PLAUSIBLE_RATIO of the
 *   median of the 12 months before it (of the first 12 months, for the first year);
 * - against the snapshot it would replace, no series starts later or ends earlier (a partial
 *   answer); a month whose value changed is a revision: accepted, and listed in `revisions`.
 */
import { coverage, monthNumber, periodAt } from '../derive';
import type { LiveSnapshot, Revision, SeriesMetric } from '../types';
import type { BcrpSeriesSpec } from './series';

/** A month may be at most this many times the median of the year before it, or that divided by it. */
export const PLAUSIBLE_RATIO = 2.5;

export interface SnapshotCheck {
  /** What makes the result unfit to publish; empty when it may be published. */
  problems: string[];
  /** Months whose value differs from the previous snapshot's. */
  revisions: Revision[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const millions = (usd: number): string => `US$ ${(usd / 1e6).toFixed(1)} million`;

/** Problems of one series on its own: gaps, non-positive or implausible values. */
function seriesProblems(m: SeriesMetric): string[] {
  if (m.frequency !== 'monthly' || monthNumber(m.start) === null) return [`${m.id}: not a monthly series`];
  if (m.values.length === 0) return [`${m.id}: no values`];
  const problems: string[] = [];
  m.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v) || v <= 0) {
      problems.push(`${m.id} ${periodAt(m, i)}: ${v === null ? 'no value' : `${v} is not a positive number`}`);
    }
  });
  if (problems.length) return problems;
  const values = m.values as number[];
  values.forEach((v, i) => {
    const window = i >= 12 ? values.slice(i - 12, i) : values.slice(0, Math.min(12, values.length));
    const base = median(window);
    if (v > base * PLAUSIBLE_RATIO || v < base / PLAUSIBLE_RATIO) {
      problems.push(
        `${m.id} ${periodAt(m, i)}: ${millions(v)} is implausible against the median of the year before (${millions(base)}; ` +
          `allowed ${(1 / PLAUSIBLE_RATIO).toFixed(1)}× to ${PLAUSIBLE_RATIO}×)`,
      );
    }
  });
  return problems;
}

/** Checks `next` (the series fetched, in table order) against the table and the snapshot it would replace. */
export function checkSnapshot(
  next: readonly SeriesMetric[],
  table: readonly BcrpSeriesSpec[],
  previous: LiveSnapshot | null,
): SnapshotCheck {
  const problems: string[] = [];
  const revisions: Revision[] = [];
  const byId = new Map(next.map((m) => [m.id, m]));
  for (const spec of table) {
    const m = byId.get(spec.id);
    if (!m) {
      problems.push(`${spec.id} (${spec.code}): missing from the result`);
      continue;
    }
    problems.push(...seriesProblems(m));
    const before = previous?.metrics.find((p) => p.id === m.id);
    if (!before) continue;
    const now = coverage(m);
    const then = coverage(before);
    if (now.first > then.first) problems.push(`${m.id}: starts at ${now.first}, after the published ${then.first} (a partial answer?)`);
    if (now.last < then.last) problems.push(`${m.id}: ends at ${now.last}, before the published ${then.last} (a partial answer?)`);
    const offset = monthNumber(before.start)! - monthNumber(m.start)!;
    before.values.forEach((old, i) => {
      const value = m.values[i + offset];
      if (value === undefined || value === old) return;
      revisions.push({ id: m.id, period: periodAt(before, i), previous: old, value });
    });
  }
  for (const m of next) if (!table.some((s) => s.id === m.id)) problems.push(`${m.id}: not in the series table`);
  return { problems, revisions };
}

/** The content hash of a snapshot's figures: 12 hex digits of SHA-256 over their JSON. */
export async function snapshotVersion(metrics: readonly SeriesMetric[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(metrics))));
  let hex = '';
  for (const byte of digest.subarray(0, 6)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The latest month of a snapshot's first series (the table's headline series comes first). */
export function snapshotLatest(snapshot: Pick<LiveSnapshot, 'metrics'>): string | null {
  const first = snapshot.metrics[0];
  return first ? coverage(first).last : null;
}
