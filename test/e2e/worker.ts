/**
 * Starts the worker the way `npm start` does (wrangler's dev server on workerd, wrangler.toml
 * with its static assets), through wrangler's programmatic API: no child process to reap,
 * a free port, and readiness known from a promise rather than from parsing logs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_startWorker } from 'wrangler';

export interface LocalWorker {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  stop(): Promise<void>;
}

const CONFIG = fileURLToPath(new URL('../../wrangler.toml', import.meta.url));
/** The PNG worker, which the main worker's `PNG` binding names (worker-png/README.md). */
const PNG_CONFIG = fileURLToPath(new URL('../../worker-png/wrangler.toml', import.meta.url));

export interface LocalWorkerOptions {
  /** Vars that replace wrangler.toml's, as `npm start -- --var NAME:value` does. */
  vars?: Record<string, string>;
}

/**
 * Local storage (KV) in a fresh folder of its own, removed on stop: what a test publishes stays
 * out of `npm start`'s .wrangler/state, and what a maintainer published there stays out of tests.
 */
export async function startLocalWorker(options: LocalWorkerOptions = {}): Promise<LocalWorker> {
  process.env['WRANGLER_SEND_METRICS'] = 'false';
  const state = mkdtempSync(join(tmpdir(), 'peru-exports-e2e-state-'));
  // As `npm start` (one wrangler dev with both configs): the PNG worker runs too, and the two find
  // each other through a dev registry of their own (unstable_startWorker has none unless given one).
  const registry = join(state, 'registry');
  const png = await unstable_startWorker({
    config: PNG_CONFIG,
    dev: { persist: state, registry, server: { hostname: '127.0.0.1', port: 0 }, inspector: false, watch: false, logLevel: 'error' },
  });
  await png.ready;
  const worker = await unstable_startWorker({
    config: CONFIG,
    bindings: Object.fromEntries(Object.entries(options.vars ?? {}).map(([name, value]) => [name, { type: 'plain_text' as const, value }])),
    dev: {
      persist: state,
      registry,
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      watch: false,
      // Offline, wrangler warns that it cannot fetch the `Request.cf` placeholder; only errors matter here.
      logLevel: 'error',
    },
  });
  await worker.ready;
  const url = await worker.url;
  const origin = url.origin;
  // Ready means listening; make sure the worker itself answers before any test starts.
  const health = await fetch(`${origin}/healthz`);
  if (!health.ok) throw new Error(`worker at ${origin} answered /healthz with ${health.status}`);
  return {
    origin,
    stop: async () => {
      await worker.dispose();
      await png.dispose();
      rmSync(state, { recursive: true, force: true });
    },
  };
}
