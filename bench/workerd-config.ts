/**
 * The workerd configuration of the bench and load harness, as pure data and text.
 *
 * `benchTopology()` decides which services run (the subject worker, the emulated asset layer,
 * the optional Cache API service and the Hono hello-world baseline) and `renderCapnpConfig()`
 * writes them in Cap'n Proto text for `workerd serve`. Nothing here touches the disk or a
 * process, so test/scripts can check it directly.
 *
 * Schema: node_modules/workerd/workerd.capnp (Config, Service, Worker, DiskDirectory, Socket).
 */

export type ModuleType = 'esModule' | 'commonJsModule' | 'wasm' | 'text' | 'data' | 'json';

export interface WorkerModule {
  /** Module name as the bundle imports it (the first module is the entry point). */
  name: string;
  type: ModuleType;
  /** File embedded into the config, relative to the config file's directory. */
  file: string;
}

export type Binding =
  | { name: string; kind: 'text'; value: string }
  | { name: string; kind: 'json'; value: string }
  | { name: string; kind: 'service'; service: string }
  /** A Workers KV namespace implemented by a service (bench/workers/kv.ts). */
  | { name: string; kind: 'kv'; service: string };

export interface WorkerService {
  name: string;
  worker: {
    modules: WorkerModule[];
    compatibilityDate: string;
    compatibilityFlags: string[];
    bindings: Binding[];
    /** Service that receives `caches.default` / `caches.open()` traffic; none = Cache API inactive. */
    cacheApiOutbound?: string;
  };
}

export interface DiskService {
  name: string;
  disk: { path: string };
}

export type Service = WorkerService | DiskService;

export interface Socket {
  name: string;
  /** `127.0.0.1:0` lets the kernel pick a free port; workerd reports it on its control fd. */
  address: string;
  service: string;
}

export interface WorkerdConfig {
  services: Service[];
  sockets: Socket[];
}

/** A Cap'n Proto text literal. Its escapes are C's (`\"`, `\\`, `\n`, `\xNN`); JSON's `\u` is not one. */
export function capnpString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function renderBinding(binding: Binding): string {
  const name = `name = ${capnpString(binding.name)}`;
  switch (binding.kind) {
    case 'text':
      return `(${name}, text = ${capnpString(binding.value)})`;
    case 'json':
      return `(${name}, json = ${capnpString(binding.value)})`;
    case 'service':
      return `(${name}, service = ${capnpString(binding.service)})`;
    case 'kv':
      return `(${name}, kvNamespace = ${capnpString(binding.service)})`;
  }
}

function renderService(service: Service): string {
  if ('disk' in service) {
    return `    (name = ${capnpString(service.name)}, disk = (path = ${capnpString(service.disk.path)}, writable = false)),`;
  }
  const { worker } = service;
  const lines = [
    `    (name = ${capnpString(service.name)}, worker = (`,
    `      modules = [`,
    ...worker.modules.map((m) => `        (name = ${capnpString(m.name)}, ${m.type} = embed ${capnpString(m.file)}),`),
    `      ],`,
    `      compatibilityDate = ${capnpString(worker.compatibilityDate)},`,
    `      compatibilityFlags = [${worker.compatibilityFlags.map(capnpString).join(', ')}],`,
    `      bindings = [`,
    ...worker.bindings.map((b) => `        ${renderBinding(b)},`),
    `      ],`,
  ];
  if (worker.cacheApiOutbound !== undefined) {
    lines.push(`      cacheApiOutbound = ${capnpString(worker.cacheApiOutbound)},`);
  }
  lines.push(`    )),`);
  return lines.join('\n');
}

/** The whole config file, one top-level `config` constant. */
export function renderCapnpConfig(config: WorkerdConfig): string {
  const names = new Set<string>();
  for (const service of config.services) {
    if (names.has(service.name)) throw new Error(`workerd config: service "${service.name}" is defined twice`);
    names.add(service.name);
  }
  for (const service of config.services) {
    if (!('worker' in service)) continue;
    if (service.worker.modules.length === 0) {
      throw new Error(`workerd config: worker "${service.name}" has no modules`);
    }
    const targets = service.worker.bindings.flatMap((b) => (b.kind === 'service' || b.kind === 'kv' ? [b.service] : []));
    if (service.worker.cacheApiOutbound !== undefined) targets.push(service.worker.cacheApiOutbound);
    for (const target of targets) {
      if (!names.has(target)) {
        throw new Error(`workerd config: worker "${service.name}" refers to unknown service "${target}"`);
      }
    }
  }
  for (const socket of config.sockets) {
    if (!names.has(socket.service)) {
      throw new Error(`workerd config: socket "${socket.name}" serves unknown service "${socket.service}"`);
    }
  }
  return [
    '# Written by bench/workerd-config.ts for `npm run bench` / `npm run load`.',
    'using Workerd = import "/workerd/workerd.capnp";',
    '',
    'const config :Workerd.Config = (',
    '  services = [',
    ...config.services.map(renderService),
    '  ],',
    '  sockets = [',
    ...config.sockets.map(
      (s) => `    (name = ${capnpString(s.name)}, address = ${capnpString(s.address)}, http = (), service = ${capnpString(s.service)}),`,
    ),
    '  ],',
    ');',
    '',
  ].join('\n');
}

