/**
 * The human pages: the front page `/` (with the embed builder), a page per metric `/m/{id}`,
 * the builder's output alone `/builder/output` (what the site script swaps in), and the
 * pages' stylesheet and script under `/assets/`. Every page runs under a CSP that allows
 * only this origin. Mounted at `/`, so its middleware is attached per route, never with `*`
 * (which would also run for the API). The language (`?lang`, Accept-Language, else `es`)
 * comes from the app's global languageDetector.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import { cacheControl } from '../cache-policy';
import type { AppEnv } from '../env';
import { getHighlight, getMetric, type Lang } from '../../data/index';
import { findAsset, SITE_ASSETS } from '../pages/assets';
import { publicOrigin } from '../public-origin';
import { BUILDER_PARAMS, BuilderOutput, builderQuery, builderSpec } from '../pages/builder';
import { FrontPage } from '../pages/front-page';
import { latestView } from '../pages/latest';
import { STRINGS } from '../pages/i18n';
import { Document, type PageContext } from '../pages/layout';
import { METRIC_PAGE_PARAMS, MetricPage } from '../pages/metric-page';
import { pinnedBundle } from '../pages/pinned-bundle';
import { DEFAULT_SPEC, parseEmbedSpec } from '../pages/snippets';
import {
  builderView,
  differFigures,
  embedText,
  headlineCards,
  isMetricId,
  metricPageView,
  sourceViews,
  suggestMetrics,
  withSuggestions,
} from '../pages/view';

const pages = new Hono<AppEnv>();

/** Only this origin, for everything; no inline script or style anywhere on the pages. */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
  referrerPolicy: 'strict-origin-when-cross-origin',
});

/**
 * A page negotiated from Accept-Language must not be stored by a shared cache that ignores
 * `Vary`; one asked for with `?lang=` is the same for everyone.
 */
const pageCaching: MiddlewareHandler<AppEnv> = async function pageCaching(c, next) {
  await next();
  c.header('Vary', 'Accept-Language');
  c.header('Content-Language', c.get('language'));
  if (!c.res.headers.has('Cache-Control')) {
    c.header('Cache-Control', c.req.query('lang') !== undefined ? cacheControl('docs') : 'private, max-age=300');
  }
};

/**
 * Pages are public and long-lived in shared caches, which key on the whole URL: a parameter the
 * page does not read (`/?lang=es&anything`) made another entry of the same page and was echoed
 * into its hreflang and language links. Such a URL is redirected, permanently, to the page
 * without the parameters it does not read (the others kept as sent, for the page to report).
 */
function knownParams(names: readonly string[]): MiddlewareHandler<AppEnv> {
  const known = new Set(names);
  return async function knownParams(c, next) {
    const url = new URL(c.req.url);
    const params = [...url.searchParams];
    if (params.every(([name]) => known.has(name))) return next();
    const kept = new URLSearchParams(params.filter(([name]) => known.has(name)));
    const location = kept.size > 0 ? `${url.pathname}?${kept.toString()}` : url.pathname;
    return c.body(null, 301, { Location: location, 'Cache-Control': cacheControl('docs') });
  };
}

async function pageContext(c: Context<AppEnv>): Promise<PageContext> {
  const url = new URL(c.req.url);
  return {
    // oxlint-disable-next-line typescript/no-unnecessary-type-assertion -- c.get's type argument is the key, not the value (unknown here)
    lang: c.get('language') as Lang,
    origin: publicOrigin(c),
    path: url.pathname,
    query: url.searchParams,
    assets: { css: SITE_ASSETS.css.path, js: SITE_ASSETS.js.path, icon: SITE_ASSETS.icon.path },
    bundle: '/widgets/v1/peru-exports.js',
    pinned: await pinnedBundle(c.env.ASSETS),
  };
}

function page(c: Context<AppEnv>, body: unknown, status: 200 | 404 = 200): Response | Promise<Response> {
  return c.html(html`<!doctype html>${body}`, status);
}

