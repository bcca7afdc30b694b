/**
 * `npm run bench`: the worker in plain workerd next to a Hono hello-world baseline, driven by
 * autocannon route by route (warm-up, then rounds alternating baseline and subject), plus the
 * renderers' time per call, bundle sizes and start-up time. Prints a report with each figure
 * against its target and writes bench/results/latest.json. See bench/README.md.
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { requestOnce, runLoad, type LoadSummary } from './load-generator';
import { parseArgs, progress } from './progress';
import { benchRenderers } from './renderers';
import {
  aggregateRounds,
  evaluateTargets,
  formatBytes,
  formatMs,
  formatRouteTable,
  formatTable,
  formatTargets,
  median,
  type BenchResults,
  type ByteSize,
  type RouteResult,
} from './report';
import { BASELINE_PATH, BENCH_ROUTES, type BenchRoute } from './routes';
import {
  buildWidgets,
  prepareHarness,
  repoRoot,
  startWorkerd,
  widgetsBundleFile,
  workerdVersion,
  type WorkerdProcess,
} from './workerd-harness';

const USAGE = `usage: npm run bench -- [--rounds 3] [--requests 10000] [--warmup 2000] [--connections 64]
                        [--startups 3] [--budget 600] [--no-cache] [--quick]
  --budget    seconds for all load runs together; routes not started by then are skipped
  --no-cache  run without the in-memory Cache API service (caches.default is then a no-op)
  --quick     1 round of 3000 requests (a smoke run; figures are noisier)`;

const args = parseArgs(
  process.argv.slice(2),
  { rounds: 3, requests: 10_000, warmup: 2_000, connections: 64, startups: 3, budget: 600, 'no-cache': false, quick: false },
  USAGE,
);
if (args.quick) Object.assign(args, { rounds: 1, requests: 3_000, warmup: 1_000, startups: 1 });
const settings = { connections: args.connections, requests: args.requests, warmup: args.warmup, rounds: args.rounds };
/** A run that has not finished its requests by then is stopped and flagged (bounded total time). */
const MAX_RUN_SECONDS = 30;

