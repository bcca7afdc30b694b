/**
 * The scheduled refresh of BCRP's figures, inside workerd with the LIVE KV namespace: it
 * publishes a checked snapshot (snapshot key, then pointer), keeps the last good one on every
 * kind of failure, records revisions, rolls back, and two runs at once publish one whole
 * snapshot. BCRP is the stand-in of test/stand-ins/bcrp.ts.
 */
import { createScheduledController, env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledSnapshot, getMetric, liveSnapshot, version as servedVersion } from '../../data/index';
import { coverage } from '../../data/derive';
import worker from '../../worker/index';
import { readPublished, resetPublished } from '../../worker/live/published';
import { refreshLive, type RefreshOptions } from '../../worker/live/refresh';
import { HISTORY_LENGTH, KEYS, readPointer, readSnapshot, readStatus, resume, rollback } from '../../worker/live/store';
import { standInFetch, type StandInOptions } from '../stand-ins/bcrp';
import { fetchSettled } from './helpers';

const NOW = new Date('2026-11-20T06:17:00Z');
const kv = env.LIVE;

function run(o: StandInOptions, extra: RefreshOptions = {}) {
  return refreshLive(env, {
    now: NOW,
    log: () => {},
    fetch: { fetch: standInFetch(o), timeoutMs: 200, backoffMs: 1, attempts: 2 },
    ...extra,
  });
}

async function clearKv(): Promise<void> {
  const { keys } = await kv.list();
  await Promise.all(keys.map((k) => kv.delete(k.name)));
}

beforeEach(async () => {
  await clearKv();
  resetPublished();
});
afterEach(() => {
  resetPublished();
  vi.restoreAllMocks();
});

const latestOf = (id: string) => coverage(getMetric(id)!).last;

describe('a refresh that succeeds', () => {
  it('publishes the snapshot, then the pointer, and this isolate serves it at once', async () => {
    expect(latestOf('bcrp/total')).toBe('2025-11');
    expect(getMetric('bcrp/traditional')).toBeUndefined();
    const before = servedVersion;

    const result = await run({ until: '2026-09' });

    expect(result.outcome).toBe('published');
    const pointer = await readPointer(kv);
    expect(pointer).toMatchObject({ version: result.version, latest: '2026-09', fetchedAt: NOW.toISOString(), pinned: false, history: [] });
    const snapshot = await readSnapshot(kv, pointer!.version);
    expect(snapshot!.metrics.map((m) => [m.id, m.start, coverage(m).last])).toEqual([
      ['bcrp/total', '2024-01', '2026-09'],
      ['bcrp/traditional', '2024-01', '2026-09'],
      ['bcrp/non-traditional', '2024-01', '2026-09'],
      ['bcrp/other', '2024-01', '2026-09'],
    ]);
    // Values in whole US dollars: the stand-in's 2024-01 total is the stored 5398.64892730984 million.
    expect(snapshot!.metrics[0]!.values[0]).toBe(5_398_648_927);
    expect(liveSnapshot.version).toBe(pointer!.version);
    expect(latestOf('bcrp/total')).toBe('2026-09');
    expect(getMetric('bcrp/other')).toBeDefined();
    expect(servedVersion).not.toBe(before);
    expect(await readStatus(kv)).toMatchObject({
      outcome: 'published',
      checkedAt: NOW.toISOString(),
      changedAt: NOW.toISOString(),
      lastError: null,
    });
  });

  it('runs from the Cron Trigger: scheduled() asks BCRP_API_BASE for every series', async () => {
    const urls: string[] = [];
    const standIn = standInFetch({ until: '2026-06' });
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      urls.push(String(input));
      return standIn(input, init);
    });
    await worker.scheduled(createScheduledController({ cron: '17 */6 * * *' }), env);
    expect(urls.map((u) => u.replace(env.BCRP_API_BASE, '')).map((u) => u.split('/json/')[0])).toEqual([
      '/PN38714BM',
      '/PN38715BM',
      '/PN38716BM',
      '/PN38717BM',
    ]);
    expect(urls[0]).toMatch(/\/PN38714BM\/json\/2015-1\/\d{4}-\d{1,2}\/esp$/);
    expect((await readPointer(kv))?.latest).toBe('2026-06');
  });

  it('records the same figures as unchanged, without writing a snapshot', async () => {
    await run({ until: '2026-09' });
    const keys = (await kv.list()).keys.map((k) => k.name).sort();
    const again = await run({ until: '2026-09' }, { now: new Date('2026-11-20T12:17:00Z') });
    expect(again.outcome).toBe('unchanged');
    expect((await kv.list()).keys.map((k) => k.name).sort()).toEqual(keys);
    expect(await readStatus(kv)).toMatchObject({
      outcome: 'unchanged',
      checkedAt: '2026-11-20T12:17:00.000Z',
      changedAt: NOW.toISOString(),
    });
  });

  it('accepts a revised earlier month and records it', async () => {
    await run({ until: '2026-08' });
    const first = getMetric('bcrp/total')!;
    const julyIndex = first.values.length - 2;
    const result = await run({ until: '2026-09', revise: { '2026-07': 1.05 } }, { now: new Date('2026-11-21T06:17:00Z') });
    expect(result.outcome).toBe('published');
    const total = result.revisions.find((r) => r.id === 'bcrp/total');
    expect(total).toMatchObject({ period: '2026-07', previous: first.values[julyIndex] });
    expect(total!.value! / total!.previous!).toBeCloseTo(1.05, 6);
    expect(result.revisions.map((r) => `${r.id} ${r.period}`)).toEqual([
      'bcrp/total 2026-07',
      'bcrp/traditional 2026-07',
      'bcrp/non-traditional 2026-07',
      'bcrp/other 2026-07',
    ]);
    expect((await readSnapshot(kv, result.version!))!.revisions).toEqual(result.revisions);
    expect((await readStatus(kv))!.revisions).toEqual(result.revisions);
  });
});

