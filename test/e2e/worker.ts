/**
 * Starts the worker the way `npm start` does (wrangler's dev server on workerd, wrangler.toml
 * with its static assets), through wrangler's programmatic API: no child process to reap,
 * a free port, and readiness known from a promise rather than from parsing logs.
 */
import { fileURLToPath } from 'node:url';
import { unstable_startWorker } from 'wrangler';

export interface LocalWorker {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  stop(): Promise<void>;
}

const CONFIG = fileURLToPath(new URL('../../wrangler.toml', import.meta.url));

/** `vars` override wrangler.toml's [vars], as `wrangler dev --var NAME:value` (and so `npm start -- --var …`) does. */
export async function startLocalWorker(vars: Record<string, string> = {}): Promise<LocalWorker> {
  process.env['WRANGLER_SEND_METRICS'] = 'false';
  const worker = await unstable_startWorker({
    config: CONFIG,
    bindings: Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: 'plain_text' as const, value }])),
    dev: {
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
  return { origin, stop: () => worker.dispose() };
}
