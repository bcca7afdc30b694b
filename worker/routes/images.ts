/**
 * /v1/metrics/{id}/sparkline.svg, card.svg and chart.svg: SVG images anyone can hotlink
 * (`<img>`, Markdown, a CMS that strips scripts). Thin handlers: the parameters are checked by
 * the schemas of image-params.ts, then against the data by one step (checks/image.ts); the
 * figures come from the JSON API's views (views/images.ts) and the drawing from the pure renderers.
 *
 * Caching is the JSON API's (edge-cache.ts, kind `image`): strong ETag from the normalised key,
 * 304, the Workers Cache API. A bad request answers a small error *image* with status 200 and
 * `X-Error`, never a broken image: image proxies such as GitHub's camo drop non-2xx answers
 * (which is why shields.io answers its error badges with 200). Errors still travel as thrown
 * problems to `app.onError`; this file only says how they look (`respondError`).
 *
 * Paths never clash with routes/metrics.ts: its slashed-id pattern refuses a dot in the second
 * segment, so `total/card.svg` is never read as a metric id there.
 */
import { createRoute, OpenAPIHono, z, type RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Lang } from '../../data/types';
import { RenderOptionError, renderSparkline, type Theme, THEMES } from '@peru-exports/widgets/render';
import { cacheControl } from '../cache-policy';
import type { AppEnv } from '../env';
import { cardQuery, chartQuery, sparklineQuery } from '../image-params';
import { edgeCache } from '../middleware/edge-cache';
import * as p from '../params';
import { invalidParams, type Problem } from '../problem';
import { renderCard } from '../render/card';
import { renderChart } from '../render/chart';
import { renderErrorImage } from '../render/error-image';
import { formatUsd } from '../render/format';
import { cacheHeaders, problemResponses } from '../schemas';
import { checkChartRequest } from '../checks/chart';
import { checkCardRequest, checkSeriesImageRequest } from '../checks/image';
import { chartData } from '../views/chart';
import { cardData, imagePoints, imageSeries } from '../views/images';
import { SLASHED_ID } from './shared';

/**
 * Headers of every image, error images included. The CSP applies when the SVG is opened as a
 * document (an `<img>` never runs scripts anyway): no scripts, nothing loaded from anywhere,
 * only the inline `<style>` of theme=auto. CORP cross-origin lets any site show it.
 */
export const SVG_HEADERS = {
  'Content-Type': 'image/svg+xml; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'cross-origin',
} as const;

/** The `X-Error` value of an error image, from the problem's kind. */
export function errorCode(problem: Problem): string {
  return problem.kind === 'invalid-parameter' ? 'bad-parameter' : problem.kind;
}

/**
 * What an error image says: each rejected parameter's message, else the problem's detail
 * (which for an unknown metric names the closest ids).
 */
function errorMessage(problem: Problem): string {
  const params = problem.kind === 'invalid-parameter' ? (problem.errors ?? []) : [];
  return params.length > 0 ? params.map((e) => e.message).join('; ') : problem.detail;
}

/** An error image is as wide as the image asked for, but wide enough to read (px). */
const ERROR_WIDTH = { min: 240, default: 360 } as const;

/**
 * Route middleware: thrown problems on this route answer an error image, drawn in the theme and
 * width asked for when those are valid (they are read leniently: they may be what was wrong).
 */
export const imageErrors: MiddlewareHandler<AppEnv> = async function imageErrors(c, next) {
  c.set('respondError', (problem: Problem, lang: Lang) => errorImageResponse(c, problem, lang));
  await next();
};

export function errorImageResponse(c: Context<AppEnv>, problem: Problem, lang: Lang): Response {
  const theme = c.req.query('theme');
  const width = Number(c.req.query('width') ?? Number.NaN);
  const svg = renderErrorImage(errorMessage(problem), {
    lang,
    theme: (THEMES as readonly string[]).includes(theme ?? '') ? (theme as Theme) : undefined,
    width: Number.isInteger(width) && width > 0 ? Math.max(width, ERROR_WIDTH.min) : ERROR_WIDTH.default,
  });
  return new Response(svg, {
    status: 200,
    headers: {
      ...SVG_HEADERS,
      'X-Error': errorCode(problem),
      // Briefly, so a fixed link recovers fast; a fault of ours not at all.
      'Cache-Control': problem.status >= 500 ? 'no-store' : cacheControl('error'),
      Vary: 'Accept-Language',
    },
  });
}

function svgResponse(c: Context<AppEnv>, svg: string): Response {
  return c.body(svg, 200, SVG_HEADERS);
}

/** A renderer's refusal (not expected: the schemas check first) answered like any bad parameter. */
function drawing(draw: () => string): string {
  try {
    return draw();
  } catch (err) {
    if (err instanceof RenderOptionError) throw invalidParams([{ param: err.option, message: err.message, allowed: err.allowed }]);
    throw err;
  }
}

const tags = ['Images'];
const svgBody = z.string().openapi({ description: 'A standalone SVG document (no scripts, no external references).' });

export function svgResponses(description: string) {
  return {
    200: {
      description:
        `${description} A bad request also answers 200, with an SVG saying what is wrong and an ` +
        'X-Error header (unknown-metric, bad-parameter, not-found): image proxies drop other statuses.',
      headers: {
        ...cacheHeaders,
        'X-Error': { description: 'Set on error images only: what went wrong.', schema: { type: 'string' as const } },
      },
      content: { 'image/svg+xml': { schema: svgBody } },
    },
    // The one answer that is not an image: another method than GET, HEAD or OPTIONS.
    405: problemResponses[405],
  } as const;
}

