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
import { createRequire } from 'node:module';
import { requestOnce, runLoad, type LoadSummary, type SingleResponse } from './load-generator';
import { parseArgs, progress } from './progress';
import { benchRenderers } from './renderers';
import { runWrk, wrkVersion } from './wrk';
import {
  aggregateRounds,
  evaluateTargets,
  formatBytes,
  formatInt,
  formatMs,
  formatRouteTable,
  formatTable,
  formatTargets,
  generatorCeiling,
  median,
  type GeneratorReport,
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

const USAGE = `usage: npm run bench -- [--rounds 3] [--seconds 3] [--warmup 1] [--connections 64]
                        [--generator wrk|autocannon] [--startups 3] [--budget 600] [--no-cache] [--quick]
  --seconds    length of each load run (each side of each round)
  --generator  wrk (default when installed: apt-get install wrk) or autocannon (Node, in this process)
  --budget     seconds for all load runs together; routes not started by then are skipped
  --no-cache   run without the in-memory Cache API service (caches.default is then a no-op)
  --quick      1 round of 2 s runs (a smoke run; figures are noisier)`;

const args = parseArgs(
  process.argv.slice(2),
  { rounds: 3, seconds: 3, warmup: 1, connections: 64, generator: '', startups: 3, budget: 600, 'no-cache': false, quick: false },
  USAGE,
);
if (args.quick) Object.assign(args, { rounds: 1, seconds: 2, warmup: 1, startups: 1 });
const settings = { connections: args.connections, seconds: args.seconds, warmup: args.warmup, rounds: args.rounds };

interface RunOptions {
  url: string;
  seconds: number;
  headers?: Record<string, string>;
  expectStatus: number;
}

interface Generator extends Pick<GeneratorReport, 'name' | 'version' | 'note'> {
  run(options: RunOptions): Promise<LoadSummary>;
}

/** wrk when installed (or asked for), else autocannon, saying why. */
function chooseGenerator(wanted: string): Generator {
  if (!['', 'wrk', 'autocannon'].includes(wanted)) throw new Error(`--generator ${wanted}: use wrk or autocannon\n${USAGE}`);
  const wrk = wrkVersion();
  if (wanted === 'wrk' && wrk === null) {
    throw new Error(
      '--generator wrk: wrk is not installed (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk), or run with --generator autocannon',
    );
  }
  if (wanted === 'autocannon' || wrk === null) {
    const version = (createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version;
    return {
      name: 'autocannon',
      version: `autocannon ${version} in this Node process`,
      ...(wrk === null
        ? {
            note: 'wrk is not installed (apt-get install wrk), so autocannon drives the load from this Node process: on 2 cores it is about as busy as workerd, and the hello world measures it as much as workerd',
          }
        : {}),
      // A run that has not finished by then is stopped and flagged (bounded total time).
      run: (o) =>
        runLoad({
          url: o.url,
          connections: args.connections,
          seconds: o.seconds,
          maxSeconds: o.seconds + 30,
          ...(o.headers ? { headers: o.headers } : {}),
        }),
    };
  }
  return { name: 'wrk', version: `${wrk}, 1 thread`, run: (o) => runWrk({ ...o, connections: args.connections }) };
}

/** One load run, with the cores the load generator and workerd used during it. */
async function measure(w: WorkerdProcess, generator: Generator, options: RunOptions): Promise<LoadSummary> {
  const workerdBefore = w.cpuSeconds();
  const started = performance.now();
  const summary = await generator.run(options);
  const wall = (performance.now() - started) / 1_000;
  const workerdAfter = w.cpuSeconds();
  return {
    ...summary,
    ...(summary.cpuSeconds !== undefined ? { generatorCores: summary.cpuSeconds / wall } : {}),
    ...(workerdBefore !== null && workerdAfter !== null ? { workerdCores: (workerdAfter - workerdBefore) / wall } : {}),
  };
}

/** Headers the replay must not copy: workerd frames the body itself. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** Stores a route's first answer in the same-payload baseline; returns why not when it cannot. */
async function storePayload(w: WorkerdProcess, id: string, answer: SingleResponse): Promise<string | null> {
  if (answer.headers.some(([name]) => name === 'content-encoding')) return 'a compressed answer (fetch decoded the body)';
  const res = await fetch(w.url('payload', `/${id}`), {
    method: 'PUT',
    body: JSON.stringify({
      status: answer.status,
      headers: answer.headers.filter(([name]) => !FRAMING_HEADERS.has(name)),
      body: answer.status === 304 ? null : Buffer.from(answer.body).toString('base64'),
    }),
  });
  await res.arrayBuffer();
  return res.status === 204 ? null : `the replay worker answered ${res.status}`;
}

function sizeOf(bytes: Buffer): ByteSize {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

interface Probe {
  result: Pick<RouteResult, 'available' | 'reason' | 'cacheHit' | 'bodyBytes'>;
  etag: string | null;
  /** The first answer, for the same-payload baseline. */
  answer?: SingleResponse;
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
    answer: first,
  };
}

/** The hello world, the same-payload replay, and the route itself. */
const SIDES = ['baseline', 'payload', 'subject'] as const;
type Side = (typeof SIDES)[number];

function describeRun(who: string, s: LoadSummary): string {
  const statuses = Object.entries(s.statusCounts)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  const cores =
    s.generatorCores === undefined
      ? ''
      : `, cores: generator ${s.generatorCores.toFixed(2)} workerd ${(s.workerdCores ?? Number.NaN).toFixed(2)}`;
  return `${who}: ${Math.round(s.rps)} req/s, p50 ${formatMs(s.p50)} ms, p99 ${formatMs(s.p99)} ms, errors ${s.errors}, ${statuses}${cores}${s.truncated ? ' (stopped at time limit)' : ''}`;
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
  const generator = chooseGenerator(args.generator);
  progress(`load generator: ${generator.version}${generator.note ? ` (${generator.note})` : ''}`);
  progress(
    `bench: ${settings.rounds} rounds of ${settings.seconds} s per side at ${settings.connections} connections (warm-up ${settings.warmup} s)`,
  );

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
    progress(
      `workerd ${workerdVersion()} pid ${w.pid}: app :${w.ports.app}, edge :${w.ports.edge}, baseline :${w.ports.baseline}, payload :${w.ports.payload}`,
    );
    const baselineUrl = w.url('baseline', BASELINE_PATH);

    const routes: RouteResult[] = [];
    const etags = new Map<string, string>();
    try {
      const loadStarted = performance.now();
      for (const route of BENCH_ROUTES) {
        if ((performance.now() - loadStarted) / 1_000 > args.budget) {
          routes.push({
            id: route.id,
            label: route.label,
            path: route.path,
            minRatio: route.minRatio,
            rounds: [],
            available: false,
            reason: `time budget of ${args.budget} s used up (--budget)`,
          });
          progress(`${route.label}: skipped, time budget used up`);
          continue;
        }
        try {
          const probe = await probeRoute(w, route, etags);
          if (probe.etag) etags.set(route.id, probe.etag);
          const result: RouteResult = {
            id: route.id,
            label: route.label,
            path: route.path,
            minRatio: route.minRatio,
            rounds: [],
            ...probe.result,
          };
          routes.push(result);
          if (!result.available) {
            progress(`${route.label}: not measured (${result.reason})`);
            continue;
          }
          const payloadReason = probe.answer ? await storePayload(w, route.id, probe.answer) : 'no answer';
          if (payloadReason) result.payloadReason = payloadReason;
          const sides: Record<Side, RunOptions | null> = {
            baseline: { url: baselineUrl, seconds: settings.seconds, expectStatus: 200 },
            payload: payloadReason
              ? null
              : { url: w.url('payload', `/${route.id}`), seconds: settings.seconds, expectStatus: route.expectStatus },
            subject: {
              url: w.url(route.socket, route.path),
              seconds: settings.seconds,
              expectStatus: route.expectStatus,
              ...(route.revalidates ? { headers: { 'If-None-Match': etags.get(route.revalidates)! } } : {}),
            },
          };
          const present = SIDES.filter((side) => sides[side] !== null);
          progress(`${route.label}: warm-up`);
          for (const side of present) await generator.run({ ...sides[side]!, seconds: settings.warmup });
          for (let round = 1; round <= settings.rounds; round++) {
            // Rotate which goes first so a drift in machine load hits every side alike.
            const order = present.map((_, i) => present[(i + round - 1) % present.length]!);
            const runs: Partial<Record<Side, LoadSummary>> = {};
            for (const side of order) {
              runs[side] = await measure(w, generator, sides[side]!);
              progress(`${route.label} round ${round}/${settings.rounds} ${describeRun(side, runs[side])}`);
            }
            result.rounds.push({ baseline: runs.baseline!, subject: runs.subject!, ...(runs.payload ? { payload: runs.payload } : {}) });
          }
          Object.assign(result, aggregateRounds(result.rounds, route.expectStatus));
        } catch (error) {
          // A connection refused says little; a workerd that ended says why.
          const ended = w.exitStatus();
          if (ended === null) throw error;
          throw new Error(`workerd ${ended} during ${route.label} (${String(error)}); its last output:\n${w.recentOutput().slice(-3000)}`);
        }
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
      generator: {
        name: generator.name,
        version: generator.version,
        ...(generator.note ? { note: generator.note } : {}),
        ...generatorCeiling(routes.flatMap((r) => r.rounds.map((round) => round.baseline))),
      },
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

/** The load generator's line: how busy it was, and so whether it, not workerd, set the pace. */
export function describeGenerator(g: GeneratorReport): string {
  const saturated = g.generatorCores >= SATURATED_CORES;
  return [
    `Load generator: ${g.version}.${g.note ? ` ${g.note}.` : ''}`,
    `Against the hello world (${formatInt(g.baselineRps)} req/s) it used ${g.generatorCores.toFixed(2)} cores and workerd ${g.workerdCores.toFixed(2)}` +
      ` (medians over those runs); at one whole core it would send ~${formatInt(g.ceilingRps)} req/s` +
      (saturated
        ? ` — it was SATURATED: the hello world's figure is the generator's limit, and ratios near 1 mean "as fast as the generator", not "as fast as workerd".`
        : `: the generator was not the bottleneck.`),
  ].join('\n');
}

/** A single-threaded generator this busy is at its limit (a core minus scheduling noise). */
const SATURATED_CORES = 0.85;

function printReport(r: BenchResults, widgetsBuild: string | null) {
  const out: string[] = [];
  out.push('', `peru-exports bench — ${r.finishedAt} — ${r.machine.cpus} CPUs, Node ${r.machine.node}, workerd ${r.machine.workerd}`);
  out.push(
    `${r.settings.rounds} round(s) of ${r.settings.seconds} s per side at ${r.settings.connections} connections, after ${r.settings.warmup} s of warm-up; medians over rounds`,
    "× hello = the route's req/s ÷ Hono's hello world (1 header, 11 bytes); × payload = ÷ a static worker answering the route's very status, headers and body",
    '(bench/workers/replay.ts): above 1, the app answers faster than building that Response naively; payload × hello = what the payload alone costs.',
  );
  out.push(
    r.cacheApi === 'emulated'
      ? 'Cache API: emulated by an in-memory service (bench/workers/cache.ts) behind caches.default; "cache" shows whether a repeat request was a HIT.'
      : 'Cache API: INACTIVE (--no-cache): plain workerd has no cache service, so caches.default stores nothing and every request is computed.',
  );
  out.push(describeGenerator(r.generator), '');
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
        [
          'widgets bundle (widgets/v1/peru-exports.js, minified)',
          size(r.sizes.widgetsBundle) + (widgetsBuild ? ` (npm run build:widgets failed: ${widgetsBuild})` : ''),
        ],
        [
          'typical sparkline SVG (HTTP body)',
          r.sizes.sparklineSvgBytes === null ? 'route not available' : formatBytes(r.sizes.sparklineSvgBytes),
        ],
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
