/**
 * The bench/load harness (bench/): the capnp config generator, the figures and their targets,
 * and one real workerd start of a generated config, so `npm run bench` cannot silently rot
 * between the times someone runs it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, summarize, type LoadSummary } from '../../bench/load-generator';
import {
  aggregateRounds,
  evaluateTargets,
  formatTable,
  generatorCeiling,
  median,
  memoryFlat,
  rssReport,
  type RouteResult,
} from '../../bench/report';
import { parseWrkDuration, parseWrkOutput } from '../../bench/wrk';
import { BENCH_ROUTES, SOAK_MIX } from '../../bench/routes';
import {
  benchTopology,
  bindingsFromWrangler,
  capnpString,
  moduleTypeFor,
  renderCapnpConfig,
  type TopologyInput,
} from '../../bench/workerd-config';
import {
  bundleHelperWorkers,
  parseProcStatCpuSeconds,
  parseVmRssKiB,
  startWorkerd,
  type WorkerdProcess,
} from '../../bench/workerd-harness';

const topologyInput = (over: Partial<TopologyInput> = {}): TopologyInput => ({
  appModules: [{ name: 'index.js', type: 'esModule', file: 'app/index.js' }],
  compatibilityDate: '2026-11-01',
  compatibilityFlags: ['nodejs_compat'],
  appBindings: [
    { name: 'API_VERSION', kind: 'text', value: '1' },
    { name: 'ASSETS', kind: 'service', service: 'assets' },
  ],
  helpers: {
    assets: 'helpers/assets.js',
    baseline: 'helpers/baseline.js',
    cache: 'helpers/cache.js',
    kv: 'helpers/kv.js',
    replay: 'helpers/replay.js',
  },
  assetsDirectory: '/srv/cdn',
  assetPaths: ['/widgets/v1/peru-exports.js'],
  cacheApi: true,
  baseline: true,
  ...over,
});

describe('capnp config generator', () => {
  it('writes Cap’n Proto string literals with C escapes, not JSON ones', () => {
    expect(capnpString('plain')).toBe('"plain"');
    expect(capnpString('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
    expect(capnpString('a\nb\tc\u0001')).toBe('"a\\nb\\tc\\x01"');
    expect(capnpString('Perú')).toBe('"Perú"');
  });

  it('puts every service on a kernel-picked loopback port, the app behind the Cache API service', () => {
    const text = renderCapnpConfig(benchTopology(topologyInput()));
    expect(text).toContain('using Workerd = import "/workerd/workerd.capnp";');
    for (const socket of ['app', 'edge', 'baseline']) {
      expect(text).toContain(`(name = "${socket}", address = "127.0.0.1:0", http = (), service = "${socket}")`);
    }
    expect(text).toContain('(name = "index.js", esModule = embed "app/index.js")');
    expect(text).toContain('(name = "API_VERSION", text = "1")');
    expect(text).toContain('(name = "ASSETS", service = "assets")');
    expect(text).toContain('cacheApiOutbound = "cache"');
    expect(text).toContain('compatibilityFlags = ["nodejs_compat"]');
    expect(text).toContain('disk = (path = "/srv/cdn", writable = false)');
    // The edge worker falls through to the app; the ASSETS one does not.
    expect(text).toMatch(/\(name = "edge", worker = \([\s\S]*?\(name = "APP", service = "app"\)/);
    expect(text).toContain('(name = "MANIFEST", json = "[\\"/widgets/v1/peru-exports.js\\"]")');
  });

  it('leaves the Cache API and the baseline out when asked', () => {
    const text = renderCapnpConfig(benchTopology(topologyInput({ cacheApi: false, baseline: false })));
    expect(text).not.toContain('cacheApiOutbound');
    expect(text).not.toContain('"cache"');
    expect(text).not.toContain('"baseline"');
  });

  it('refuses a config that refers to a missing service, names a service twice or has no modules', () => {
    const config = benchTopology(topologyInput());
    expect(() =>
      renderCapnpConfig({ ...config, sockets: [...config.sockets, { name: 'x', address: '127.0.0.1:0', service: 'nope' }] }),
    ).toThrow(/socket "x" serves unknown service "nope"/);
    expect(() => renderCapnpConfig({ ...config, services: [...config.services, config.services[0]!] })).toThrow(/"app" is defined twice/);
    expect(() =>
      renderCapnpConfig(benchTopology(topologyInput({ appBindings: [{ name: 'KV', kind: 'service', service: 'kv' }] }))),
    ).toThrow(/worker "app" refers to unknown service "kv"/);
    expect(() => renderCapnpConfig(benchTopology(topologyInput({ appModules: [] })))).toThrow(/"app" has no modules/);
  });

  it('maps wrangler vars and assets to bindings, and names the bindings it cannot emulate', () => {
    expect(
      bindingsFromWrangler({ vars: { API_VERSION: '1', LIMITS: { max: 3 } }, assets: { binding: 'ASSETS' }, kv_namespaces: [] }, 'assets'),
    ).toEqual([
      { name: 'API_VERSION', kind: 'text', value: '1' },
      { name: 'LIMITS', kind: 'json', value: '{"max":3}' },
      { name: 'ASSETS', kind: 'service', service: 'assets' },
    ]);
    expect(() => bindingsFromWrangler({ kv_namespaces: [{ binding: 'KV' }], d1_databases: [{}], r2_buckets: [{}] }, 'assets')).toThrow(
      /declares d1_databases, r2_buckets/,
    );
    expect(() => bindingsFromWrangler({ durable_objects: { bindings: [{ name: 'X' }] } }, 'assets')).toThrow(/durable_objects/);
  });

  it('binds a service binding to the worker the harness builds for it, and refuses one it does not build', () => {
    const config = { services: [{ binding: 'PNG', service: 'peru-exports-png' }] };
    expect(bindingsFromWrangler(config, 'assets', { 'peru-exports-png': 'png' })).toEqual([
      { name: 'PNG', kind: 'service', service: 'png' },
    ]);
    expect(() => bindingsFromWrangler(config, 'assets')).toThrow(/declares services \(PNG → peru-exports-png\)/);
    const text = renderCapnpConfig(
      benchTopology(
        topologyInput({
          appBindings: bindingsFromWrangler(config, 'assets', { 'peru-exports-png': 'png' }),
          workers: [
            {
              name: 'png',
              modules: [
                { name: 'index.js', type: 'esModule', file: 'png/index.js' },
                { name: 'f.ttf', type: 'data', file: 'png/f.ttf' },
              ],
            },
          ],
        }),
      ),
    );
    expect(text).toContain('(name = "PNG", service = "png")');
    expect(text).toMatch(/name = "png",[\s\S]*\(name = "f\.ttf", data = embed "png\/f\.ttf"\)/);
  });

  it('backs each KV namespace with an empty in-memory one of its own', () => {
    const bindings = bindingsFromWrangler({ kv_namespaces: [{ binding: 'LIVE' }, { binding: 'OTHER' }] }, 'assets');
    expect(bindings).toEqual([
      { name: 'LIVE', kind: 'kv', service: 'kv-LIVE' },
      { name: 'OTHER', kind: 'kv', service: 'kv-OTHER' },
    ]);
    const text = renderCapnpConfig(benchTopology(topologyInput({ appBindings: bindings })));
    expect(text).toContain('(name = "LIVE", kvNamespace = "kv-LIVE")');
    expect(text).toMatch(/\(name = "kv-LIVE", worker = \([\s\S]*?embed "helpers\/kv.js"/);
    expect(text).toMatch(/\(name = "kv-OTHER", worker = /);
  });

  it('loads the dry-run outdir’s modules by type and skips the rest', () => {
    expect(moduleTypeFor('index.js')).toBe('esModule');
    expect(moduleTypeFor('a.wasm')).toBe('wasm');
    expect(moduleTypeFor('index.js.map')).toBeNull();
    expect(moduleTypeFor('README.md')).toBeNull();
  });

  it('reads the RSS line of /proc/<pid>/status', () => {
    expect(parseVmRssKiB('Name:\tworkerd\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\nThreads:\t9\n')).toBe(123456);
    expect(parseVmRssKiB('Name:\tzombie\n')).toBeNull();
  });

  it('reads user + system CPU time from /proc/<pid>/stat, whatever the command name holds', () => {
    const stat = '4242 (work erd) S 1 2 3 0 -1 4194304 10 0 0 0 1234 566 0 0 20 0 9 0 100 1000 200';
    expect(parseProcStatCpuSeconds(stat)).toBeCloseTo(18);
    expect(parseProcStatCpuSeconds('garbage')).toBeNull();
  });
});

const summary = (over: Partial<LoadSummary>): LoadSummary => ({
  requests: 10_000,
  seconds: 1,
  rps: 10_000,
  p50: 3,
  p99: 9,
  max: 12,
  errors: 0,
  timeouts: 0,
  statusCounts: { '200': 10_000 },
  truncated: false,
  ...over,
});

describe('figures', () => {
  it('summarises a run from its own timing and latencies, not autocannon’s whole seconds', () => {
    const latencies = Float64Array.from({ length: 1000 }, (_, i) => (i + 1) / 10); // 0.1 … 100 ms
    const s = summarize(
      { statusCodeStats: { '200': { count: 990 }, '404': { count: 10 } }, errors: 2, timeouts: 1 },
      { seconds: 0.5, latenciesMs: latencies.reverse() },
    );
    expect(s.requests).toBe(1000);
    expect(s.rps).toBe(2000);
    expect(s.p50).toBeCloseTo(50);
    expect(s.p99).toBeCloseTo(99);
    expect(s.max).toBeCloseTo(100);
    expect(s.statusCounts).toEqual({ '200': 990, '404': 10 });
    expect([s.errors, s.timeouts]).toEqual([2, 1]);
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 99)).toBe(7);
  });

  it('takes medians over rounds and counts statuses other than the expected one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const agg = aggregateRounds(
      [
        { baseline: summary({ rps: 10_000 }), subject: summary({ rps: 9_000, p99: 12 }) },
        { baseline: summary({ rps: 8_000 }), subject: summary({ rps: 8_000, p99: 30, statusCounts: { '200': 9_990, '500': 10 } }) },
        { baseline: summary({ rps: 10_000 }), subject: summary({ rps: 9_800, p99: 14 }) },
      ],
      200,
    );
    expect(agg.rps).toBe(9_000);
    expect(agg.p99).toBe(14);
    expect(agg.baselineP99).toBe(9);
    expect(agg.ratio).toBeCloseTo(0.98); // per-round ratios 0.9, 1.0, 0.98
    expect(agg.unexpected).toBe(10);
  });

  it('sets each route against the same-payload baseline too, and gives the cores each side used', () => {
    const agg = aggregateRounds(
      [
        {
          baseline: summary({ rps: 10_000 }),
          payload: summary({ rps: 5_000 }),
          subject: summary({ rps: 6_000, generatorCores: 0.4, workerdCores: 1 }),
        },
        {
          baseline: summary({ rps: 12_000 }),
          payload: summary({ rps: 8_000 }),
          subject: summary({ rps: 6_000, generatorCores: 0.5, workerdCores: 0.9 }),
        },
        {
          baseline: summary({ rps: 10_000 }),
          payload: summary({ rps: 6_000 }),
          subject: summary({ rps: 7_200, generatorCores: 0.6, workerdCores: 0.95 }),
        },
      ],
      200,
    );
    expect(agg.payloadRps).toBe(6_000);
    expect(agg.payloadRatio).toBeCloseTo(1.2); // per-round 1.2, 0.75, 1.2
    expect(agg.payloadVsBaseline).toBeCloseTo(0.6); // 0.5, 0.667, 0.6
    expect(agg.ratio).toBeCloseTo(0.6);
    expect([agg.generatorCores, agg.workerdCores]).toEqual([0.5, 0.95]);
    const without = aggregateRounds([{ baseline: summary({}), subject: summary({}) }], 200);
    expect(without.payloadRps).toBeUndefined();
    expect(without.payloadRatio).toBeUndefined();
  });

  it('estimates the load generator’s ceiling from how busy it was against the hello world', () => {
    const g = generatorCeiling([
      summary({ rps: 15_000, generatorCores: 0.5, workerdCores: 1 }),
      summary({ rps: 16_000, generatorCores: 0.4, workerdCores: 0.98 }),
      summary({ rps: 14_000, generatorCores: 0.6, workerdCores: 0.97 }),
    ]);
    expect(g).toEqual({ baselineRps: 15_000, generatorCores: 0.5, workerdCores: 0.98, ceilingRps: 30_000 });
    expect(generatorCeiling([summary({})]).ceilingRps).toBeNaN(); // CPU time unknown
  });

  it('checks each figure against its target and says what was not measured', () => {
    const measured: RouteResult = {
      id: 'card-svg',
      label: 'card SVG',
      path: '/c',
      available: true,
      minRatio: 0.9,
      rounds: [],
      ratio: 0.85,
      p99: 8,
      errors: 0,
      unexpected: 0,
    };
    const missing: RouteResult = {
      id: 'metric-json',
      label: 'metric JSON',
      path: '/m',
      available: false,
      reason: 'answers 404',
      minRatio: 0.95,
      rounds: [],
    };
    const checks = evaluateTargets({
      routes: [measured, missing],
      sizes: {
        workerBundle: { raw: 1, gzip: 1 },
        widgetsBundle: { raw: 30_000, gzip: 12_288 },
        sparklineSvgBytes: null,
        cardSvgBytes: null,
      },
      settings: { connections: 64, seconds: 1, warmup: 1, rounds: 1 },
    });
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName['card SVG: req/s vs baseline']?.met).toBe(false);
    expect(byName['card SVG: p99']?.met).toBe(true);
    expect(byName['card SVG: errors and wrong statuses']?.met).toBe(true);
    expect(byName['metric JSON: req/s vs baseline']).toMatchObject({ met: null, note: 'answers 404' });
    expect(byName['widgets bundle, gzipped']?.met).toBe(true);
    const over = evaluateTargets({
      routes: [],
      sizes: {
        workerBundle: { raw: 1, gzip: 1 },
        widgetsBundle: { raw: 30_000, gzip: 12_289 },
        sparklineSvgBytes: null,
        cardSvgBytes: null,
      },
      settings: { connections: 64, seconds: 1, warmup: 1, rounds: 1 },
    });
    expect(over[0]?.met).toBe(false);
  });

  it('calls memory flat when it plateaus and not when it keeps growing', () => {
    const plateau = [0, 10, 20, 30, 40, 50, 60].map((t, i) => ({ atSeconds: t, rssKiB: [340, 360, 440, 480, 478, 485, 482][i]! * 1024 }));
    expect(memoryFlat(plateau).flat).toBe(true);
    const leak = [0, 10, 20, 30, 40, 50, 60].map((t) => ({ atSeconds: t, rssKiB: (340 + t * 3) * 1024 }));
    expect(memoryFlat(leak)).toMatchObject({ flat: false, growthKiB: 90 * 1024 });
  });

  it('bounds the soak’s RSS: start, peak and end against --max-rss, and a plateau', () => {
    const samples = [0, 10, 20, 30, 40, 50, 60].map((t, i) => ({ atSeconds: t, rssKiB: [280, 600, 840, 880, 885, 883, 884][i]! * 1024 }));
    const ok = rssReport(90 * 1024, samples, 1024);
    expect(ok).toMatchObject({ startKiB: 90 * 1024, warmKiB: 280 * 1024, peakKiB: 885 * 1024, endKiB: 884 * 1024, withinBound: true });
    expect(ok.plateau.flat).toBe(true);
    expect(rssReport(90 * 1024, samples, 800).withinBound).toBe(false);
    const leak = [0, 10, 20, 30, 40, 50, 60].map((t) => ({ atSeconds: t, rssKiB: (300 + t * 5) * 1024 }));
    expect(rssReport(90 * 1024, leak, 1024)).toMatchObject({ withinBound: true, plateau: { flat: false } });
  });

  it('reads wrk’s figures and its CPU time from the shell’s `times`', () => {
    expect(parseWrkDuration('950.00us')).toBeCloseTo(0.95);
    expect(parseWrkDuration('4.20ms')).toBeCloseTo(4.2);
    expect(parseWrkDuration('1.50s')).toBe(1500);
    expect(parseWrkDuration('fast')).toBeNaN();
    const output = `Running 3s test @ http://127.0.0.1:4000/
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.31ms    1.02ms  31.20ms   91.20%
    Req/Sec    14.90k     1.10k   16.20k    72.00%
  Latency Distribution
     50%    4.10ms
     75%    4.60ms
     90%    5.20ms
     99%    9.80ms
  44700 requests in 3.00s, 5.63MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  14899.52
Transfer/sec:      1.88MB
0m0.000000s 0m0.004000s
0m0.812000s 0m0.403000s
`;
    const s = parseWrkOutput(output, 200);
    expect(s).toMatchObject({ requests: 44_700, seconds: 3, rps: 14_899.52, p50: 4.1, p99: 9.8, max: 31.2, errors: 5, timeouts: 3 });
    expect(s.statusCounts).toEqual({ '200': 44_693, 'non-2xx/3xx': 7 });
    expect(s.cpuSeconds).toBeCloseTo(1.215);
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:4000 Connection refused', 200)).toThrow(/unexpected output/);
  });

  it('aligns numbers right and text left', () => {
    expect(
      formatTable(
        ['route', 'req/s'],
        [
          ['a', '1,000'],
          ['bbb', '5'],
        ],
      ).split('\n'),
    ).toEqual(['route  req/s', '-----  -----', 'a      1,000', 'bbb        5']);
  });

  it('covers every contract route the issue names, and bad requests in the soak', () => {
    expect(BENCH_ROUTES.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/v1/metrics/total',
        '/v1/metrics/destination/CN/series?from=2023-01&to=2024-12',
        '/v1/rankings/destinations?year=2024',
        '/v1/metrics/total/sparkline.svg',
        '/v1/metrics/total/card.svg',
        '/widgets/v1/peru-exports.js',
      ]),
    );
    expect(BENCH_ROUTES.find((r) => r.kind === 'revalidate')?.expectStatus).toBe(304);
    expect(SOAK_MIX.some((r) => r.allowed.every((s) => s >= 400 && s < 500))).toBe(true);
    expect(SOAK_MIX.every((r) => r.allowed.every((s) => s < 500))).toBe(true);
  });
});

describe('a generated config in a real workerd', () => {
  let dir: string;
  let w: WorkerdProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-harness-test-'));
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'cdn/widgets/v1'), { recursive: true });
    writeFileSync(join(dir, 'cdn/widgets/v1/x.js'), 'export {};\n');
    // A stand-in app that caches with caches.default, as the API may.
    writeFileSync(
      join(dir, 'app/index.js'),
      `let computed = 0;
export default {
  async fetch(request, env, ctx) {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname === '/version') return new Response(env.API_VERSION);
    if (pathname === '/kv') {
      const key = searchParams.get('key');
      if (searchParams.has('put')) await env.LIVE.put(key, searchParams.get('put'));
      return new Response(String(await env.LIVE.get(key)));
    }
    const hit = await caches.default.match(request);
    if (hit) return hit;
    const res = new Response('computed ' + ++computed, { headers: { 'Cache-Control': 'public, max-age=60', ETag: '"v1"' } });
    ctx.waitUntil(caches.default.put(request, res.clone()));
    return res;
  },
};
`,
    );
    const helpers = await bundleHelperWorkers(join(dir, 'helpers'));
    const config = benchTopology(
      topologyInput({
        helpers,
        compatibilityFlags: [],
        assetsDirectory: join(dir, 'cdn'),
        assetPaths: ['/widgets/v1/x.js'],
        appBindings: [...topologyInput().appBindings, ...bindingsFromWrangler({ kv_namespaces: [{ binding: 'LIVE' }] }, 'assets')],
      }),
    );
    writeFileSync(join(dir, 'config.capnp'), renderCapnpConfig(config));
    w = await startWorkerd(join(dir, 'config.capnp'), ['app', 'edge', 'baseline', 'payload'], { inspector: true });
  });

  afterAll(async () => {
    await w?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app with its bindings, the baseline, and files through the edge', async () => {
    expect(await (await fetch(w.url('app', '/version'))).text()).toBe('1');
    expect(await (await fetch(w.url('baseline', '/'))).text()).toBe('Hello Hono!');
    const file = await fetch(w.url('edge', '/widgets/v1/x.js'));
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await file.text()).toBe('export {};\n');
    // Not a file: the edge hands it to the app.
    expect(await (await fetch(w.url('edge', '/version'))).text()).toBe('1');
    expect(w.rssKiB()).toBeGreaterThan(1024);
  });

  it('reads each worker’s V8 heap through the inspector, also after a full GC', async () => {
    const heaps = await w.isolateHeaps({ collectGarbage: true });
    expect(heaps.map((h) => h.service).sort()).toEqual(['app', 'assets', 'baseline', 'cache', 'edge', 'kv-LIVE', 'payload']);
    for (const heap of heaps) {
      expect(heap.usedBytes).toBeGreaterThan(0);
      expect(heap.usedBytes).toBeLessThanOrEqual(heap.totalBytes);
    }
  });

  it('keeps what the app puts into caches.default, and revalidates it', async () => {
    const first = await fetch(w.url('app', '/cached'));
    expect(await first.text()).toBe('computed 1');
    expect(first.headers.get('CF-Cache-Status')).toBeNull();
    let second: Response | undefined;
    // The put runs in waitUntil: ask again until the stored copy answers.
    await expect
      .poll(async () => (second = await fetch(w.url('app', '/cached'))).headers.get('CF-Cache-Status'), { interval: 10, timeout: 5_000 })
      .toBe('HIT');
    expect(second?.headers.get('CF-Cache-Status')).toBe('HIT');
    expect(await second?.text()).toBe('computed 1');
    const revalidated = await fetch(w.url('app', '/cached'), { headers: { 'If-None-Match': '"v1"' } });
    expect(revalidated.status).toBe(304);
  });

  it('binds KV to an empty namespace that keeps what is put', async () => {
    expect(await (await fetch(w.url('app', '/kv?key=bcrp%2Fcurrent'))).text()).toBe('null');
    expect(await (await fetch(w.url('app', '/kv?key=a%2Fb c&put=v1'))).text()).toBe('v1');
    expect(await (await fetch(w.url('app', '/kv?key=a%2Fb c'))).text()).toBe('v1');
  });

  it('replays a stored answer byte for byte, status and headers included', async () => {
    const body = Buffer.from('{"ok":true,"é":"ü"}');
    const put = await fetch(w.url('payload', '/metric'), {
      method: 'PUT',
      body: JSON.stringify({
        status: 200,
        headers: [
          ['content-type', 'application/json'],
          ['etag', '"x1"'],
          ['vary', 'Accept-Language'],
        ],
        body: body.toString('base64'),
      }),
    });
    expect(put.status).toBe(204);
    await fetch(w.url('payload', '/not-modified'), {
      method: 'PUT',
      body: JSON.stringify({ status: 304, headers: [['etag', '"x1"']], body: null }),
    });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(w.url('payload', '/metric'));
      expect(res.status).toBe(200);
      expect([res.headers.get('content-type'), res.headers.get('etag'), res.headers.get('vary')]).toEqual([
        'application/json',
        '"x1"',
        'Accept-Language',
      ]);
      expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
    }
    const notModified = await fetch(w.url('payload', '/not-modified'));
    expect([notModified.status, notModified.headers.get('etag')]).toEqual([304, '"x1"']);
    const unknown = await fetch(w.url('payload', '/nope'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('no answer stored for "nope"');
  });
});