const sparkline = createRoute({
  method: 'get',
  path: '/metrics/{id}/sparkline.svg',
  operationId: 'getSparkline',
  tags,
  summary: 'A metric\u2019s series as a sparkline (SVG)',
  description:
    'A small trend chart of the series between `from` and `to` (default: the last 24 months, or every year of an ' +
    `annual series) for \`<img>\` tags. At most 300 points. Highlights have no series. With \`freq=annual\`, a year ` +
    'the data hold only in part is drawn lighter with a `<title>` such as "2025 (4 months)", kept out of the line, ' +
    'the min/max markers and the mean, and described apart; `to` at the last whole year leaves it out.',
  middleware: [imageErrors, edgeCache({ kind: 'image', query: sparklineQuery })] as const,
  request: { params: p.metricIdParams, query: sparklineQuery },
  responses: svgResponses('The sparkline.'),
});

const card = createRoute({
  method: 'get',
  path: '/metrics/{id}/card.svg',
  operationId: 'getCard',
  tags,
  summary: 'A metric\u2019s stat card (SVG)',
  description:
    'Label, latest value, change on a year earlier, period, a sparkline of the series (as for sparkline.svg) and ' +
    'the source, as one image. Highlights show their published figure without a sparkline (from, to and freq do not apply).',
  middleware: [imageErrors, edgeCache({ kind: 'image', query: cardQuery })] as const,
  request: { params: p.metricIdParams, query: cardQuery },
  responses: svgResponses('The card.'),
});

const chart = createRoute({
  method: 'get',
  path: '/metrics/{id}/chart.svg',
  operationId: 'getChart',
  tags,
  summary: 'A metric\u2019s chart over time, optionally compared with others (SVG)',
  description:
    'A chart for articles and reports: the metric\u2019s label as title, the unit and period range as subtitle, a value ' +
    'axis with round ticks, years (or months, for short ranges) on the period axis, the latest value labelled, ' +
    'preliminary periods dashed (lighter bars) and partial years apart, with a note saying so, and the source(s) ' +
    'with the latest period in the footer. Range as the other images (default: the last 24 months, or every year ' +
    'of an annual series), or `last` N periods; at most 300 points. `compare` adds up to 4 metrics over the same ' +
    'periods, each in its own colour-blind-safe colour, labelled at its end and named with its own source. ' +
    'Highlights have no series.',
  middleware: [imageErrors, edgeCache({ kind: 'image', query: chartQuery })] as const,
  request: { params: p.metricIdParams, query: chartQuery },
  responses: svgResponses('The chart.'),
});

const chartHandler: RouteHandler<typeof chart, AppEnv> = (c) => {
  const { id } = c.req.valid('param');
  const { lang: _lang, from, to, last, freq, compare, bg, ...style } = c.req.valid('query');
  const lang = c.get('language');
  const data = chartData(checkChartRequest(id, { from, to, last, freq }, compare ?? []), lang);
  return svgResponse(
    c,
    drawing(() => renderChart(data, { ...style, background: bg, lang, formatValue: formatUsd })),
  );
};

const sparklineHandler: RouteHandler<typeof sparkline, AppEnv> = (c) => {
  const { id } = c.req.valid('param');
  const { lang: _lang, from, to, freq, bg, ...style } = c.req.valid('query');
  const lang = c.get('language');
  const selection = checkSeriesImageRequest(id, { from, to, freq });
  // The description is the series API's (`description`), so image and JSON say the same.
  const { points, description } = imageSeries(selection, lang);
  const svg = drawing(() =>
    renderSparkline(points, {
      ...style,
      background: bg,
      lang,
      title: selection.metric.label[lang],
      desc: description,
      formatValue: formatUsd,
    }),
  );
  return svgResponse(c, svg);
};

const cardHandler: RouteHandler<typeof card, AppEnv> = (c) => {
  const { id } = c.req.valid('param');
  const { lang: _lang, from, to, freq, bg, width, theme, compact, color, type, markers, mean, baseline } = c.req.valid('query');
  const lang = c.get('language');
  // A highlight has no series: like <peru-export-card>, its card has no sparkline.
  const { found, series } = checkCardRequest(id, { from, to, freq });
  const points = series === null ? [] : imagePoints(series, lang);
  const svg = drawing(() =>
    renderCard(cardData(found, points, lang), {
      width,
      theme,
      lang,
      compact,
      color,
      transparent: bg === 'transparent',
      background: bg === 'transparent' || bg === 'theme' ? undefined : bg,
      sparkline: { type, markers, mean, baseline },
      formatValue: formatUsd,
    }),
  );
  return svgResponse(c, svg);
};

export const images = new OpenAPIHono<AppEnv>()
  .openapi(sparkline, sparklineHandler)
  .openapi(card, cardHandler)
  .openapi(chart, chartHandler);

// The same routes for ids with a literal slash (destination/CN), hidden from the document.
const slashedSparkline = { ...sparkline, path: `/metrics/${SLASHED_ID}/sparkline.svg`, hide: true } as const;
const slashedCard = { ...card, path: `/metrics/${SLASHED_ID}/card.svg`, hide: true } as const;
const slashedChart = { ...chart, path: `/metrics/${SLASHED_ID}/chart.svg`, hide: true } as const;
images.openapi(slashedSparkline, sparklineHandler);
images.openapi(slashedCard, cardHandler);
images.openapi(slashedChart, chartHandler);

/** Every SVG image route of this file, each of which gets a PNG twin (routes/png.ts). */
export const SVG_IMAGE_ROUTES = [sparkline, card, chart, slashedSparkline, slashedCard, slashedChart] as const;