/** How workerd should load a file that `wrangler deploy --dry-run --outdir` wrote; null = not a module. */
export function moduleTypeFor(fileName: string): ModuleType | null {
  if (/\.(m?js)$/.test(fileName)) return 'esModule';
  if (fileName.endsWith('.cjs')) return 'commonJsModule';
  if (fileName.endsWith('.wasm')) return 'wasm';
  if (/\.(txt|html|sql)$/.test(fileName)) return 'text';
  if (/\.(bin|ttf|otf)$/.test(fileName)) return 'data';
  if (fileName.endsWith('.json')) return 'json';
  return null; // README.md, *.map
}

/** The parts of a wrangler config (wrangler's `unstable_readConfig`) that the harness reproduces. */
export interface WranglerConfigSubset {
  compatibility_date?: string | undefined;
  compatibility_flags?: string[] | undefined;
  vars?: Record<string, unknown> | undefined;
  assets?: { binding?: string | undefined } | undefined;
  kv_namespaces?: { binding: string }[] | undefined;
  [key: string]: unknown;
}

/** Binding kinds the harness cannot emulate in plain workerd; the bench refuses them by name. */
const UNEMULATED_BINDINGS = [
  'd1_databases',
  'r2_buckets',
  'queues',
  'analytics_engine_datasets',
  'vectorize',
  'hyperdrive',
  'workflows',
  'dispatch_namespaces',
  'send_email',
  'ai',
  'browser',
  'images',
] as const;

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    // `queues` and `durable_objects` are objects of lists.
    return Object.values(value).some(isPresent);
  }
  return true;
}

/** The service that holds a KV namespace binding's data (one empty in-memory store each). */
export const kvServiceName = (binding: string) => `kv-${binding}`;

/**
 * The subject worker's bindings from its wrangler config: `[vars]` become text (strings) or
 * json bindings, the assets binding points at the emulated asset service, each KV namespace at
 * an empty in-memory one (bench/workers/kv.ts, service `kv-<binding>`), each service binding at
 * the service `workers` names for its worker (the PNG worker: service `png`). Anything else is
 * refused with its name, so a new binding cannot silently be missing from the benchmark.
 */
export function bindingsFromWrangler(config: WranglerConfigSubset, assetService: string, workers: Record<string, string> = {}): Binding[] {
  const services = (config['services'] ?? []) as { binding: string; service: string }[];
  const unknownServices = services.filter((s) => workers[s.service] === undefined).map((s) => `services (${s.binding} → ${s.service})`);
  const unsupported = [...UNEMULATED_BINDINGS, 'durable_objects'].filter((key) => isPresent(config[key])).concat(unknownServices);
  if (unsupported.length > 0) {
    throw new Error(
      `bench: wrangler.toml declares ${unsupported.join(', ')}, which the workerd harness does not emulate ` +
        `(it supports [vars], [assets], [[kv_namespaces]] and [[services]] of workers it builds); extend bench/workerd-config.ts`,
    );
  }
  const bindings: Binding[] = Object.entries(config.vars ?? {}).map(([name, value]) =>
    typeof value === 'string' ? { name, kind: 'text', value } : { name, kind: 'json', value: JSON.stringify(value) },
  );
  const assetBinding = config.assets?.binding;
  if (assetBinding) bindings.push({ name: assetBinding, kind: 'service', service: assetService });
  for (const { binding } of config.kv_namespaces ?? []) bindings.push({ name: binding, kind: 'kv', service: kvServiceName(binding) });
  for (const { binding, service } of services) bindings.push({ name: binding, kind: 'service', service: workers[service]! });
  return bindings;
}

