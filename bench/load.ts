/**
 * `npm run load`: a bounded soak on loopback. The worker runs in plain workerd behind the
 * emulated asset layer (the `edge` socket, as a browser reaches it); autocannon cycles every
 * connection through a mix of all routes and bad requests for a fixed time. Reports requests,
 * status counts, errors and memory: the workerd process's RSS (/proc/<pid>/status) every 5 s,
 * and each worker's live V8 heap after a full GC (through workerd's inspector) after warm-up
 * and at the end. Expectation: no 5xx, no connection errors, live heaps flat, workerd's RSS
 * under --max-rss and levelling off; the exit code is 1 when one of them fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestOnce, runLoad, type LoadSummary } from './load-generator';
import { parseArgs, progress } from './progress';
import { DEFAULT_MAX_RSS_MIB, formatInt, formatMs, formatTable, rssReport, type MemorySample } from './report';
import { BENCH_ROUTES, SOAK_MIX, type SoakRequest } from './routes';
import { buildWidgets, prepareHarness, repoRoot, startWorkerd, workerdVersion } from './workerd-harness';

const USAGE = `usage: npm run load -- [--seconds 60] [--connections 64] [--warmup 5] [--max-rss 1024] [--no-cache]
  --seconds N   length of the soak (after a warm-up of --warmup seconds)
  --max-rss N   fail when workerd's RSS goes over N MiB at any sample
                (and, from 60 s, when it still rises over the second half)
  --no-cache    run without the in-memory Cache API service (caches.default is then a no-op)`;

const args = parseArgs(
  process.argv.slice(2),
  { seconds: 60, connections: 64, warmup: 5, 'max-rss': DEFAULT_MAX_RSS_MIB, 'no-cache': false },
  USAGE,
);
const SAMPLE_EVERY_MS = 5_000;
/** The shortest soak whose second half is past workerd's rise in RSS (see bench/README.md, *Memory*). */
const PLATEAU_MIN_SECONDS = 60;

const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