describe('a refresh that fails keeps the last good snapshot', () => {
  const cases: [string, StandInOptions, RegExp][] = [
    [
      'the firewall\u2019s HTML challenge',
      { until: '2026-10', faults: { PN38715BM: 'challenge' } },
      /challenge: .*HTML page instead of JSON/,
    ],
    ['a 5xx', { until: '2026-10', faults: { '*': 'server-error' } }, /http: PN38714BM: HTTP 503/],
    ['no answer in time', { until: '2026-10', faults: { PN38716BM: 'hang' } }, /timeout: PN38716BM: no complete answer within 200 ms/],
    ['a body over the size limit', { until: '2026-10', faults: { PN38714BM: 'huge' } }, /too-large: the answer is over 1048576 bytes/],
    [
      'a value that is not a number',
      { until: '2026-10', faults: { PN38717BM: 'not-number' } },
      /value: Oct\.2026: "7\.123,45" is neither a number nor "n\.d\."/,
    ],
    ['an unknown series', { until: '2026-10', faults: { PN38717BM: 'not-found' } }, /http: PN38717BM: HTTP 404/],
    ['an empty answer', { until: '2026-10', faults: { PN38714BM: 'empty' } }, /empty: PN38714BM: no periods in the answer/],
    ['a gap (n.d. inside the range)', { until: '2026-10', faults: { PN38715BM: 'gap' } }, /bcrp\/traditional 2026-08: no value/],
    [
      'an implausible month',
      { until: '2026-10', faults: { PN38714BM: 'implausible' } },
      /bcrp\/total 2026-10: US\$ [\d.]+ million is implausible/,
    ],
    ['fewer months than published (a partial answer)', { until: '2026-07' }, /bcrp\/total: ends at 2026-07, before the published 2026-09/],
  ];

  it.each(cases)('%s', async (_name, standIn, message) => {
    const good = await run({ until: '2026-09' });
    const served = liveSnapshot.version;
    const later = new Date('2026-11-21T00:17:00Z');

    const result = await run(standIn, { now: later });

    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(message);
    expect((await readPointer(kv))!.version).toBe(good.version);
    expect(liveSnapshot.version).toBe(served);
    expect(latestOf('bcrp/total')).toBe('2026-09');
    const status = await readStatus(kv);
    expect(status).toMatchObject({ outcome: 'failed', checkedAt: later.toISOString(), changedAt: NOW.toISOString() });
    expect(status!.lastError).toEqual({ at: later.toISOString(), message: result.message });
  });

  it('retries a passing fault, within its bound', async () => {
    let calls = 0;
    const standIn = standInFetch({ until: '2026-09' });
    const flaky: typeof fetch = (input, init) =>
      ++calls === 1 ? Promise.resolve(new Response('<html>challenge</html>', { status: 200 })) : standIn(input, init);
    const result = await refreshLive(env, { now: NOW, log: () => {}, fetch: { fetch: flaky, backoffMs: 1, attempts: 2 } });
    expect(result.outcome).toBe('published');
    expect(calls).toBe(5); // one retry, then the other three series
  });

  it('keeps the error after a later success, and a fresh isolate serves the bundled snapshot when nothing was ever published', async () => {
    const failed = await run({ until: '2026-10', faults: { '*': 'server-error' } });
    expect(failed.outcome).toBe('failed');
    expect(await readPointer(kv)).toBeNull();
    await readPublished(kv);
    expect(liveSnapshot).toBe(bundledSnapshot);
    const later = new Date('2026-11-20T12:17:00Z');
    await run({ until: '2026-09' }, { now: later });
    expect(await readStatus(kv)).toMatchObject({ outcome: 'published', lastError: { at: NOW.toISOString(), message: failed.message } });
  });
});