export interface TopologyInput {
  /** The worker bundle's modules, entry point first (from the dry-run outdir). */
  appModules: WorkerModule[];
  compatibilityDate: string;
  compatibilityFlags: string[];
  appBindings: Binding[];
  /** Entry files of the helper workers in bench/workers, bundled, relative to the config. */
  helpers: { assets: string; baseline: string; cache: string; kv: string; replay: string };
  /** Other workers of the project (the PNG worker), each a service of its name, bound by the app's [[services]]. */
  workers?: { name: string; modules: WorkerModule[] }[];
  /** Absolute path of the static files (wrangler's `[assets] directory`). */
  assetsDirectory: string;
  /** Every file under it as a URL path (`/widgets/v1/peru-exports.js`). */
  assetPaths: string[];
  /** Run the in-memory Cache API service (bench/workers/cache.ts) as the app's cacheApiOutbound. */
  cacheApi: boolean;
  /** Include the baseline workers (hello world, same payload) and their sockets (bench yes, load no). */
  baseline: boolean;
  host?: string;
}

/** Socket names the harness listens on; `edge` is what a browser would reach in production. */
export const SOCKETS = {
  /** The Hono app itself, as a Worker route would run it. */
  app: 'app',
  /** Cloudflare's asset layer emulated: a static file if one matches, else the app. */
  edge: 'edge',
  /** The Hono hello-world baseline. */
  baseline: 'baseline',
  /** The same-payload baseline: a static worker replaying each route's answer (bench/workers/replay.ts). */
  payload: 'payload',
} as const;

export type SocketName = (typeof SOCKETS)[keyof typeof SOCKETS];

/**
 * The services of a bench run:
 * - `app`: the subject bundle, with its wrangler bindings; ASSETS → `assets`
 * - `assets`: bench/workers/assets.ts over a read-only disk service (404 when no file matches)
 * - `edge`: the same asset worker with a fallback to `app`, as Cloudflare's asset layer runs
 *   in front of a worker (files first, then the worker)
 * - `png`: the PNG worker's bundle (worker-png/), the app's `PNG` binding
 * - `cache`: bench/workers/cache.ts, an in-memory store behind `caches.default` (optional)
 * - `kv-<binding>`: bench/workers/kv.ts, an empty in-memory KV namespace per KV binding
 * - `baseline`: bench/workers/baseline.ts, a Hono hello world
 * - `payload`: bench/workers/replay.ts, a static worker answering each route's bytes and headers
 */
export function benchTopology(input: TopologyInput): WorkerdConfig {
  const host = input.host ?? '127.0.0.1';
  const address = `${host}:0`;
  const helperWorker = (file: string, bindings: Binding[]): WorkerService['worker'] => ({
    modules: [{ name: 'worker.js', type: 'esModule', file }],
    compatibilityDate: input.compatibilityDate,
    compatibilityFlags: [],
    bindings,
  });
  const assetBindings: Binding[] = [
    { name: 'FILES', kind: 'service', service: 'asset-files' },
    { name: 'MANIFEST', kind: 'json', value: JSON.stringify(input.assetPaths) },
  ];
  const services: Service[] = [
    {
      name: 'app',
      worker: {
        modules: input.appModules,
        compatibilityDate: input.compatibilityDate,
        compatibilityFlags: input.compatibilityFlags,
        bindings: input.appBindings,
        ...(input.cacheApi ? { cacheApiOutbound: 'cache' } : {}),
      },
    },
    { name: 'asset-files', disk: { path: input.assetsDirectory } },
    { name: 'assets', worker: helperWorker(input.helpers.assets, assetBindings) },
    {
      name: 'edge',
      worker: helperWorker(input.helpers.assets, [...assetBindings, { name: 'APP', kind: 'service', service: 'app' }]),
    },
  ];
  for (const worker of input.workers ?? []) {
    services.push({
      name: worker.name,
      worker: { modules: worker.modules, compatibilityDate: input.compatibilityDate, compatibilityFlags: [], bindings: [] },
    });
  }
  if (input.cacheApi) services.push({ name: 'cache', worker: helperWorker(input.helpers.cache, []) });
  for (const binding of input.appBindings) {
    if (binding.kind === 'kv') services.push({ name: binding.service, worker: helperWorker(input.helpers.kv, []) });
  }
  const sockets: Socket[] = [
    { name: SOCKETS.app, address, service: 'app' },
    { name: SOCKETS.edge, address, service: 'edge' },
  ];
  if (input.baseline) {
    services.push({ name: 'baseline', worker: helperWorker(input.helpers.baseline, []) });
    sockets.push({ name: SOCKETS.baseline, address, service: 'baseline' });
    services.push({ name: 'payload', worker: helperWorker(input.helpers.replay, []) });
    sockets.push({ name: SOCKETS.payload, address, service: 'payload' });
  }
  return { services, sockets };
}
