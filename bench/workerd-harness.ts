/**
 * The workerd harness shared by `npm run bench` and `npm run load`: builds the worker bundle
 * the way `wrangler deploy` would, writes a capnp config (bench/workerd-config.ts) into a temp
 * folder and runs it in a plain `workerd serve` on loopback, with ports picked by the kernel
 * and reported on workerd's control fd.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  benchTopology,
  bindingsFromWrangler,
  moduleTypeFor,
  renderCapnpConfig,
  SOCKETS,
  type SocketName,
  type WorkerModule,
} from './workerd-config';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');

/** The workerd binary from the `workerd` package (the same one wrangler and Miniflare run). */
export function workerdBinary(): string {
  return (createRequire(import.meta.url)('workerd') as { default: string }).default;
}

export function workerdVersion(): string {
  return (createRequire(import.meta.url)('workerd') as { version: string }).version;
}

/** Runs a command from the repo root; on failure throws with the end of its output. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/** `npm run build:widgets`; returns null when it worked, else the start of its error. */
export async function buildWidgets(): Promise<string | null> {
  try {
    await runCommand('npm', ['run', 'build:widgets']);
    return null;
  } catch (error) {
    // The end of the output says why (e.g. the size budget); npm's own lines say nothing.
    const lines = String(error)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('npm error') && !l.startsWith('>'));
    return lines.slice(-2).join(' ');
  }
}

/** Where `npm run build:widgets` writes the CDN bundle (served as /widgets/v1/peru-exports.js). */
export const widgetsBundleFile = join(repoRoot, 'widgets/dist/cdn/widgets/v1/peru-exports.js');

const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);

export interface WorkerBundle {
  /** Modules in load order, entry first, with absolute file paths. */
  modules: (WorkerModule & { path: string })[];
  /** Bytes of all modules together (what the upload holds, minus the source map). */
  bytes: Buffer;
}

/** `wrangler deploy --dry-run --outdir`: the exact bundle a deploy would upload. */
export async function buildWorkerBundle(
  outdir: string,
  { minify = true, config }: { minify?: boolean; config?: string } = {},
): Promise<WorkerBundle> {
  const args = ['deploy', '--dry-run', '--outdir', outdir, ...(minify ? [] : ['--no-minify']), ...(config ? ['-c', config] : [])];
  await runCommand(bin('wrangler'), args, { WRANGLER_SEND_METRICS: 'false' });
  const files = readdirSync(outdir).filter((f) => statSync(join(outdir, f)).isFile() && moduleTypeFor(f) !== null);
  // wrangler names the entry point index.js; it must come first in the capnp module list.
  files.sort((a, b) => (a === 'index.js' ? -1 : b === 'index.js' ? 1 : a.localeCompare(b)));
  if (files[0] !== 'index.js') throw new Error(`wrangler wrote no index.js into ${outdir} (found: ${files.join(', ')})`);
  const modules = files.map((name) => ({ name, type: moduleTypeFor(name)!, file: name, path: join(outdir, name) }));
  return { modules, bytes: Buffer.concat(modules.map((m) => readFileSync(m.path))) };
}

/** The PNG worker's config (worker-png/): its bundle is the service `png`, bound to the app as `PNG`. */
export const PNG_WORKER = { config: join(repoRoot, 'worker-png/wrangler.toml'), name: 'peru-exports-png', service: 'png' } as const;

/** The project's wrangler config as wrangler itself reads it. */
export async function readWranglerConfig() {
  const { unstable_readConfig } = await import('wrangler');
  return unstable_readConfig({ config: join(repoRoot, 'wrangler.toml') });
}