describe('publishing over time', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 6, 17));

  it('keeps the last few snapshots for rollback and deletes older ones', async () => {
    const versions: string[] = [];
    for (let i = 0; i < HISTORY_LENGTH + 2; i++) {
      const r = await run({ until: '2026-03', revise: { '2026-01': 1 + i / 100 } }, { now: at(i + 1) });
      expect(r.outcome).toBe('published');
      versions.push(r.version!);
    }
    const pointer = (await readPointer(kv))!;
    expect([pointer.version, ...pointer.history.map((p) => p.version)]).toEqual(versions.slice(-HISTORY_LENGTH).reverse());
    const stored = (await kv.list({ prefix: 'bcrp/snapshot/' })).keys.map((k) => k.name.split('/').pop()).sort();
    expect(stored).toEqual(versions.slice(-HISTORY_LENGTH).sort());
  });

  it('rolls back to the snapshot before, pinned until resumed', async () => {
    const a = await run({ until: '2026-08' }, { now: at(1) });
    const b = await run({ until: '2026-09' }, { now: at(2) });
    const pointer = await rollback(kv, at(3));
    expect(pointer).toMatchObject({ version: a.version, pinned: true, history: [{ version: b.version }] });
    await readPublished(kv);
    expect(liveSnapshot.version).toBe(a.version);
    expect(latestOf('bcrp/total')).toBe('2026-08');

    const pinned = await run({ until: '2026-09' }, { now: at(4) });
    expect(pinned.outcome).toBe('pinned');
    expect((await readPointer(kv))!.version).toBe(a.version);

    await resume(kv);
    const again = await run({ until: '2026-09' }, { now: at(5) });
    expect(again.outcome).toBe('published');
    expect(again.version).toBe(b.version);
    await expect(rollback(kv, at(6), 'ffffffffffff')).rejects.toThrow(
      /no earlier snapshot ffffffffffff to roll back to \(current [0-9a-f]{12}; earlier: [0-9a-f]{12}/,
    );
  });

  it('lets only one of two runs at once publish, and the pointer names a whole snapshot', async () => {
    const [one, two] = await Promise.all([run({ until: '2026-09' }, { runId: 'run-a' }), run({ until: '2026-10' }, { runId: 'run-b' })]);
    const outcomes = [one.outcome, two.outcome].sort();
    expect(outcomes).toEqual(['published', 'skipped']);
    const winner = one.outcome === 'published' ? one : two;
    const pointer = (await readPointer(kv))!;
    expect(pointer.version).toBe(winner.version);
    const snapshot = (await readSnapshot(kv, pointer.version))!;
    const lasts = new Set(snapshot.metrics.map((m) => coverage(m).last));
    expect(snapshot.metrics).toHaveLength(4);
    expect(lasts.size).toBe(1);
    expect(await kv.get(KEYS.lock)).toBeNull();
  });
});

