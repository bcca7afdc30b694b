/** /v1/sources: the provenance table. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { csvFileName, csvResponse } from '../csv';
import type { AppEnv } from '../env';
import * as p from '../params';
import { Sources } from '../schemas';
import { envelope } from '../views/envelope';
import { sourceItems, sourcesTable } from '../views/sources';
import { csvInstead, twinRoutes } from './shared';

const tags = ['Sources'];
const description =
  'Where every figure comes from: publisher, title, address, what the figures measure, unit, coverage, licence, ' +
  'and the caveats (preliminary periods, the unit correction, differences between tables).';

const { json: list, csv: listCsv } = twinRoutes({
  path: '/sources',
  operationId: 'getSources',
  tags,
  summary: 'Sources (provenance)',
  description,
  cache: 'reference',
  shape: { lang: p.lang },
  schema: Sources,
  returns: 'The sources.',
  csv: {
    summary: 'Sources (CSV)',
    description: `${description} As a CSV file: one row per source, notes joined with " | ".`,
    returns: 'The sources as CSV.',
  },
});

export const sources = new OpenAPIHono<AppEnv>()
  .openapi(list, (c) => {
    const lang = c.get('language');
    const body = sourceItems(lang);
    if (c.req.valid('query').format === 'csv') {
      return csvInstead(csvResponse(c, csvFileName('peru-exports', 'sources', lang), sourcesTable(body.sources)));
    }
    return c.json({ ...envelope(lang), ...body }, 200);
  })
  .openapi(listCsv, (c) => {
    const lang = c.get('language');
    return csvResponse(c, csvFileName('peru-exports', 'sources', lang), sourcesTable(sourceItems(lang).sources));
  });
