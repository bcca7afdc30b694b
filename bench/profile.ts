/**
 * `npm run bench:profile -- metric-json`: where a route's time goes inside the app's
 * isolate. Runs the bench's workerd (unminified bundle, so functions keep their names) with
 * the inspector, loads one route of bench/routes.ts with autocannon while V8's sampling CPU
 * profiler runs in the `app` worker, and prints the functions with the most self time and the
 * most inclusive time. The raw profile goes to bench/results/<route>.cpuprofile (open it in
 * Chrome DevTools → Performance). Time the isolate spends waiting (the Cache API's isolate,
 * sockets) is "(idle)"; the C++ work of Headers/Response objects shows inside the JS callers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestOnce, runLoad } from './load-generator';
import { parseArgs, progress } from './progress';
import { BASELINE_PATH, BENCH_ROUTES, type BenchRoute } from './routes';
import { prepareHarness, repoRoot, startWorkerd, type CpuProfile } from './workerd-harness';

const USAGE = `usage: npm run bench:profile -- [route] [--requests 20000] [--connections 64] [--top 25] [--minify]
  route: one of ${BENCH_ROUTES.map((r) => r.id).join(', ')} (default metric-json), or baseline (the Hono hello world)`;

const argv = process.argv.slice(2);
const routeId = argv[0] && !argv[0].startsWith('--') ? argv.shift()! : 'metric-json';
const args = parseArgs(argv, { requests: 20_000, connections: 64, top: 25, minify: false }, USAGE);

interface Row {
  key: string;
  self: number;
  total: number;
}

/** Self and inclusive time per function (name + place), in microseconds. */
export function summarizeProfile(profile: CpuProfile): { rows: Row[]; totalUs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.replace(/^.*\//, '');
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  const rows = new Map<string, Row>();
  const row = (key: string) => rows.get(key) ?? rows.set(key, { key, self: 0, total: 0 }).get(key)!;
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    totalUs += dt;
    row(keyOf(id)).self += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(at);
      if (seen.has(key)) continue;
      seen.add(key);
      row(key).total += dt;
    }
  });
  return { rows: [...rows.values()], totalUs };
}

async function main() {
  const route: BenchRoute | undefined =
    routeId === 'baseline'
      ? {
          id: 'baseline',
          label: 'Hono hello world',
          path: BASELINE_PATH,
          kind: 'text',
          socket: 'baseline',
          expectStatus: 200,
          minRatio: null,
        }
      : BENCH_ROUTES.find((r) => r.id === routeId);
  if (!route) throw new Error(`unknown route ${routeId}\n${USAGE}`);
  const service = route.socket === 'baseline' ? 'baseline' : 'app';
  progress(`building (minify: ${args.minify})`);
  const harness = await prepareHarness({ baseline: true, minify: args.minify });
  const w = await startWorkerd(harness.configPath, harness.sockets, { inspector: true });
  try {
    const headers: Record<string, string> = {};
    if (route.revalidates) {
      const source = BENCH_ROUTES.find((r) => r.id === route.revalidates)!;
      const first = await requestOnce(w.url(source.socket, source.path));
      if (first.etag) headers['If-None-Match'] = first.etag;
    }
    const url = w.url(route.socket, route.path);
    const probe = await requestOnce(url, headers);
    progress(`${route.path}: ${probe.status}, ${probe.bytes} B; warming up`);
    await runLoad({ url, connections: args.connections, amount: 2_000, headers });
    let rps = 0;
    const profile = await w.cpuProfile(service, async () => {
      const summary = await runLoad({ url, connections: args.connections, amount: args.requests, headers });
      rps = summary.rps;
    });
    const { rows, totalUs } = summarizeProfile(profile);
    mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
    const file = join(repoRoot, 'bench/results', `${route.id}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const busyUs = totalUs - (rows.find((r) => r.key === '(idle)')?.self ?? 0);
    const perRequest = (us: number) => (us / args.requests).toFixed(1).padStart(7);
    const pct = (us: number) => `${((100 * us) / busyUs).toFixed(1).padStart(5)} %`;
    console.log(`\n${route.label} ${route.path}: ${args.requests} requests at ${args.connections} connections, ${Math.round(rps)} req/s`);
    console.log(
      `${service} isolate busy ${(busyUs / 1000).toFixed(0)} ms of ${(totalUs / 1000).toFixed(0)} ms = ${(busyUs / args.requests).toFixed(1)} µs per request (under the profiler)`,
    );
    for (const [title, field] of [
      ['self', 'self'],
      ['inclusive', 'total'],
    ] as const) {
      console.log(`\n  µs/req  % busy  ${title}`);
      for (const r of rows
        .filter((r) => r.key !== '(idle)' && r.key !== '(root)')
        .sort((a, b) => b[field] - a[field])
        .slice(0, args.top)) {
        console.log(`${perRequest(r[field])}  ${pct(r[field])}  ${r.key}`);
      }
    }
    console.log(`\nprofile: ${file}`);
  } finally {
    await w.stop();
    harness.cleanup();
  }
}

if (process.argv[1]?.endsWith('profile.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
