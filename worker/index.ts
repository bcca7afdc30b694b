/**
 * The worker: a Hono app (OpenAPIHono, so routes, validation and the OpenAPI document share
 * one definition). Global middleware here; each resource's routes in worker/routes/, mounted
 * with `app.route`; every error shaped in one `onError`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { languageDetector } from 'hono/language';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { LANGS } from '../data/types';
import type { AppEnv } from './env';
import { ALLOWED_METHODS, apiHeaders } from './middleware/api-headers';
import { memoAnswer, recordAnswers } from './middleware/response-memo';
import { followPublished } from './live/published';
import { refreshLive } from './live/refresh';
import { openApiDocument } from './openapi';
import { problem, problemResponse, toProblem } from './problem';
import crawlers from './routes/crawlers';
import { highlights } from './routes/highlights';
import { images, SVG_IMAGE_ROUTES } from './routes/images';
import { metrics } from './routes/metrics';
import oembed from './routes/oembed';
import pages from './routes/pages';
import { pngTwins } from './routes/png';
import { rankings } from './routes/rankings';
import { reference } from './routes/reference';
import { SOCIAL_SVG_ROUTES, social } from './routes/social';
import { sources } from './routes/sources';
import { statusRoutes } from './routes/status';
import { validationHook } from './validation';

function requestPath(c: Context): string {
  return c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path;
}

const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

// Outermost: keeps complete edge-cached answers in the isolate (response-memo.ts); answered
// from there by `memoAnswer` in the default export below, before any of what follows runs.
app.use('*', recordAnswers);
// The CORS and security headers of every answer (hono/cors and hono/secure-headers, precomputed).
app.use('*', apiHeaders());
app.use(
  '*',
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c) => {
      const allow = ALLOWED_METHODS.join(', ');
      const detail = `${c.req.method} is not allowed here; the API is read-only (${allow}).`;
      return problemResponse(
        { ...problem('method-not-allowed', detail, { allow: ALLOWED_METHODS }), instance: requestPath(c) },
        { Allow: allow },
      );
    },
  }),
);
app.use(
  '*',
  languageDetector({
    supportedLanguages: [...LANGS],
    fallbackLanguage: 'es',
    order: ['querystring', 'header'],
    lookupQueryString: 'lang',
    // No cookie: a Set-Cookie would make every response uncacheable.
    caches: false,
  }),
);

// Images before metrics: `/metrics/destination/CN/card.svg` must never be read as a metric id.
// (metrics' slashed-id pattern refuses a dot too; this order keeps it so if that pattern changes.)
const routes = app
  .route('/v1', images)
  // PNG twins of every SVG image route, drawn from the SVG the app itself answers (routes/png.ts).
  .route('/v1', social)
  .route(
    '/v1',
    pngTwins([...SVG_IMAGE_ROUTES, ...SOCIAL_SVG_ROUTES], () => app),
  )
  .route('/v1', metrics)
  .route('/v1', rankings)
  .route('/v1', highlights)
  .route('/v1', sources)
  .route('/v1', statusRoutes)
  .route(
    '/',
    reference(() => openApiDocument(app)),
  )
  .get('/healthz', (c) => c.text('ok', 200));
app.route('/oembed', oembed);
app.route('/', crawlers); // robots.txt, sitemap.xml
app.route('/', pages);

app.notFound((c) =>
  problemResponse({
    ...problem('not-found', `There is nothing at ${requestPath(c)}. The endpoints are listed at /docs.`),
    instance: requestPath(c),
  }),
);

app.onError((err, c) => {
  const p = toProblem(err, requestPath(c));
  if (p.status >= 500) console.error('unhandled error', c.req.method, c.req.url, err);
  const respond = c.get('respondError');
  return respond ? respond(p, c.get('language') ?? 'es') : problemResponse(p);
});

/**
 * What workerd calls. `fetch`: the live snapshot kept current (live/published.ts: a KV read only
 * on an isolate's first request, and a look-up every few minutes after the answer), then the
 * answer memo (response-memo.ts), then the app. `scheduled`: the Cron Trigger's refresh of the
 * live figures (live/refresh.ts).
 */
export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const first = followPublished(env, ctx);
    if (first) return first.then(() => memoAnswer(request) ?? app.fetch(request, env, ctx));
    return memoAnswer(request) ?? app.fetch(request, env, ctx);
  },
  async scheduled(_controller: ScheduledController, env: Env): Promise<void> {
    await refreshLive(env);
  },
} satisfies ExportedHandler<Env>;

/** The Hono app alone, without the live snapshot or the memo in front (tests, the OpenAPI document). */
export { app };
export type AppType = typeof routes;
