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
  median,
  memoryFlat,
  type RouteResult,
} from '../../bench/report';
import { BENCH_ROUTES, SOAK_MIX } from '../../bench/routes';
import {
  benchTopology,
  bindingsFromWrangler,
  capnpString,
  moduleTypeFor,
  renderCapnpConfig,
  type TopologyInput,
} from '../../bench/workerd-config';
import { bundleHelperWorkers, parseVmRssKiB, startWorkerd, type WorkerdProcess } from '../../bench/workerd-harness';

const topologyInput = (over: Partial<TopologyInput> = {}): TopologyInput => ({
  appModules: [{ name: 'index.js', type: 'esModule', file: 'app/index.js' }],
  compatibilityDate: '2026-11-01',
  compatibilityFlags: ['nodejs_compat'],
  appBindings: [
    { name: 'API_VERSION', kind: 'text', value: '1' },
    { name: 'ASSETS', kind: 'service', service: 'assets' },
  ],
  helpers: { assets: 'helpers/assets.js', baseline: 'helpers/baseline.js', cache: 'helpers/cache.js' },
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
    expect(() => renderCapnpConfig({ ...config, services: [...config.services, config.services[0]!] })).toThrow(
      /"app" is defined twice/,
    );
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
    expect(() => bindingsFromWrangler({ kv_namespaces: [{ binding: 'KV' }], d1_databases: [{}] }, 'assets')).toThrow(
      /declares kv_namespaces, d1_databases/,
    );
    expect(() => bindingsFromWrangler({ durable_objects: { bindings: [{ name: 'X' }] } }, 'assets')).toThrow(/durable_objects/);
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

  it('checks each figure against its target and says what was not measured', () => {
    const measured: RouteResult = { id: 'card-svg', label: 'card SVG', path: '/c', available: true, minRatio: 0.9, rounds: [], ratio: 0.85, p99: 8, errors: 0, unexpected: 0 };
    const missing: RouteResult = { id: 'metric-json', label: 'metric JSON', path: '/m', available: false, reason: 'answers 404', minRatio: 0.95, rounds: [] };
    const checks = evaluateTargets({
      routes: [measured, missing],
      sizes: { workerBundle: { raw: 1, gzip: 1 }, widgetsBundle: { raw: 30_000, gzip: 12_288 }, sparklineSvgBytes: null, cardSvgBytes: null },
      settings: { connections: 64, requests: 1, warmup: 1, rounds: 1 },
    });
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName['card SVG: req/s vs baseline']?.met).toBe(false);
    expect(byName['card SVG: p99']?.met).toBe(true);
    expect(byName['card SVG: errors and wrong statuses']?.met).toBe(true);
    expect(byName['metric JSON: req/s vs baseline']).toMatchObject({ met: null, note: 'answers 404' });
    expect(byName['widgets bundle, gzipped']?.met).toBe(true);
    const over = evaluateTargets({
      routes: [],
      sizes: { workerBundle: { raw: 1, gzip: 1 }, widgetsBundle: { raw: 30_000, gzip: 12_289 }, sparklineSvgBytes: null, cardSvgBytes: null },
      settings: { connections: 64, requests: 1, warmup: 1, rounds: 1 },
    });
    expect(over[0]?.met).toBe(false);
  });

  it('calls memory flat when it plateaus and not when it keeps growing', () => {
    const plateau = [0, 10, 20, 30, 40, 50, 60].map((t, i) => ({ atSeconds: t, rssKiB: [340, 360, 440, 480, 478, 485, 482][i]! * 1024 }));
    expect(memoryFlat(plateau).flat).toBe(true);
    const leak = [0, 10, 20, 30, 40, 50, 60].map((t) => ({ atSeconds: t, rssKiB: (340 + t * 3) * 1024 }));
    expect(memoryFlat(leak)).toMatchObject({ flat: false, growthKiB: 90 * 1024 });
  });

  it('aligns numbers right and text left', () => {
    expect(formatTable(['route', 'req/s'], [['a', '1,000'], ['bbb', '5']]).split('\n')).toEqual([
      'route  req/s',
      '-----  -----',
      'a      1,000',
      'bbb        5',
    ]);
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
    if (new URL(request.url).pathname === '/version') return new Response(env.API_VERSION);
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
      topologyInput({ helpers, compatibilityFlags: [], assetsDirectory: join(dir, 'cdn'), assetPaths: ['/widgets/v1/x.js'] }),
    );
    writeFileSync(join(dir, 'config.capnp'), renderCapnpConfig(config));
    w = await startWorkerd(join(dir, 'config.capnp'), ['app', 'edge', 'baseline'], { inspector: true });
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
    expect(heaps.map((h) => h.service).sort()).toEqual(['app', 'assets', 'baseline', 'cache', 'edge']);
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
});