/** bench/workers/*.ts → single-file ES modules for workerd. */
export async function bundleHelperWorkers(
  outdir: string,
): Promise<{ assets: string; baseline: string; cache: string; kv: string; replay: string }> {
  const names = ['assets', 'baseline', 'cache', 'kv', 'replay'] as const;
  await build({
    entryPoints: names.map((n) => join(repoRoot, 'bench', 'workers', `${n}.ts`)),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return Object.fromEntries(names.map((n) => [n, `helpers/${n}.js`])) as Record<(typeof names)[number], string>;
}

/** Every file below dir, recursively (dotfiles skipped, as the disk service hides them). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

export interface HarnessOptions {
  /** Run the in-memory Cache API service behind caches.default (default true). */
  cacheApi?: boolean;
  /** Add the Hono hello-world baseline (default true). */
  baseline?: boolean;
  /** Minify the worker bundle as wrangler.toml says (default true); false keeps names for a CPU profile. */
  minify?: boolean;
}

export interface PreparedHarness {
  dir: string;
  configPath: string;
  bundle: WorkerBundle;
  /** The PNG worker's bundle (service `png`). */
  pngBundle: WorkerBundle;
  cacheApi: boolean;
  sockets: SocketName[];
  /** Removes the temp folder. */
  cleanup(): void;
}

/** Builds everything and writes config.capnp; start it (any number of times) with startWorkerd. */
export async function prepareHarness(options: HarnessOptions = {}): Promise<PreparedHarness> {
  const cacheApi = options.cacheApi ?? true;
  const baseline = options.baseline ?? true;
  const dir = mkdtempSync(join(tmpdir(), 'peru-bench-'));
  try {
    const wrangler = await readWranglerConfig();
    const appDir = join(dir, 'app');
    mkdirSync(appDir);
    const pngDir = join(dir, PNG_WORKER.service);
    mkdirSync(pngDir);
    const [bundle, helpers, png] = await Promise.all([
      buildWorkerBundle(appDir, { minify: options.minify ?? true }),
      bundleHelperWorkers(join(dir, 'helpers')),
      buildWorkerBundle(pngDir, { config: PNG_WORKER.config }),
    ]);
    const assetsDirectory = resolve(repoRoot, wrangler.assets?.directory ?? 'widgets/dist/cdn');
    mkdirSync(assetsDirectory, { recursive: true }); // a disk service needs the folder to exist
    const config = benchTopology({
      appModules: bundle.modules.map(({ name, type }) => ({ name, type, file: `app/${name}` })),
      compatibilityDate: wrangler.compatibility_date ?? '2026-11-01',
      compatibilityFlags: wrangler.compatibility_flags ?? [],
      appBindings: bindingsFromWrangler(wrangler as unknown as Record<string, unknown>, 'assets', {
        [PNG_WORKER.name]: PNG_WORKER.service,
      }),
      workers: [
        { name: PNG_WORKER.service, modules: png.modules.map(({ name, type }) => ({ name, type, file: `${PNG_WORKER.service}/${name}` })) },
      ],
      helpers,
      assetsDirectory,
      assetPaths: listFiles(assetsDirectory).map((file) => `/${relative(assetsDirectory, file).split(sep).join('/')}`),
      cacheApi,
      baseline,
    });
    const configPath = join(dir, 'config.capnp');
    writeFileSync(configPath, renderCapnpConfig(config));
    return {
      dir,
      configPath,
      bundle,
      pngBundle: png,
      cacheApi,
      sockets: config.sockets.map((s) => s.name as SocketName),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** `VmRSS:   123456 kB` from /proc/<pid>/status, in KiB; null when the line is missing. */
export function parseVmRssKiB(statusText: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText);
  return match?.[1] ? Number(match[1]) : null;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux). */
const CLOCK_TICKS = 100;

/** utime + stime (fields 14 and 15) of /proc/<pid>/stat, in seconds; null when unreadable. */
export function parseProcStatCpuSeconds(statText: string): number | null {
  // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) ? (user + system) / CLOCK_TICKS : null;
}

export interface IsolateHeap {
  /** The workerd service (worker) name. */
  service: string;
  usedBytes: number;
  totalBytes: number;
}

/** The parts of a Chrome DevTools `Profiler.Profile` that bench/profile.ts reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

interface InspectorTarget {
  id: string;
  webSocketDebuggerUrl: string;
}

/** A Chrome DevTools Protocol session over the inspector's WebSocket (one worker each). */
async function inspectorSession(url: string) {
  const ws = new WebSocket(url);
  await new Promise<void>((resolveOpen, reject) => {
    ws.addEventListener('open', () => resolveOpen(), { once: true });
    ws.addEventListener('error', () => reject(new Error(`inspector ${url} refused the connection`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    call(method: string, params: object = {}): Promise<unknown> {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolveCall, reject) => pending.set(id, { resolve: resolveCall, reject }));
    },
    close: () => ws.close(),
  };
}

export interface WorkerdProcess {
  pid: number;
  ports: Record<SocketName, number>;
  /** performance.now() when the process was spawned. */
  startedAt: number;
  /** Milliseconds from spawn until every socket listened. */
  listenMs: number;
  url(socket: SocketName, path: string): string;
  /** Resident memory of the workerd process (KiB), from /proc/<pid>/status. */
  rssKiB(): number | null;
  /** CPU time the workerd process has used so far (seconds, user + system), from /proc/<pid>/stat. */
  cpuSeconds(): number | null;
  /** Recent stdout/stderr of workerd (console.log of the workers, warnings). */
  recentOutput(): string;
  /** How the process ended ("exited with code 1", "was killed by SIGKILL"), or null while it runs. */
  exitStatus(): string | null;
  /**
   * Each worker's V8 heap through workerd's inspector (only when started with `inspector`);
   * after a full garbage collection when asked (a heap snapshot, which blocks that worker for
   * a moment), which leaves the live heap: what a leak grows.
   */
  isolateHeaps(options?: { collectGarbage?: boolean }): Promise<IsolateHeap[]>;
  /**
   * A V8 CPU profile (Chrome DevTools `Profiler.Profile`) of one worker (by service name) while
   * `during` runs; only when started with `inspector`.
   */
  cpuProfile(service: string, during: () => Promise<unknown>, samplingIntervalUs?: number): Promise<CpuProfile>;
  stop(): Promise<void>;
}

/** Starts `workerd serve` and resolves once every expected socket listens. */
export async function startWorkerd(
  configPath: string,
  sockets: SocketName[],
  { timeoutMs = 30_000, inspector = false }: { timeoutMs?: number; inspector?: boolean } = {},
): Promise<WorkerdProcess> {
  const started = performance.now();
  const args = ['serve', configPath, '--control-fd=3', ...(inspector ? ['--inspector-addr=127.0.0.1:0'] : [])];
  const child: ChildProcess = spawn(workerdBinary(), args, {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exit: string | null = null;
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code, signal) => {
      exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      r(code);
    }),
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('workerd did not start');

  const control = child.stdio[3];
  if (!control || !('on' in control)) throw new Error('workerd control fd is missing');
  const ports = {} as Record<SocketName, number>;
  let inspectorPort: number | undefined;
  const listening = new Promise<void>((resolveListening, reject) => {
    const lines = createInterface({ input: control as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event === 'listen' && message.socket && typeof message.port === 'number') {
          ports[message.socket as SocketName] = message.port;
        }
        if (message.event === 'listen-inspector' && typeof message.port === 'number') inspectorPort = message.port;
        if (sockets.every((s) => ports[s] !== undefined) && (!inspector || inspectorPort !== undefined)) resolveListening();
      } catch {
        // not a control message
      }
    });
    void exited.then((code) => reject(new Error(`workerd exited (code ${code}) before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`workerd did not listen within ${timeoutMs} ms:\n${output}`)), timeoutMs).unref();
  });
  try {
    await listening;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const listenMs = performance.now() - started;

  return {
    pid,
    ports,
    startedAt: started,
    listenMs,
    url: (socket, path) => `http://127.0.0.1:${ports[socket]}${path}`,
    rssKiB() {
      try {
        return parseVmRssKiB(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return null;
      }
    },
    cpuSeconds() {
      try {
        return parseProcStatCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return null;
      }
    },
    recentOutput: () => output,
    exitStatus: () => exit,
    async isolateHeaps({ collectGarbage = false } = {}) {
      if (inspectorPort === undefined) throw new Error('isolateHeaps needs startWorkerd(…, { inspector: true })');
      const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as InspectorTarget[];
      const heaps: IsolateHeap[] = [];
      for (const target of targets) {
        const session = await inspectorSession(target.webSocketDebuggerUrl);
        try {
          if (collectGarbage) {
            // workerd's inspector never answers HeapProfiler.collectGarbage; a heap snapshot
            // collects garbage first, and its chunks (events) are simply not read.
            await session.call('HeapProfiler.enable');
            await session.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
          }
          const usage = (await session.call('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
          heaps.push({ service: target.id, usedBytes: usage.usedSize, totalBytes: usage.totalSize });
        } finally {
          session.close();
        }
      }
      return heaps;
    },
    async cpuProfile(service, during, samplingIntervalUs = 100) {
      if (inspectorPort === undefined) throw new Error('cpuProfile needs startWorkerd(…, { inspector: true })');
      const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as InspectorTarget[];
      const target = targets.find((t) => t.id === service);
      if (!target) throw new Error(`no inspector target "${service}" (have: ${targets.map((t) => t.id).join(', ')})`);
      const session = await inspectorSession(target.webSocketDebuggerUrl);
      try {
        await session.call('Profiler.enable');
        await session.call('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
        await session.call('Profiler.start');
        await during();
        return ((await session.call('Profiler.stop')) as { profile: CpuProfile }).profile;
      } finally {
        session.close();
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a URL until it answers (any HTTP status); returns milliseconds waited. */
export async function waitForResponse(url: string, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return performance.now() - started;
    } catch (error) {
      if (performance.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

export { SOCKETS };