pages.get('/', knownParams(BUILDER_PARAMS), pageHeaders, pageCaching, etag(), async (c) => {
  const ctx = await pageContext(c);
  const { spec, issues } = builderSpec(ctx.query, ctx.lang, isMetricId);
  return page(
    c,
    FrontPage({
      ctx,
      view: {
        latest: latestView(ctx.lang, STRINGS[ctx.lang].latest),
        cards: headlineCards(ctx.lang),
        builder: builderView(spec, withSuggestions(issues, ctx.query, ctx.lang), ctx.lang),
        sources: sourceViews(ctx.lang),
        differ: differFigures(ctx.lang),
      },
    }),
  );
});

/** The builder's output alone: preview, snippets, share link (same markup as on the page). */
pages.get('/builder/output', knownParams(BUILDER_PARAMS), pageHeaders, pageCaching, etag(), async (c) => {
  const ctx = await pageContext(c);
  const { spec, issues } = builderSpec(ctx.query, ctx.lang, isMetricId);
  const view = { spec, issues: withSuggestions(issues, ctx.query, ctx.lang), text: embedText(spec, spec.lang) };
  const share = `/?${builderQuery(spec, ctx.lang).toString()}#builder`;
  return c.html(html`${BuilderOutput({ lang: ctx.lang, origin: ctx.origin, view, shareUrl: share, pinned: ctx.pinned })}`);
});

const METRIC_ID = '[A-Za-z0-9-]+(?:/[A-Za-z0-9-]+)?';

pages.get(`/m/:id{${METRIC_ID}}`, knownParams(METRIC_PAGE_PARAMS), pageHeaders, pageCaching, etag(), async (c) => {
  const ctx = await pageContext(c);
  const id = c.req.param('id');
  const t = STRINGS[ctx.lang].metric;
  const view = metricPageView(id, ctx.lang, t);
  if (view === null) return notFound(c, ctx, id);
  // The page's own query may preset the embed (theme, period…); the metric is the path's.
  const query = Object.fromEntries(ctx.query);
  const { spec } = parseEmbedSpec({ ...query, metric: id, kind: 'card' }, isMetricId, { ...DEFAULT_SPEC, lang: ctx.lang });
  return page(c, MetricPage({ ctx, view, spec, text: embedText(spec, spec.lang) }));
});

function notFound(c: Context<AppEnv>, ctx: PageContext, id: string): Response | Promise<Response> {
  const s = STRINGS[ctx.lang];
  const suggestions = suggestMetrics(id);
  const label = (key: string): string => getMetric(key)?.label[ctx.lang] ?? getHighlight(key)?.label[ctx.lang] ?? key;
  return page(
    c,
    Document({
      ctx,
      title: `${s.metric.notFound} · ${s.siteName}`,
      description: s.metric.notFound,
      canonical: `${ctx.origin}/`,
      children: html`<h1>${s.metric.notFound}</h1>
        <p><code>${id}</code></p>
        ${
          suggestions.length > 0
            ? html`<ul>
              ${suggestions.map((key) => html`<li><a href="/m/${key}${ctx.lang === 'en' ? '?lang=en' : ''}">${label(key)}</a> (<code>${key}</code>)</li>`)}
            </ul>`
            : ''
        }
        <p><a href="${ctx.lang === 'en' ? '/?lang=en' : '/'}#builder">${s.builder.title}</a></p>`,
    }),
    404,
  );
}

pages.get('/assets/:file', (c) => {
  const found = findAsset(c.req.param('file'));
  if (found === null) return c.text('Not found', 404, { 'Cache-Control': cacheControl('error') });
  return c.body(found.asset.body, 200, {
    'Content-Type': found.asset.type,
    'Cache-Control': found.cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
});

/** Browsers ask for it on every page of the origin (the API reference too): the site's icon. */
pages.get('/favicon.ico', (c) =>
  c.body(SITE_ASSETS.icon.body, 200, { 'Content-Type': SITE_ASSETS.icon.type, 'Cache-Control': cacheControl('docs') }),
);

export default pages;