async function main() {
  const widgetsBuild = await buildWidgets();
  if (widgetsBuild) progress(`widgets build failed (the widget bundle will answer 404): ${widgetsBuild}`);
  progress('building the worker bundle and the workerd config');
  const harness = await prepareHarness({ cacheApi: !args['no-cache'], baseline: false });
  // The inspector lets the soak read each worker's V8 heap after a full GC (the live heap).
  const w = await startWorkerd(harness.configPath, harness.sockets, { inspector: true });
  const rssAtStart = w.rssKiB() ?? 0;
  progress(
    `workerd ${workerdVersion()} pid ${w.pid} on :${w.ports.edge} (edge), Cache API ${harness.cacheApi ? 'emulated' : 'inactive'}, RSS ${mib(rssAtStart)}`,
  );
  try {
    // The mix, with a revalidation when the metric route gives an ETag to send back.
    const mix: SoakRequest[] = [...SOAK_MIX];
    const revalidate = BENCH_ROUTES.find((r) => r.kind === 'revalidate');
    if (revalidate) {
      const first = await requestOnce(w.url('edge', revalidate.path));
      if (first.etag)
        mix.push({ label: revalidate.label, path: revalidate.path, headers: { 'If-None-Match': first.etag }, allowed: [304] });
    }

    // Each request once, so a wrong status can be pinned on a route (the soak only counts totals).
    const probes = [];
    for (const request of mix) {
      const res = await requestOnce(w.url('edge', request.path), request.headers);
      probes.push({ request, status: res.status, ok: request.allowed.includes(res.status) });
    }

    const load = (seconds: number, onTick?: (n: number) => void) =>
      runLoad({
        url: w.url('edge', '/'),
        connections: args.connections,
        seconds,
        requests: mix.map((r) => ({ method: 'GET' as const, path: r.path, ...(r.headers ? { headers: r.headers } : {}) })),
        ...(onTick ? { onTick } : {}),
      });

    progress(`warm-up: ${args.warmup} s over ${mix.length} requests`);
    await load(args.warmup);
    const heapsBefore = await w.isolateHeaps({ collectGarbage: true });
    const rssBefore = w.rssKiB() ?? 0;
    const samples: MemorySample[] = [{ atSeconds: 0, rssKiB: rssBefore }];
    progress(`soak: ${args.seconds} s at ${args.connections} connections; workerd RSS ${mib(rssBefore)}`);

    const soakStarted = performance.now();
    const sampler = setInterval(() => {
      const rss = w.rssKiB();
      if (rss !== null) samples.push({ atSeconds: Math.round((performance.now() - soakStarted) / 1_000), rssKiB: rss });
    }, SAMPLE_EVERY_MS);
    let lastReport = 0;
    const soak: LoadSummary = await load(args.seconds, (responses) => {
      const elapsed = (performance.now() - soakStarted) / 1_000;
      if (elapsed - lastReport >= 10) {
        lastReport = elapsed;
        progress(`  ${Math.round(elapsed)} s: ${formatInt(responses)} responses, RSS ${mib(w.rssKiB() ?? 0)}`);
      }
    });
    clearInterval(sampler);
    const rssAfter = w.rssKiB() ?? 0;
    samples.push({ atSeconds: Math.round((performance.now() - soakStarted) / 1_000), rssKiB: rssAfter });
    const heapsLoaded = await w.isolateHeaps();
    const heapsAfter = await w.isolateHeaps({ collectGarbage: true });
    // After every isolate's full GC: what is left is workerd's, not the workers' JS garbage.
    const rssAfterGc = w.rssKiB() ?? 0;
    const heapRows = heapsAfter.map((after) => {
      const before = heapsBefore.find((h) => h.service === after.service);
      const loaded = heapsLoaded.find((h) => h.service === after.service);
      const growth = after.usedBytes - (before?.usedBytes ?? 0);
      const allowed = Math.max(1024 * 1024, (before?.usedBytes ?? 0) * 0.1);
      return {
        service: after.service,
        before: before?.usedBytes ?? 0,
        after: after.usedBytes,
        loaded: loaded?.totalBytes ?? 0,
        growth,
        flat: growth <= allowed,
      };
    });
    const appHeap = heapRows.find((h) => h.service === 'app');

    const fivexx = Object.entries(soak.statusCounts)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, n]) => sum + n, 0);
    const rss = rssReport(rssAtStart, samples, args['max-rss']);
    const judgePlateau = args.seconds >= PLATEAU_MIN_SECONDS;
    const wrongProbes = probes.filter((p) => !p.ok);
    const checks = [
      { name: 'no 5xx', met: fivexx === 0, actual: `${fivexx} 5xx responses` },
      { name: 'no connection errors', met: soak.errors === 0, actual: `${soak.errors} errors (${soak.timeouts} timeouts)` },
      {
        name: 'live JS heap flat (after a full GC), every worker',
        met: heapRows.every((h) => h.flat),
        actual: heapRows.map((h) => `${h.service} ${h.growth >= 0 ? '+' : ''}${(h.growth / 1024).toFixed(0)} KiB`).join(', '),
      },
      {
        name: 'app isolate heap under load < 128 MB (the Workers memory limit)',
        met: appHeap !== undefined && appHeap.loaded < 128 * 1024 * 1024,
        actual: appHeap ? `${(appHeap.loaded / 1024 / 1024).toFixed(1)} MiB` : 'no app isolate',
      },
      {
        name: `workerd RSS peak ≤ ${args['max-rss']} MiB (--max-rss)`,
        met: rss.withinBound,
        actual: `start ${mib(rss.startKiB)}, after warm-up ${mib(rss.warmKiB)}, peak ${mib(rss.peakKiB)}, end ${mib(rss.endKiB)}; after a full GC of every isolate ${mib(rssAfterGc)}`,
      },
      {
        // workerd's allocator keeps what the load needed at its busiest (bench/README.md,
        // *Memory*): RSS rises for the first 20–40 s and then levels; a leak keeps rising. A
        // shorter soak ends inside the rise, so it shows the figures without judging them.
        name: `workerd RSS levels off: second half grows ≤ max(16 MiB, 10 %)${judgePlateau ? '' : ` (not judged under ${PLATEAU_MIN_SECONDS} s)`}`,
        met: judgePlateau ? rss.plateau.flat : true,
        actual:
          `${mib(rss.plateau.middle)} at half time → ${mib(rss.endKiB)} at the end: ` +
          `${rss.plateau.growthKiB >= 0 ? '+' : ''}${mib(rss.plateau.growthKiB)} (allowed +${mib(rss.plateau.allowedKiB)})`,
      },
      {
        name: 'every request answers an allowed status',
        met: wrongProbes.length === 0,
        actual: wrongProbes.length === 0 ? 'all' : wrongProbes.map((p) => `${p.request.label} → ${p.status}`).join('; '),
      },
    ];

    const out: string[] = [];
    out.push(
      '',
      `peru-exports load — ${new Date().toISOString()} — workerd ${workerdVersion()}, Cache API ${harness.cacheApi ? 'emulated (bench/workers/cache.ts)' : 'INACTIVE'}`,
    );
    out.push(
      `${args.seconds} s at ${args.connections} connections through the emulated asset layer, each connection cycling through ${mix.length} requests`,
      '',
    );
    out.push(
      formatTable(
        ['request', 'status', 'allowed', 'path'],
        probes.map((p) => [
          p.request.label,
          `${p.status}${p.ok ? '' : '  ← not allowed'}`,
          p.request.allowed.join('/'),
          p.request.path.length > 70 ? `${p.request.path.slice(0, 67)}...` : p.request.path,
        ]),
      ),
      '',
    );
    out.push(
      `requests ${formatInt(soak.requests)} in ${soak.seconds.toFixed(1)} s = ${formatInt(soak.rps)} req/s; ` +
        `latency p50 ${formatMs(soak.p50)} ms, p99 ${formatMs(soak.p99)} ms, max ${formatMs(soak.max)} ms`,
    );
    out.push(
      `status counts: ${Object.entries(soak.statusCounts)
        .map(([s, n]) => `${s}: ${formatInt(n)}`)
        .join(', ')}`,
    );
    out.push(`connection errors: ${soak.errors} (timeouts ${soak.timeouts})`);
    out.push(`workerd RSS (KiB) by second: ${samples.map((s) => `${s.atSeconds}s ${s.rssKiB}`).join(', ')}`, '');
    out.push(
      formatTable(
        ['worker', 'live heap after warm-up', 'live heap at the end', 'growth', 'heap size under load'],
        heapRows.map((h) => [
          h.service,
          mib(h.before / 1024),
          mib(h.after / 1024),
          `${h.growth >= 0 ? '+' : ''}${(h.growth / 1024).toFixed(0)} KiB`,
          mib(h.loaded / 1024),
        ]),
      ),
      '',
    );
    const mark = (c: (typeof checks)[number]) => (c.met ? 'MET ' : 'MISS');
    out.push(
      formatTable(
        ['', 'expectation', 'measured'],
        checks.map((c) => [mark(c), c.name, c.actual]),
      ),
    );
    console.log(out.join('\n'));

    const outDir = join(repoRoot, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(
      join(outDir, 'load.json'),
      `${JSON.stringify({ at: new Date().toISOString(), settings: args, cacheApi: harness.cacheApi, probes, soak, samples, rss: { ...rss, afterGcKiB: rssAfterGc }, heaps: heapRows, checks }, null, 2)}\n`,
    );
    progress('wrote bench/results/load.json');
    if (checks.some((c) => !c.met)) process.exitCode = 1;
  } finally {
    await w.stop();
    harness.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
