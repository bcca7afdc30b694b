/**
 * /v1/status: how fresh each source's figures are (views/status.ts). Not edge-cached with the
 * data (its ETag would follow the dataset version, but the check times change without it):
 * answered from the isolate's memory, cached for a minute.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { cacheControl } from '../cache-policy';
import type { AppEnv } from '../env';
import { liveView } from '../live/published';
import * as p from '../params';
import { Status } from '../schemas';
import { envelope } from '../views/envelope';
import { statusOf } from '../views/status';
import { jsonResponses } from './shared';

const status = createRoute({
  method: 'get',
  path: '/status',
  operationId: 'getStatus',
  tags: ['Sources'],
  summary: 'Freshness of each source',
  description:
    'Per source: the figures served (bundled with the code, or a snapshot the scheduled refresh published), their first ' +
    'and latest period, the first provisional period (inside the source\u2019s revision window), when the scheduled ' +
    'refresh last asked the source and what it did, when the served figures last changed, the last error, and ' +
    '`stale` when the latest period lags the source\u2019s usual rhythm. Cached for a minute.',
  request: { query: p.query({ lang: p.lang }) },
  responses: jsonResponses('Freshness per source.', Status),
});

export const statusRoutes = new OpenAPIHono<AppEnv>().openapi(status, (c) => {
  const lang = c.get('language');
  c.header('Cache-Control', cacheControl('status'));
  c.header('Vary', 'Accept-Language');
  return c.json({ ...envelope(lang), ...statusOf(liveView(), new Date(), lang) }, 200);
});
