/**
 * The scheduled refresh (Cron Trigger in wrangler.toml): reads every BCRP series of the table,
 * checks the whole result, and publishes it as a new snapshot when it is sound and differs from
 * the published one. What can go wrong, and what happens then:
 *
 * | failure | outcome | served afterwards |
 * |---|---|---|
 * | BCRP slow, down, a 5xx, the firewall's HTML challenge | each request retried (bounded), then `failed` | the last good snapshot |
 * | an answer that is not BCRP's JSON, a series missing, a gap, a value implausible against its history, fewer months than published | `failed`, naming each problem | the last good snapshot |
 * | the same figures as published | `unchanged` (only the check is recorded) | the same |
 * | another refresh holds the lock | `skipped` (nothing written) | whatever that one publishes |
 * | a rollback pinned an earlier snapshot | `pinned` (checked, not published) | the pinned snapshot |
 *
 * Revised months (a month whose value changed) are accepted and recorded in the snapshot and in
 * the status. The isolate that publishes serves the new snapshot at once; others within POLL_MS.
 */
import { bundledSnapshot } from '../../data/index';
import { BcrpError } from '../../data/bcrp/adapter';
import { fetchBcrpSeries, type FetchOptions } from '../../data/bcrp/fetch';
import { BCRP_FIRST_MONTH, BCRP_SERIES, BCRP_SOURCE_ID } from '../../data/bcrp/series';
import { checkSnapshot, snapshotLatest, snapshotVersion } from '../../data/bcrp/snapshot';
import type { LiveSnapshot, Revision } from '../../data/types';
import { readPublished, serveSnapshot } from './published';
import {
  publish,
  readPointer,
  readSnapshot,
  readStatus,
  releaseLock,
  takeLock,
  writeStatus,
  type CheckOutcome,
  type CheckRecord,
} from './store';

export interface RefreshResult {
  outcome: CheckOutcome;
  message: string;
  /** The published version after the run (null when nothing is published). */
  version: string | null;
  revisions: Revision[];
}

export interface RefreshOptions {
  now?: Date;
  runId?: string;
  /** Overrides for the requests (tests: a stand-in fetch, short time limits). */
  fetch?: Partial<Omit<FetchOptions, 'base' | 'from' | 'to'>>;
  log?: (line: string) => void;
}

/** The month of `now`, `YYYY-MM` (UTC): the end of the range asked for. */
function monthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** The first few problems and how many there are, for a status line. */
function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}

export async function refreshLive(env: Env, options: RefreshOptions = {}): Promise<RefreshResult> {
  const kv = env.LIVE;
  const now = options.now ?? new Date();
  const runId = options.runId ?? crypto.randomUUID();
  const log = options.log ?? ((line: string) => console.log(`live refresh: ${line}`));

  const holder = await takeLock(kv, runId);
  if (holder !== null) {
    const pointer = await readPointer(kv);
    const message = `another refresh (${holder}) is running; this one did nothing`;
    log(message);
    return { outcome: 'skipped', message, version: pointer?.version ?? null, revisions: [] };
  }
  try {
    const [pointer, status] = await Promise.all([readPointer(kv), readStatus(kv)]);
    const previous: LiveSnapshot = (pointer && (await readSnapshot(kv, pointer.version))) ?? bundledSnapshot;
    const record = (outcome: CheckOutcome, message: string, extra: Partial<CheckRecord> = {}): Promise<RefreshResult> => {
      log(`${outcome}: ${message}`);
      const failed = outcome === 'failed';
      const next: CheckRecord = {
        checkedAt: now.toISOString(),
        outcome,
        message,
        changedAt: status?.changedAt ?? pointer?.publishedAt ?? null,
        revisions: status?.revisions ?? [],
        lastError: failed ? { at: now.toISOString(), message } : (status?.lastError ?? null),
        ...extra,
      };
      return writeStatus(kv, next).then(() => ({
        outcome,
        message,
        version: pointer?.version ?? null,
        revisions: extra.revisions ?? [],
      }));
    };

    // One request per series, one after another: BCRP's firewall is wary of bursts.
    const metrics = [];
    try {
      for (const spec of BCRP_SERIES) {
        metrics.push(
          await fetchBcrpSeries(spec, {
            base: env.BCRP_API_BASE,
            from: BCRP_FIRST_MONTH,
            to: monthOf(now),
            onRetry: (s, attempt, error) => log(`${s.code}: attempt ${attempt} failed (${error.kind}: ${error.message}); retrying`),
            ...options.fetch,
          }),
        );
      }
    } catch (err) {
      const message = err instanceof BcrpError ? `${err.kind}: ${err.message}` : String(err);
      return record('failed', `could not read BCRP: ${message}`);
    }

    const check = checkSnapshot(metrics, BCRP_SERIES, previous);
    if (check.problems.length) {
      return record('failed', `the result was not published: ${summarise(check.problems)}`);
    }
    const version = await snapshotVersion(metrics);
    const latest = snapshotLatest({ metrics });
    if (version === previous.version) return record('unchanged', `BCRP's figures are those published (${version}, up to ${latest})`);
    if (pointer?.pinned) {
      return record(
        'pinned',
        `BCRP has other figures (${version}, up to ${latest}), not published: ${pointer.version} is pinned by a rollback`,
      );
    }

    // Another run may have published while this one fetched: never publish older figures over it.
    const current = await readPointer(kv);
    if (current && current.version !== pointer?.version && current.fetchedAt > now.toISOString()) {
      return record('skipped', `a newer snapshot (${current.version}) was published meanwhile`);
    }
    const snapshot: LiveSnapshot = { version, source: BCRP_SOURCE_ID, fetchedAt: now.toISOString(), metrics, revisions: check.revisions };
    const published = await publish(kv, snapshot, latest, now, current);
    serveSnapshot(snapshot);
    const revised = check.revisions.length ? `; ${check.revisions.length} earlier months revised` : '';
    const result = await record('published', `published ${version} (up to ${latest}), replacing ${previous.version}${revised}`, {
      changedAt: published.publishedAt,
      revisions: check.revisions,
    });
    return { ...result, version };
  } finally {
    await releaseLock(kv, runId);
    // This isolate's view of the pointer and status (/v1/status) follows at once.
    await readPublished(kv, now);
  }
}
