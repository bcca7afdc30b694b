/**
 * `npm run bench:png`: what the PNG routes cost, and what they would cost the main worker.
 *
 * 1. Start-up to the first JSON answer (`GET /v1/metrics/total`, from spawning workerd), the
 *    median of `--startups` fresh processes, for: `before` (main's bundle, from `git archive
 *    main`), `after` (this tree's main worker; its PNG binding pointed at a stub, since in
 *    production the PNG worker is another isolate that starts only when a PNG is asked for),
 *    `in-app` (this tree's main worker with resvg's wasm and the font loaded into it:
 *    worker-png/in-app/index.ts), and `both` (main and PNG worker in one workerd process,
 *    as `npm start` runs them), plus the first PNG answer of a cold `both`.
 * 2. PNG renders in this Node process (the PNG worker's rasteriser, same wasm and fonts): ms
 *    per card, chart, social preview.
 * 3. Requests per second through wrk (`--seconds`, `--connections`), `both`: JSON and SVG next to
 *    PNG, cached (one URL, the isolate's memo answers) and uncached (wrk varies `color` on every
 *    request, so each is drawn, rasterised and stored); JSON also on `before`.
 * 4. Sizes: PNG bytes per route and scale; the bundles, gzip -9, against Cloudflare's limits.
 *
 * `--startup-only` stops after 1 (more `--startups` for a steadier median on a busy machine);
 * `--minimal` too, in a process without the hello-world and same-payload workers.
 * Report on stdout, figures in bench/results/png.json. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { renderCard } from '../worker/render/card';
import { formatUsd } from '../worker/render/format';
import { cardData, imagePoints } from '../worker/views/images';
import { checkSocialRequest } from '../worker/checks/social';
import { renderChart } from '../worker/render/chart';
import { chartData } from '../worker/views/chart';
import { socialSvg } from '../worker/views/social';
import { nodeRasteriser } from './png-rasteriser';
import { progress } from './progress';
import { median } from './report';
import { timeCalls } from './renderers';
import { benchTopology, bindingsFromWrangler, renderCapnpConfig, type Binding } from './workerd-config';
import {
  buildWorkerBundle,
  bundleHelperWorkers,
  listFiles,
  PNG_WORKER,
  readWranglerConfig,
  repoRoot,
  runCommand,
  startWorkerd,
  type WorkerBundle,
} from './workerd-harness';
import { runWrk, wrkVersion } from './wrk';

const { values: args } = parseArgs({
  options: {
    startups: { type: 'string', default: '5' },
    // The tree `before` is built from: a branch, tag or commit (the PNG routes' first landing on main
    // makes main itself an `after`: name the commit before it then).
    before: { type: 'string', default: 'main' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    'startup-only': { type: 'boolean', default: false },
    /** Start-up only, in a smaller process (no hello-world and same-payload workers): the app's own share is larger. */
    minimal: { type: 'boolean', default: false },
  },
});
const STARTUPS = Number(args.startups);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);

const JSON_PATH = '/v1/metrics/total';
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const LIMITS = { free: 3 * 1024 * 1024, paid: 10 * 1024 * 1024 };

type Variant = 'before' | 'after' | 'in-app' | 'both';

/** A wrangler config for the in-app variant: this tree's, with another entry point and the font rule. */
function inAppConfig(dir: string): string {
  const toml = readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8')
    .replace(/^main = .*$/m, `main = ${JSON.stringify(join(repoRoot, 'worker-png/in-app/index.ts'))}`)
    .replace('"./worker/build/zod/index.ts"', JSON.stringify(join(repoRoot, 'worker/build/zod/index.ts')))
    .replace('"./widgets/dist/cdn"', JSON.stringify(join(repoRoot, 'widgets/dist/cdn')));
  const path = join(dir, 'wrangler-in-app.toml');
  writeFileSync(path, `${toml}\n[[rules]]\ntype = "Data"\nglobs = ["**/*.ttf"]\nfallthrough = false\n`);
  return path;
}