function sizeOf(bytes: Buffer): ByteSize {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

interface Probe {
  result: Pick<RouteResult, 'available' | 'reason' | 'cacheHit' | 'bodyBytes'>;
  etag: string | null;
}

/** One request (and a repeat, to see whether it came from the Cache API) before loading a route. */
async function probeRoute(w: WorkerdProcess, route: BenchRoute, etags: Map<string, string>): Promise<Probe> {
  const headers: Record<string, string> = {};
  if (route.revalidates) {
    const etag = etags.get(route.revalidates);
    if (!etag) return { result: { available: false, reason: `no ETag on ${route.revalidates} to revalidate` }, etag: null };
    headers['If-None-Match'] = etag;
  }
  const url = w.url(route.socket, route.path);
  const first = await requestOnce(url, headers);
  if (first.status !== route.expectStatus) {
    return { result: { available: false, reason: `answers ${first.status}, expected ${route.expectStatus}` }, etag: null };
  }
  if (first.errorImage !== null) {
    return { result: { available: false, reason: `answers an error image: ${first.errorImage}` }, etag: null };
  }
  if (route.expectType && !first.contentType.startsWith(route.expectType)) {
    return {
      result: { available: false, reason: `answers ${first.contentType || 'no Content-Type'}, expected ${route.expectType}` },
      etag: null,
    };
  }
  const repeat = await requestOnce(url, headers);
  return {
    // Static files never reach the worker's cache: no hit/miss to report.
    result: { available: true, ...(route.kind === 'asset' ? {} : { cacheHit: repeat.cacheHit }), bodyBytes: first.bytes },
    etag: first.etag,
  };
}

function describeRun(who: string, s: LoadSummary): string {
  const statuses = Object.entries(s.statusCounts).map(([k, v]) => `${k}×${v}`).join(' ');
  return `${who}: ${Math.round(s.rps)} req/s, p50 ${formatMs(s.p50)} ms, p99 ${formatMs(s.p99)} ms, errors ${s.errors}, ${statuses}${s.truncated ? ' (stopped at time limit)' : ''}`;
}

async function measureStartup(configPath: string, sockets: Parameters<typeof startWorkerd>[1], samples: number) {
  const path = BENCH_ROUTES.find((r) => r.id === 'metric-json')!.path;
  const listen: number[] = [];
  const first: number[] = [];
  let status = 0;
  for (let i = 0; i < samples; i++) {
    const w = await startWorkerd(configPath, sockets);
    try {
      const res = await fetch(w.url('app', path));
      await res.arrayBuffer();
      first.push(performance.now() - w.startedAt);
      listen.push(w.listenMs);
      status = res.status;
    } finally {
      await w.stop();
    }
  }
  return { listenMs: median(listen), firstResponseMs: median(first), path, status, samples };
}

async function main() {
  const startedAt = new Date().toISOString();
  progress(`bench: ${settings.rounds} rounds × ${settings.requests} requests at ${settings.connections} connections (warm-up ${settings.warmup})`);

  progress('building the widgets (npm run build:widgets)');
  const widgetsBuild = await buildWidgets();
  if (widgetsBuild) progress(`widgets build failed: ${widgetsBuild}`);
  const widgetsBundle = existsSync(widgetsBundleFile) ? sizeOf(readFileSync(widgetsBundleFile)) : null;

  progress('building the worker bundle (wrangler deploy --dry-run --outdir) and the workerd config');
  const harness = await prepareHarness({ cacheApi: !args['no-cache'], baseline: true });
  const workerBundle = sizeOf(harness.bundle.bytes);

  try {
    progress(`measuring start-up: ${args.startups} fresh workerd process(es)`);
    const startup = await measureStartup(harness.configPath, harness.sockets, args.startups);

    const w = await startWorkerd(harness.configPath, harness.sockets);
    progress(`workerd ${workerdVersion()} pid ${w.pid}: app :${w.ports.app}, edge :${w.ports.edge}, baseline :${w.ports.baseline}`);
    const baselineUrl = w.url('baseline', BASELINE_PATH);

    const routes: RouteResult[] = [];
    const etags = new Map<string, string>();
    try {
      const loadStarted = performance.now();
      for (const route of BENCH_ROUTES) {
        if ((performance.now() - loadStarted) / 1_000 > args.budget) {
          routes.push({ id: route.id, label: route.label, path: route.path, minRatio: route.minRatio, rounds: [], available: false, reason: `time budget of ${args.budget} s used up (--budget)` });
          progress(`${route.label}: skipped, time budget used up`);
          continue;
        }
        const probe = await probeRoute(w, route, etags);
        if (probe.etag) etags.set(route.id, probe.etag);
        const result: RouteResult = { id: route.id, label: route.label, path: route.path, minRatio: route.minRatio, rounds: [], ...probe.result };
        routes.push(result);
        if (!result.available) {
          progress(`${route.label}: not measured (${result.reason})`);
          continue;
        }
        const subject = {
          url: w.url(route.socket, route.path),
          connections: settings.connections,
          maxSeconds: MAX_RUN_SECONDS,
          ...(route.revalidates ? { headers: { 'If-None-Match': etags.get(route.revalidates)! } } : {}),
        };
        const baseline = { url: baselineUrl, connections: settings.connections, maxSeconds: MAX_RUN_SECONDS };
        progress(`${route.label}: warm-up`);
        await runLoad({ ...baseline, amount: settings.warmup });
        await runLoad({ ...subject, amount: settings.warmup });
        for (let round = 1; round <= settings.rounds; round++) {
          // Alternate which goes first so a drift in machine load hits both sides alike.
          const order = round % 2 === 1 ? (['baseline', 'subject'] as const) : (['subject', 'baseline'] as const);
          const pair: Partial<Record<'baseline' | 'subject', LoadSummary>> = {};
          for (const who of order) {
            pair[who] = await runLoad({ ...(who === 'baseline' ? baseline : subject), amount: settings.requests });
            progress(`${route.label} round ${round}/${settings.rounds} ${describeRun(who, pair[who]!)}`);
          }
          result.rounds.push({ baseline: pair.baseline!, subject: pair.subject! });
        }
        Object.assign(result, aggregateRounds(result.rounds, route.expectStatus));
      }
    } finally {
      await w.stop();
    }

    progress('renderer microbenchmark');
    const renderers = await benchRenderers();

    const bodyOf = (id: string) => routes.find((r) => r.id === id && r.available)?.bodyBytes ?? null;
    const results: BenchResults = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, workerd: workerdVersion() },
      settings,
      cacheApi: harness.cacheApi ? 'emulated' : 'inactive',
      routes,
      renderers,
      sizes: { workerBundle, widgetsBundle, sparklineSvgBytes: bodyOf('sparkline-svg'), cardSvgBytes: bodyOf('card-svg') },
      startup,
      targets: [],
    };
    results.targets = evaluateTargets(results);
    printReport(results, widgetsBuild);

    const outDir = join(repoRoot, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    progress('wrote bench/results/latest.json');
  } finally {
    harness.cleanup();
  }
}

