/**
 * `/robots.txt` and `/sitemap.xml`, for search engines (worker/pages/crawler-files.ts writes
 * them). The sitemap's ids are read from the dataset at each request, never kept: the dataset
 * may gain metrics while an isolate lives. Revalidated with an ETag, kept as long as the docs.
 */
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import { cacheControl } from '../cache-policy';
import type { AppEnv } from '../env';
import { robotsTxt, sitemapXml } from '../pages/crawler-files';
import { metricIds } from '../views/lookup';

const origin = (c: Context<AppEnv>): string => new URL(c.req.url).origin;

const crawlers = new Hono<AppEnv>()
  .get('/robots.txt', etag(), (c) => c.text(robotsTxt(origin(c)), 200, { 'Cache-Control': cacheControl('docs') }))
  .get('/sitemap.xml', etag(), (c) =>
    c.body(sitemapXml(origin(c), metricIds()), 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': cacheControl('docs'),
    }),
  );

export default crawlers;