/** main's tree (git archive), with this tree's node_modules, built as a deploy would. */
async function beforeBundle(dir: string): Promise<WorkerBundle> {
  const tree = join(dir, 'main-tree');
  mkdirSync(tree);
  execFileSync('sh', [
    '-c',
    `git -C ${JSON.stringify(repoRoot)} archive ${JSON.stringify(args.before)} | tar -x -C ${JSON.stringify(tree)}`,
  ]);
  symlinkSync(join(repoRoot, 'node_modules'), join(tree, 'node_modules'));
  mkdirSync(join(tree, 'widgets/dist/cdn'), { recursive: true });
  const out = join(dir, 'before');
  mkdirSync(out);
  await runCommand(
    join(repoRoot, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', out, '-c', join(tree, 'wrangler.toml')],
    {
      WRANGLER_SEND_METRICS: 'false',
    },
  );
  return buildWorkerBundleFrom(out);
}

function buildWorkerBundleFrom(outdir: string): WorkerBundle {
  // The dry run wrote it already: read it as buildWorkerBundle does.
  const index = join(outdir, 'index.js');
  if (!existsSync(index)) throw new Error(`no index.js in ${outdir}`);
  const files = readdirNames(outdir);
  const modules = files.map((name) => ({ name, type: moduleType(name), file: name, path: join(outdir, name) }));
  return { modules, bytes: Buffer.concat(modules.map((m) => readFileSync(m.path))) };
}

function readdirNames(dir: string): string[] {
  const names = execFileSync('ls', ['-1', dir], { encoding: 'utf8' })
    .split('\n')
    .filter((n) => /\.(m?js|wasm|ttf)$/.test(n));
  return names.sort((a, b) => (a === 'index.js' ? -1 : b === 'index.js' ? 1 : a.localeCompare(b)));
}

function moduleType(name: string) {
  return name.endsWith('.wasm') ? ('wasm' as const) : name.endsWith('.ttf') ? ('data' as const) : ('esModule' as const);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'peru-bench-png-'));
  try {
    const wrangler = await readWranglerConfig();
    progress('building: main (git archive), this tree, the in-app variant, the PNG worker, the helpers');
    const build = (name: string, config?: string) => {
      const out = join(dir, name);
      mkdirSync(out);
      return buildWorkerBundle(out, config ? { config } : {});
    };
    const [before, after, inApp, png, helpers] = await Promise.all([
      beforeBundle(dir),
      build('after'),
      build('in-app', inAppConfig(dir)),
      build(PNG_WORKER.service, PNG_WORKER.config),
      bundleHelperWorkers(join(dir, 'helpers')),
    ]);
    const assetsDirectory = resolve(repoRoot, wrangler.assets?.directory ?? 'widgets/dist/cdn');
    mkdirSync(assetsDirectory, { recursive: true });
    const assetPaths = listFiles(assetsDirectory).map((file) => `/${relative(assetsDirectory, file).split(sep).join('/')}`);
    const modulesOf = (bundle: WorkerBundle, folder: string) =>
      bundle.modules.map(({ name, type }) => ({ name, type, file: `${folder}/${name}` }));
    const pngStub: Binding = { name: 'PNG', kind: 'service', service: args.minimal ? 'assets' : 'baseline' };
    const baseBindings = bindingsFromWrangler({ ...(wrangler as unknown as Record<string, unknown>), services: [] }, 'assets');

    const configs: Record<Variant, string> = {} as Record<Variant, string>;
    const variants: [Variant, WorkerBundle, string, boolean][] = [
      ['before', before, 'before', false],
      ['after', after, 'after', false],
      ['in-app', inApp, 'in-app', false],
      ['both', after, 'after', true],
    ];
    for (const [variant, bundle, folder, withPng] of variants) {
      const topology = benchTopology({
        appModules: modulesOf(bundle, folder),
        compatibilityDate: wrangler.compatibility_date ?? '2026-11-01',
        compatibilityFlags: wrangler.compatibility_flags ?? [],
        appBindings: [...baseBindings, withPng ? { name: 'PNG', kind: 'service', service: PNG_WORKER.service } : pngStub],
        workers: withPng ? [{ name: PNG_WORKER.service, modules: modulesOf(png, PNG_WORKER.service) }] : [],
        helpers,
        assetsDirectory,
        assetPaths,
        cacheApi: true,
        baseline: !args.minimal,
      });
      configs[variant] = join(dir, `${variant}.capnp`);
      writeFileSync(configs[variant], renderCapnpConfig(topology));
    }
    const sockets = args.minimal ? (['app', 'edge'] as const) : (['app', 'edge', 'baseline', 'payload'] as const);

    // 1. Start-up, the variants interleaved so that the machine's drift touches each alike.
    const startup: Record<Variant, number[]> = { before: [], after: [], 'in-app': [], both: [] };
    // workerd's CPU time (user + system) up to the first answer: less moved by a busy machine than wall time.
    const startupCpu: Record<Variant, number[]> = { before: [], after: [], 'in-app': [], both: [] };
    const firstPng: number[] = [];
    for (let i = 0; i < STARTUPS; i++) {
      for (const variant of Object.keys(configs) as Variant[]) {
        progress(`start-up ${i + 1}/${STARTUPS}: ${variant}`);
        const w = await startWorkerd(configs[variant], [...sockets]);
        try {
          const res = await fetch(w.url('app', JSON_PATH));
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${variant}: ${JSON_PATH} answered ${res.status}`);
          startup[variant].push(performance.now() - w.startedAt);
          startupCpu[variant].push((w.cpuSeconds() ?? Number.NaN) * 1_000);
          if (variant === 'both') {
            const pngRes = await fetch(w.url('app', '/v1/metrics/total/card.png'));
            await pngRes.arrayBuffer();
            if (pngRes.headers.get('Content-Type') !== 'image/png' || pngRes.headers.has('X-Error'))
              throw new Error('both: card.png is not a PNG');
            firstPng.push(performance.now() - w.startedAt);
          }
        } finally {
          await w.stop();
        }
      }
    }
    const startupMs = Object.fromEntries(Object.entries(startup).map(([k, v]) => [k, median(v)])) as Record<Variant, number>;
    const startupCpuMs = Object.fromEntries(Object.entries(startupCpu).map(([k, v]) => [k, median(v)])) as Record<Variant, number>;
    if (args['startup-only'] || args.minimal) {
      console.log(JSON.stringify({ startupMs, startupCpuMs, startup, startupCpu, firstPngMs: median(firstPng) }, null, 2));
      return;
    }

    // 2. Renders in Node.
    progress('PNG renders in Node');
    const rasterise = await nodeRasteriser();
    // The social preview's own card and chart: the card.svg and chart.svg of the same selection.
    const selection = checkSocialRequest('total');
    const card = renderCard(cardData(selection.found, imagePoints(selection.card!, 'es'), 'es'), { lang: 'es', formatValue: formatUsd });
    const chart = renderChart(chartData(selection.chart!, 'es'), { width: 560, height: 400, lang: 'es', formatValue: formatUsd });
    const social = socialSvg(selection, 'es', false);
    const renders = Object.fromEntries(
      Object.entries({
        'card (360 px, scale 1)': [card, 1],
        'card (scale 2)': [card, 2],
        'chart (560 × 400)': [chart, 1],
        'social (1200 × 630)': [social, 1],
      } as const).map(([name, [svg, scale]]) => [
        name,
        timeCalls(() => rasterise(svg, scale).length, { minIterations: 30, minMs: 1_500, warmup: 5 }).microsPerCall / 1_000,
      ]),
    );

    // 3. Throughput and 4. PNG bytes, on `both`.
    const luaPath = join(dir, 'uncached.lua');
    writeFileSync(
      luaPath,
      `math.randomseed(os.time())\nrequest = function()\n  return wrk.format(nil, wrk.path .. "&color=" .. string.format("%06x", math.random(0, 16777215)))\nend\n`,
    );
    const loads: Record<string, { path: string; uncached: boolean; variant: Variant }> = {
      'card.svg cached': { path: '/v1/metrics/total/card.svg?lang=en', uncached: false, variant: 'both' },
      'card.png cached': { path: '/v1/metrics/total/card.png?lang=en', uncached: false, variant: 'both' },
      'card.png scale=2 cached': { path: '/v1/metrics/total/card.png?lang=en&scale=2', uncached: false, variant: 'both' },
      'social.png cached': { path: '/v1/metrics/total/social.png?lang=en', uncached: false, variant: 'both' },
      'card.svg uncached': { path: '/v1/metrics/total/card.svg?lang=en', uncached: true, variant: 'both' },
      'card.png uncached': { path: '/v1/metrics/total/card.png?lang=en', uncached: true, variant: 'both' },
      'sparkline.png uncached': { path: '/v1/metrics/total/sparkline.png?lang=en&width=240&height=48', uncached: true, variant: 'both' },
    };
    const throughput: Record<string, { rps: number; p50: number; p99: number; errors: number }> = {};
    const pngBytes: Record<string, number> = {};
    const haveWrk = wrkVersion() !== null;
    // JSON before and after, both processes up, rounds alternated: the machine's drift touches each alike.
    const jsonRps: Record<'before' | 'both', number[]> = { before: [], both: [] };
    if (haveWrk) {
      const procs = { before: await startWorkerd(configs.before, [...sockets]), both: await startWorkerd(configs.both, [...sockets]) };
      try {
        for (let round = 0; round < 3; round++) {
          for (const variant of round % 2 === 0 ? (['before', 'both'] as const) : (['both', 'before'] as const)) {
            progress(`wrk: JSON metric, ${variant}, round ${round + 1}/3`);
            await (await fetch(procs[variant].url('app', JSON_PATH))).arrayBuffer();
            const run = await runWrk({
              url: procs[variant].url('app', JSON_PATH),
              connections: CONNECTIONS,
              seconds: SECONDS,
              expectStatus: 200,
            });
            jsonRps[variant].push(run.rps);
          }
        }
      } finally {
        await procs.before.stop();
        await procs.both.stop();
      }
      throughput['JSON metric, before (median of 3)'] = { rps: median(jsonRps.before), p50: Number.NaN, p99: Number.NaN, errors: 0 };
      throughput['JSON metric, after (median of 3)'] = { rps: median(jsonRps.both), p50: Number.NaN, p99: Number.NaN, errors: 0 };
    }
    for (const variant of ['both'] as const) {
      const w = await startWorkerd(configs[variant], [...sockets]);
      try {
        if (variant === 'both') {
          for (const path of [
            '/v1/metrics/total/card.png',
            '/v1/metrics/total/card.png?scale=2',
            '/v1/metrics/total/card.png?scale=3',
            '/v1/metrics/total/sparkline.png',
            '/v1/metrics/total/sparkline.png?scale=2',
            '/v1/metrics/total/social.png',
            '/v1/social.png',
            '/v1/metrics/nope/card.png',
          ]) {
            pngBytes[path] = (await (await fetch(w.url('app', path))).arrayBuffer()).byteLength;
          }
        }
        for (const [name, load] of Object.entries(loads)) {
          if (load.variant !== variant || !haveWrk) continue;
          progress(`wrk: ${name}`);
          await (await fetch(w.url('app', load.path))).arrayBuffer(); // the cached runs start warm
          const run = await runWrk({
            url: w.url('app', load.path),
            connections: CONNECTIONS,
            seconds: SECONDS,
            expectStatus: 200,
            ...(load.uncached ? { script: luaPath } : {}),
          });
          throughput[name] = { rps: run.rps, p50: run.p50, p99: run.p99, errors: run.errors };
        }
      } finally {
        await w.stop();
      }
    }

    const sizes = {
      mainBefore: gz(before.bytes),
      mainAfter: gz(after.bytes),
      mainInApp: gz(inApp.bytes),
      png: gz(png.bytes),
      pngModules: Object.fromEntries(
        png.modules.map((m) => [
          m.name.replace(/^[0-9a-f]{40}-/, ''),
          { raw: readFileSync(m.path).length, gzip: gz(readFileSync(m.path)) },
        ]),
      ),
    };
    const result = {
      date: new Date().toISOString(),
      startups: STARTUPS,
      startupMs,
      startupCpuMs,
      startupSamples: startup,
      firstPngMs: median(firstPng),
      renders,
      throughput,
      pngBytes,
      sizes,
      wrk: haveWrk,
      connections: CONNECTIONS,
      seconds: SECONDS,
    };
    mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
    writeFileSync(join(repoRoot, 'bench/results/png.json'), `${JSON.stringify(result, null, 2)}\n`);

    const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)} %`;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    const lines = [
      `start-up to the first JSON answer (median of ${STARTUPS} fresh workerd processes, ms from spawn):`,
      `  before (main)                 ${startupMs.before.toFixed(1)}`,
      `  after (main worker, PNG apart) ${startupMs.after.toFixed(1)}  ${pct(startupMs.after, startupMs.before)}`,
      `  resvg in the main worker      ${startupMs['in-app'].toFixed(1)}  ${pct(startupMs['in-app'], startupMs.before)}`,
      `  both workers in one process   ${startupMs.both.toFixed(1)}  ${pct(startupMs.both, startupMs.before)}; first card.png ${median(firstPng).toFixed(1)}`,
      `workerd CPU time up to the first JSON answer (median, ms): before ${startupCpuMs.before.toFixed(0)}, after ${startupCpuMs.after.toFixed(0)} (${pct(startupCpuMs.after, startupCpuMs.before)}), ` +
        `resvg in the main worker ${startupCpuMs['in-app'].toFixed(0)} (${pct(startupCpuMs['in-app'], startupCpuMs.before)}), both ${startupCpuMs.both.toFixed(0)} (${pct(startupCpuMs.both, startupCpuMs.before)})`,
      'PNG renders in Node (resvg-wasm, ms per render):',
      ...Object.entries(renders).map(([name, ms]) => `  ${name.padEnd(28)} ${ms.toFixed(2)}`),
      haveWrk ? `requests per second (wrk, ${CONNECTIONS} connections, ${SECONDS} s):` : 'requests per second: wrk not installed, skipped',
      ...Object.entries(throughput).map(
        ([name, t]) =>
          `  ${name.padEnd(28)} ${Math.round(t.rps)} req/s, p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms, errors ${t.errors}`,
      ),
      'PNG bytes:',
      ...Object.entries(pngBytes).map(([path, n]) => `  ${path.padEnd(44)} ${n}`),
      'bundles, gzip -9 of every module:',
      `  main worker: before ${kb(sizes.mainBefore)}, after ${kb(sizes.mainAfter)} (test limit: test/scripts/worker-bundle.test.ts); with resvg in it ${kb(sizes.mainInApp)}`,
      `  PNG worker: ${kb(sizes.png)} = ${((sizes.png / LIMITS.free) * 100).toFixed(0)} % of the free plan's 3 MB, ${((sizes.png / LIMITS.paid) * 100).toFixed(0)} % of the paid 10 MB`,
      ...Object.entries(sizes.pngModules).map(([name, s]) => `    ${name.padEnd(36)} ${kb(s.raw)} raw, ${kb(s.gzip)} gzip`),
    ];
    console.log(lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
