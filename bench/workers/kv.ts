/**
 * A Workers KV namespace for plain workerd, in memory and empty at start: workerd turns a
 * `kvNamespace` binding's calls into HTTP requests to this service (`GET /<key>` → the value
 * or 404, `PUT /<key>` with the value as body, `DELETE /<key>`). Listing is not supported.
 *
 * The bench binds the app's `LIVE` namespace here: empty means "nothing published", so the
 * app reads it once per isolate (first request) and serves its bundled snapshot, which is what
 * production does between refreshes (no KV read on a request's own time).
 */

const store = new Map<string, ArrayBuffer>();

function keyOf(request: Request): string {
  return decodeURIComponent(new URL(request.url).pathname.slice(1));
}

export default {
  async fetch(request: Request): Promise<Response> {
    const key = keyOf(request);
    switch (request.method) {
      case 'GET': {
        if (key === '') return new Response('listing is not emulated', { status: 501 });
        const value = store.get(key);
        return value === undefined ? new Response(null, { status: 404 }) : new Response(value);
      }
      case 'PUT':
        store.set(key, await request.arrayBuffer());
        return new Response(null, { status: 200 });
      case 'DELETE':
        store.delete(key);
        return new Response(null, { status: 200 });
      default:
        return new Response(null, { status: 405 });
    }
  },
};
