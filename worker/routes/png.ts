/**
 * PNG twins of the SVG image routes: `…/card.png` is `…/card.svg` drawn as a PNG by the PNG
 * worker (worker/png.ts), for the places that refuse SVG (e-mail clients, some social sites and
 * CMSs). Generic: any SVG image route of `svgRoutes` gets a twin with the same parameters plus
 * `scale` (1, 2, 3), the same validation messages and the same caching scheme (edge-cache.ts,
 * kind `image`: the key is the twin's own path and query, so an SVG and its PNG never share an
 * entry or an ETag, and every `scale` is its own).
 *
 * The PNG is drawn from the very SVG the `.svg` route answers: the twin asks the app for it
 * (`app()`, the whole app with its middleware, so the SVG is cached under its own key too) and
 * sends it to the PNG worker. An error SVG (status 200, `X-Error`) becomes an error PNG with the
 * same status, `X-Error` and lifetime; a refused `scale` too. If the PNG worker cannot draw at
 * all, the answer is the error SVG itself (`X-Error: internal`, `no-store`): still an image.
 */
import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Lang } from '../../data/types';
import type { AppEnv } from '../env';
import { edgeCache } from '../middleware/edge-cache';
import { PNG_HEADERS, rasterise, RasterError, SCALES, type Scale } from '../png';
import * as p from '../params';
import type { Problem } from '../problem';
import { cacheHeaders, problemResponses } from '../schemas';
import { errorImageResponse, SVG_HEADERS } from './images';

const ALLOWED_SCALE = SCALES.join(', ').replace(/, (\d)$/, ' or $1');

export const scale = p.queryParam(
  z
    .enum(SCALES.map(String) as [string, ...string[]], { error: ALLOWED_SCALE })
    // Absent is 1, so `scale=1` and no scale are one image, one ETag and one cache entry.
    .default('1')
    .transform((v) => Number(v) as Scale),
  'scale',
  `Pixels per SVG pixel: ${ALLOWED_SCALE} (2 and 3 for high-density screens); default 1. The PNG is the SVG's width and height times this.`,
  '2',
);

/** An SVG image route as createRoute returns it: a `.svg` path and a strict query object. */
export type SvgImageRoute = RouteConfig & { path: `${string}.svg`; request: { query: z.ZodObject } };

const pngBody = z.string().openapi({ format: 'binary', description: 'A PNG image.' });

/** The PNG answer of an SVG answer (an error SVG keeps its status, X-Error and lifetime). */
async function pngOf(env: Env, svgAnswer: Response, scale: Scale): Promise<Response> {
  const svg = await svgAnswer.text();
  const headers = new Headers(PNG_HEADERS);
  for (const name of ['X-Error', 'Cache-Control', 'Vary']) {
    const value = svgAnswer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  try {
    return new Response(await rasterise(env, svg, scale), { status: svgAnswer.status, headers });
  } catch (err) {
    if (!(err instanceof RasterError)) throw err;
    console.error('PNG worker unavailable', err.message);
    // Still an image: the SVG, flagged, never stored.
    return new Response(svg, { status: 200, headers: { ...SVG_HEADERS, 'X-Error': 'internal', 'Cache-Control': 'no-store' } });
  }
}

function requestedScale(c: Context): Scale {
  const value = Number(c.req.query('scale'));
  return (SCALES as readonly number[]).includes(value) ? (value as Scale) : 1;
}

/** Thrown problems on a twin (a refused `scale`, say) answer the route's error image as a PNG. */
const pngErrors: MiddlewareHandler<AppEnv> = async function pngErrors(c, next) {
  c.set('respondError', (problem: Problem, lang: Lang) => pngOf(c.env, errorImageResponse(c, problem, lang), requestedScale(c)));
  await next();
};

function twinRoute(route: SvgImageRoute) {
  const query = route.request.query.extend({ scale });
  const svgDoc = route.responses[200] as { description: string; headers: unknown };
  return createRoute({
    ...route,
    path: route.path.replace(/\.svg$/, '.png'),
    operationId: `${route.operationId ?? 'image'}Png`,
    summary: `${(route.summary ?? '').replace('(SVG)', '').trim()} (PNG)`,
    description: `The PNG of \`${route.path}\` with the same parameters, drawn from that very SVG, plus \`scale\`. ${route.description ?? ''}`,
    middleware: [pngErrors, edgeCache({ kind: 'image', query })] as const,
    request: { ...route.request, query },
    responses: {
      200: {
        description: svgDoc.description.replace('SVG', 'PNG'),
        headers: {
          ...cacheHeaders,
          'X-Error': { description: 'Set on error images only: what went wrong.', schema: { type: 'string' as const } },
        },
        content: { 'image/png': { schema: pngBody } },
      },
      405: problemResponses[405],
    },
  });
}

/**
 * The twins of `svgRoutes` (mounted where those are, e.g. `/v1`); `app` is the whole app, asked
 * for each SVG. `hidden` routes (the literal-slash ids) get hidden twins.
 */
export function pngTwins(svgRoutes: readonly SvgImageRoute[], app: () => Hono<AppEnv>): OpenAPIHono<AppEnv> {
  const twins = new OpenAPIHono<AppEnv>();
  for (const svgRoute of svgRoutes) {
    twins.openapi(twinRoute(svgRoute), async (c) => {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.replace(/\.png$/, '.svg');
      url.searchParams.delete('scale');
      const headers = new Headers();
      const acceptLanguage = c.req.header('Accept-Language');
      if (acceptLanguage !== undefined) headers.set('Accept-Language', acceptLanguage);
      let ctx: Context['executionCtx'] | undefined;
      try {
        ctx = c.executionCtx;
      } catch {
        ctx = undefined; // app.request in Node tests has none
      }
      const svgAnswer = await app().fetch(new Request(url, { headers }), c.env, ctx);
      if (!svgAnswer.headers.get('Content-Type')?.startsWith('image/svg+xml')) {
        throw new Error(`${url.pathname} answered ${svgAnswer.status} ${svgAnswer.headers.get('Content-Type')}, not an SVG`);
      }
      return pngOf(c.env, svgAnswer, (c.req.valid('query') as { scale?: Scale }).scale ?? 1);
    });
  }
  return twins;
}
