/**
 * The live source's records in Workers KV (binding LIVE): what is published, and how each
 * refresh went. Every value is JSON.
 *
 * | key | what | written |
 * |---|---|---|
 * | `bcrp/snapshot/<version>` | a whole snapshot (LiveSnapshot), never changed once written | by a refresh that publishes, before the pointer |
 * | `bcrp/current` | the pointer (Pointer): the published version and the last few for rollback | after its snapshot; by a rollback |
 * | `bcrp/status` | the last check (CheckRecord): when, its outcome, the last error | by every refresh |
 * | `bcrp/lock` | the run that holds the refresh (60 s, expires by itself) | at the start of a refresh |
 *
 * A reader follows the pointer to one snapshot, so it sees a whole snapshot or the one before,
 * never a mix. Snapshots that fall out of the pointer's history are deleted.
 */
import type { LiveSnapshot, Revision } from '../../data/types';

export const KEYS = {
  current: 'bcrp/current',
  status: 'bcrp/status',
  lock: 'bcrp/lock',
  snapshot: (version: string) => `bcrp/snapshot/${version}`,
} as const;

/** How many published snapshots the pointer remembers (and KV keeps) for rollback. */
export const HISTORY_LENGTH = 5;

export interface Published {
  version: string;
  /** When it was published (ISO 8601). */
  publishedAt: string;
  /** When its figures were read from BCRP. */
  fetchedAt: string;
  /** Its latest month. */
  latest: string | null;
}

export interface Pointer extends Published {
  /** The snapshots published before, newest first (the current one excluded). */
  history: Published[];
  /** Set by a rollback: refreshes check but do not publish until `resume`. */
  pinned: boolean;
}

export type CheckOutcome = 'published' | 'unchanged' | 'failed' | 'skipped' | 'pinned';

export interface CheckRecord {
  /** When the last refresh ran (ISO 8601). */
  checkedAt: string;
  outcome: CheckOutcome;
  /** What happened, in a sentence. */
  message: string;
  /** When the published figures last changed (a publication or a rollback). */
  changedAt: string | null;
  /** The months revised by the last publication. */
  revisions: Revision[];
  /** The last failure, kept after later successes. */
  lastError: { at: string; message: string } | null;
}

async function readJson<T>(kv: KVNamespace, key: string): Promise<T | null> {
  return kv.get<T>(key, 'json');
}

export const readPointer = (kv: KVNamespace): Promise<Pointer | null> => readJson<Pointer>(kv, KEYS.current);
export const readStatus = (kv: KVNamespace): Promise<CheckRecord | null> => readJson<CheckRecord>(kv, KEYS.status);
export const readSnapshot = (kv: KVNamespace, version: string): Promise<LiveSnapshot | null> =>
  readJson<LiveSnapshot>(kv, KEYS.snapshot(version));

export async function writeStatus(kv: KVNamespace, record: CheckRecord): Promise<void> {
  await kv.put(KEYS.status, JSON.stringify(record));
}

function publishedOf(s: LiveSnapshot, publishedAt: string, latest: string | null): Published {
  return { version: s.version, publishedAt, fetchedAt: s.fetchedAt, latest };
}

/**
 * Publishes `snapshot`: the snapshot under its own key first, then the pointer to it. The
 * pointer keeps the last HISTORY_LENGTH snapshots; older ones are deleted.
 */
export async function publish(
  kv: KVNamespace,
  snapshot: LiveSnapshot,
  latest: string | null,
  now: Date,
  previous: Pointer | null,
): Promise<Pointer> {
  await kv.put(KEYS.snapshot(snapshot.version), JSON.stringify(snapshot));
  const before = previous ? [stripHistory(previous), ...previous.history] : [];
  const kept = before.filter((p) => p.version !== snapshot.version);
  const pointer: Pointer = {
    ...publishedOf(snapshot, now.toISOString(), latest),
    history: kept.slice(0, HISTORY_LENGTH - 1),
    pinned: false,
  };
  await kv.put(KEYS.current, JSON.stringify(pointer));
  await Promise.all(kept.slice(HISTORY_LENGTH - 1).map((p) => kv.delete(KEYS.snapshot(p.version))));
  return pointer;
}

function stripHistory({ version, publishedAt, fetchedAt, latest }: Pointer): Published {
  return { version, publishedAt, fetchedAt, latest };
}

/**
 * Points back to an earlier snapshot (by default the one before the current), and pins it:
 * refreshes go on checking BCRP but do not publish until `resume`. Throws when there is nothing
 * to roll back to, naming what there is.
 */
export async function rollback(kv: KVNamespace, now: Date, version?: string): Promise<Pointer> {
  const current = await readPointer(kv);
  if (!current) throw new Error('nothing is published: there is nothing to roll back');
  const target = version === undefined ? current.history[0] : current.history.find((p) => p.version === version);
  if (!target) {
    const known = current.history.map((p) => p.version).join(', ') || 'none';
    throw new Error(`no earlier snapshot ${version ?? ''} to roll back to (current ${current.version}; earlier: ${known})`);
  }
  if (!(await readSnapshot(kv, target.version))) throw new Error(`snapshot ${target.version} is no longer stored`);
  const pointer: Pointer = {
    ...target,
    history: [stripHistory(current), ...current.history.filter((p) => p.version !== target.version)].slice(0, HISTORY_LENGTH - 1),
    pinned: true,
  };
  await kv.put(KEYS.current, JSON.stringify(pointer));
  const status = await readStatus(kv);
  await writeStatus(kv, {
    checkedAt: status?.checkedAt ?? now.toISOString(),
    outcome: 'pinned',
    message: `rolled back from ${current.version} to ${target.version}; refreshes will not publish until resumed`,
    changedAt: now.toISOString(),
    revisions: [],
    lastError: status?.lastError ?? null,
  });
  return pointer;
}

/** Lets refreshes publish again after a rollback. */
export async function resume(kv: KVNamespace): Promise<Pointer> {
  const current = await readPointer(kv);
  if (!current) throw new Error('nothing is published: there is nothing to resume');
  const pointer = { ...current, pinned: false };
  await kv.put(KEYS.current, JSON.stringify(pointer));
  return pointer;
}

/** KV's shortest expiration. */
const LOCK_SECONDS = 60;

/**
 * Takes the refresh lock for `runId`, or returns the holder's id. KV has no compare-and-set:
 * the lock is written, then read back, so of two runs that start together only the one whose
 * write was read back goes on. (A refresh also never publishes figures older than the
 * published ones: refresh.ts.)
 */
export async function takeLock(kv: KVNamespace, runId: string): Promise<string | null> {
  const holder = await kv.get(KEYS.lock);
  if (holder !== null && holder !== runId) return holder;
  await kv.put(KEYS.lock, runId, { expirationTtl: LOCK_SECONDS });
  const after = await kv.get(KEYS.lock);
  return after === runId ? null : (after ?? 'unknown');
}

export async function releaseLock(kv: KVNamespace, runId: string): Promise<void> {
  if ((await kv.get(KEYS.lock)) === runId) await kv.delete(KEYS.lock);
}
