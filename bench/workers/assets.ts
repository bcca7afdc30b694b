/**
 * Cloudflare's static-asset layer, emulated for plain workerd: files come from a read-only
 * `disk` service (FILES); which paths exist comes from MANIFEST (the file list at start-up,
 * like the asset manifest a deploy uploads), so a miss costs no disk access. As `assets` (bound to the app as ASSETS) a miss is a 404; as `edge`
 * (with APP bound) a miss goes on to the worker, the way the asset layer runs in front of a
 * Worker whose wrangler config has `[assets]` without `run_worker_first`.
 *
 * Not emulated: `_headers` / `_redirects` files and HTML handling beyond `index.html`.
 */

interface Fetcher {
  fetch(request: Request): Promise<Response>;
}

interface Env {
  FILES: Fetcher;
  /** Paths of every file, e.g. `/widgets/v1/peru-exports.js`. */
  MANIFEST: string[];
  APP?: Fetcher;
}

let manifest: Set<string> | undefined;

/** Content types of the files the widgets build emits. */
const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  map: 'application/json',
  json: 'application/json',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
};

function contentTypeOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

async function serveFile(env: Env, request: Request, path: string): Promise<Response | null> {
  const file = await env.FILES.fetch(new Request(new URL(path, 'http://files.invalid'), { method: request.method }));
  // The disk service answers a directory with a JSON listing; that is not an asset.
  if (!file.ok || file.headers.get('Content-Type') === 'application/json') {
    await file.body?.cancel();
    return null;
  }
  const headers = new Headers({
    'Content-Type': contentTypeOf(path),
    // The asset layer's default when no _headers rule applies.
    'Cache-Control': 'public, max-age=0, must-revalidate',
  });
  const length = file.headers.get('Content-Length');
  if (length !== null) headers.set('Content-Length', length);
  return new Response(file.body, { status: 200, headers });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const { pathname } = new URL(request.url);
      const path = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
      manifest ??= new Set(env.MANIFEST);
      if (manifest.has(path)) {
        const asset = await serveFile(env, request, path);
        if (asset) return asset;
      }
    }
    if (env.APP) return env.APP.fetch(request);
    return new Response('Not found', { status: 404 });
  },
};