describe('serving after a publish', () => {
  it('changes the dataset version in bodies, the ETags, and the memo does not serve the old body', async () => {
    const path = '/v1/metrics/bcrp/total?lang=en';
    const first = await fetchSettled(path);
    const oldTag = first.headers.get('ETag')!;
    const oldBody = (await first.json()) as { datasetVersion: string; latest: { period: string } };
    expect(oldBody.latest.period).toBe('2025-11');
    const memoHit = await fetchSettled(path);
    expect(memoHit.headers.get('X-Cache')).toBe('HIT');
    await memoHit.arrayBuffer();

    await run({ until: '2026-09' });

    const after = await fetchSettled(path);
    const body = (await after.json()) as { datasetVersion: string; latest: { period: string } };
    expect(body.latest.period).toBe('2026-09');
    expect(body.datasetVersion).not.toBe(oldBody.datasetVersion);
    expect(body.datasetVersion).toBe(servedVersion);
    expect(after.headers.get('ETag')).not.toBe(oldTag);
    const revalidated = await fetchSettled(path, { headers: { 'If-None-Match': oldTag } });
    expect(revalidated.status).toBe(200);
    expect(((await revalidated.json()) as { latest: { period: string } }).latest.period).toBe('2026-09');
  });

  it('suggests the series a snapshot added for a mistyped id', async () => {
    const before = await fetchSettled('/v1/metrics/bcrp/traditionl');
    expect(((await before.json()) as { closeMatches: string[] }).closeMatches).not.toContain('bcrp/traditional');
    await run({ until: '2026-09' });
    const after = await fetchSettled('/v1/metrics/bcrp/traditionl');
    expect(after.status).toBe(404);
    expect(((await after.json()) as { closeMatches: string[] }).closeMatches).toContain('bcrp/traditional');
  });

  it('reads KV on an isolate\u2019s first request only, and again only after the poll interval', async () => {
    await run({ until: '2026-09' });
    resetPublished(); // a new isolate: the bundled snapshot, nothing read yet
    expect(latestOf('bcrp/total')).toBe('2025-11');
    const get = vi.spyOn(kv, 'get');
    const res = await fetchSettled('/v1/metrics/bcrp/total');
    expect(((await res.json()) as { latest: { period: string } }).latest.period).toBe('2026-09');
    const reads = get.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await (await fetchSettled(`/v1/metrics/bcrp/total?lang=${i % 2 ? 'es' : 'en'}`)).arrayBuffer();
    expect(get.mock.calls.length).toBe(reads);
  });

  it('serves the bundled snapshot when KV cannot be read, and says so in /v1/status', async () => {
    await run({ until: '2026-09' });
    resetPublished();
    vi.spyOn(kv, 'get').mockRejectedValue(new Error('KV is unreachable'));
    const res = await fetchSettled('/v1/metrics/bcrp/total');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { latest: { period: string } }).latest.period).toBe('2025-11');
    const status = (await (await fetchSettled('/v1/status')).json()) as {
      sources: { id: string; lastError: { message: string } | null; served: { origin: string } }[];
    };
    const bcrp = status.sources.find((s) => s.id === 'bcrp')!;
    expect(bcrp.served.origin).toBe('bundled');
    expect(bcrp.lastError?.message).toBe('reading the published snapshot: KV is unreachable');
  });

  it('makes requests that arrive during an isolate\u2019s first read wait for it too', async () => {
    await run({ until: '2026-09' });
    resetPublished();
    const answers = await Promise.all(['es', 'en', 'es'].map((lang) => fetchSettled(`/v1/metrics/bcrp/total?lang=${lang}`)));
    const periods = await Promise.all(answers.map(async (r) => ((await r.json()) as { latest: { period: string } }).latest.period));
    expect(periods).toEqual(['2026-09', '2026-09', '2026-09']);
  });
});
