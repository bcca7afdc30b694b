/**
 * What an isolate serves of the live source: the published snapshot, read from KV once per
 * isolate and then looked up again at most every POLL_MS, never on a request's own time.
 *
 * - The first request of an isolate waits for that first read (bounded by FIRST_READ_MS; KV
 *   unreachable or empty means the bundled snapshot), and so does any request that arrives
 *   while it runs, so an isolate never answers with one version and then another by accident.
 * - Later look-ups run after the answer (`waitUntil`); until one finds a new version, requests
 *   are answered from memory as before: the hot path reads no KV and awaits nothing.
 * - A new version replaces the served dataset whole (data/index.ts `useLiveSnapshot`) and empties
 *   the answer memo; the version is in every ETag and edge-cache key, so nothing older is served.
 */
import { bundledSnapshot, liveSnapshot, useLiveSnapshot } from '../../data/index';
import type { LiveSnapshot } from '../../data/types';
import { clearMemo } from '../middleware/response-memo';
import { readPointer, readSnapshot, readStatus, type CheckRecord, type Pointer } from './store';

/** How often an isolate looks for a newly published snapshot. */
export const POLL_MS = 5 * 60 * 1000;
/** How long the first request of an isolate waits for KV before answering with what it has. */
export const FIRST_READ_MS = 2000;

/** What the isolate last read from KV, for /v1/status. */
export interface LiveView {
  pointer: Pointer | null;
  status: CheckRecord | null;
  /** When it was read (ISO 8601), or null when KV has not been read (no binding, or not yet). */
  readAt: string | null;
  /** The last failure to read KV, if the last read failed. */
  readError: string | null;
}

let view: LiveView = { pointer: null, status: null, readAt: null, readError: null };
let nextLook = 0;
let firstRead: Promise<void> | undefined;
let started = false;

export function liveView(): LiveView {
  return view;
}

/** Serves `snapshot` in this isolate; empties the answer memo when the version changes. */
export function serveSnapshot(snapshot: LiveSnapshot): void {
  if (useLiveSnapshot(snapshot)) clearMemo();
}

/** Reads the pointer and status, and the snapshot when its version is not the one served. */
export async function readPublished(kv: KVNamespace, now = new Date()): Promise<void> {
  try {
    const [pointer, status] = await Promise.all([readPointer(kv), readStatus(kv)]);
    if (!pointer) {
      serveSnapshot(bundledSnapshot);
    } else if (pointer.version !== liveSnapshot.version) {
      const snapshot = await readSnapshot(kv, pointer.version);
      if (!snapshot) throw new Error(`the pointer names snapshot ${pointer.version}, which is not stored`);
      serveSnapshot(snapshot);
    }
    view = { pointer, status, readAt: now.toISOString(), readError: null };
  } catch (err) {
    // Keep serving what is served; say so in /v1/status.
    const message = err instanceof Error ? err.message : String(err);
    console.warn('live: could not read the published snapshot', message);
    view = { ...view, readAt: now.toISOString(), readError: message };
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise, limit]).finally(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
}

/**
 * Called on every request before anything else. Returns a promise only while the isolate's first
 * read runs (the request waits for it); otherwise it starts a background look-up when one is due
 * and returns undefined at once.
 */
export function followPublished(env: Env, ctx: ExecutionContext): Promise<unknown> | undefined {
  if (firstRead) return firstRead;
  const now = Date.now();
  if (now < nextLook || !env.LIVE) return undefined;
  nextLook = now + POLL_MS;
  if (!started) {
    started = true;
    firstRead = within(readPublished(env.LIVE), FIRST_READ_MS).then(() => {
      firstRead = undefined;
    });
    return firstRead;
  }
  ctx.waitUntil(readPublished(env.LIVE));
  return undefined;
}

/** Forgets what was read, and serves the bundled snapshot again (tests). */
export function resetPublished(): void {
  view = { pointer: null, status: null, readAt: null, readError: null };
  nextLook = 0;
  firstRead = undefined;
  started = false;
  serveSnapshot(bundledSnapshot);
}