function printReport(r: BenchResults, widgetsBuild: string | null) {
  const out: string[] = [];
  out.push('', `peru-exports bench — ${r.finishedAt} — ${r.machine.cpus} CPUs, Node ${r.machine.node}, workerd ${r.machine.workerd}`);
  out.push(
    `${r.settings.rounds} round(s) × ${r.settings.requests} requests per side at ${r.settings.connections} connections; medians over rounds; ratio = subject / Hono hello-world req/s`,
  );
  out.push(
    r.cacheApi === 'emulated'
      ? 'Cache API: emulated by an in-memory service (bench/workers/cache.ts) behind caches.default; "cache" shows whether a repeat request was a HIT.'
      : 'Cache API: INACTIVE (--no-cache): plain workerd has no cache service, so caches.default stores nothing and every request is computed.',
  );
  out.push('Load generator and workerd share the machine: on 2 cores the baseline is bounded by autocannon as much as by workerd.', '');
  out.push(formatRouteTable(r.routes), '');
  out.push(
    formatTable(
      ['renderer', 'µs per call', 'calls', 'output'],
      r.renderers.map((t) => [
        t.name,
        t.microsPerCall === null ? '-' : t.microsPerCall.toFixed(1),
        t.iterations,
        t.outputBytes === null ? (t.note ?? '-') : formatBytes(t.outputBytes),
      ]),
    ),
    '',
  );
  const size = (s: ByteSize | null) => (s ? `${formatBytes(s.raw)} raw, ${formatBytes(s.gzip)} gzip -9` : 'not built');
  out.push(
    formatTable(
      ['size', 'bytes'],
      [
        ['worker bundle (wrangler dry-run)', size(r.sizes.workerBundle)],
        ['widgets bundle (widgets/v1/peru-exports.js, minified)', size(r.sizes.widgetsBundle) + (widgetsBuild ? ` (npm run build:widgets failed: ${widgetsBuild})` : '')],
        ['typical sparkline SVG (HTTP body)', r.sizes.sparklineSvgBytes === null ? 'route not available' : formatBytes(r.sizes.sparklineSvgBytes)],
        ['typical card SVG (HTTP body)', r.sizes.cardSvgBytes === null ? 'route not available' : formatBytes(r.sizes.cardSvgBytes)],
      ],
    ),
    '',
  );
  out.push(
    `start-up (median of ${r.startup.samples} fresh workerd): all sockets listening after ${formatMs(r.startup.listenMs)} ms, ` +
      `first response (GET ${r.startup.path} → ${r.startup.status}) after ${formatMs(r.startup.firstResponseMs)} ms from spawn`,
    '',
  );
  out.push('targets', formatTargets(r.targets), '');
  const met = r.targets.filter((t) => t.met === true).length;
  const missed = r.targets.filter((t) => t.met === false).length;
  const notMeasured = r.targets.filter((t) => t.met === null).length;
  out.push(`${met} met, ${missed} missed, ${notMeasured} not measured`);
  console.log(out.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
