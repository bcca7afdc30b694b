/**
 * Social previews as SVG: `/metrics/{id}/social.svg`, a metric's card and chart in 1200 × 630,
 * and `/social.svg`, the front page's (the headline figure). Their PNG twins (routes/png.ts)
 * are what the pages' `og:image` and oEmbed's `thumbnail_url` name. Caching and errors as for
 * the other images (routes/images.ts).
 */
import { createRoute, OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { edgeCache } from '../middleware/edge-cache';
import * as p from '../params';
import { SOCIAL_SIZE } from '../render/social';
import { checkSocialRequest } from '../checks/social';
import { FRONT_PAGE_METRIC, socialSvg } from '../views/social';
import { imageErrors, SVG_HEADERS, svgResponses } from './images';
import { SLASHED_ID } from './shared';

const tags = ['Images'];
const size = `${SOCIAL_SIZE.width} × ${SOCIAL_SIZE.height}`;

const metricSocial = createRoute({
  method: 'get',
  path: '/metrics/{id}/social.svg',
  operationId: 'getSocialImage',
  tags,
  summary: 'A metric\u2019s social preview (SVG)',
  description: `${size}: the site\u2019s name, the metric\u2019s card, a chart of its last five years and the source, for Open Graph and Twitter cards (use the PNG twin there).`,
  middleware: [imageErrors, edgeCache({ kind: 'image', query: p.langQuery })] as const,
  request: { params: p.metricIdParams, query: p.langQuery },
  responses: svgResponses('The preview.'),
});

const frontSocial = createRoute({
  method: 'get',
  path: '/social.svg',
  operationId: 'getSiteSocialImage',
  tags,
  summary: 'The front page\u2019s social preview (SVG)',
  description: `${size}: the site\u2019s name and tagline with the headline figure (${FRONT_PAGE_METRIC}), its chart and source.`,
  middleware: [imageErrors, edgeCache({ kind: 'image', query: p.langQuery })] as const,
  request: { query: p.langQuery },
  responses: svgResponses('The preview.'),
});

const metricHandler: RouteHandler<typeof metricSocial, AppEnv> = (c) =>
  c.body(socialSvg(checkSocialRequest(c.req.valid('param').id), c.get('language'), false), 200, SVG_HEADERS);

export const social = new OpenAPIHono<AppEnv>()
  .openapi(metricSocial, metricHandler)
  .openapi(frontSocial, (c) => c.body(socialSvg(checkSocialRequest(FRONT_PAGE_METRIC), c.get('language'), true), 200, SVG_HEADERS));

const slashedSocial = { ...metricSocial, path: `/metrics/${SLASHED_ID}/social.svg`, hide: true } as const;
social.openapi(slashedSocial, metricHandler);

/** The SVG routes of this file, which get PNG twins. */
export const SOCIAL_SVG_ROUTES = [metricSocial, frontSocial, slashedSocial] as const;
