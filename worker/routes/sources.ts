/** /v1/sources: the provenance table. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { csvFileName, csvResponse } from '../csv';
import type { AppEnv } from '../env';
import { edgeCache } from '../middleware/edge-cache';
import * as p from '../params';
import { Sources } from '../schemas';
import { envelope } from '../views/envelope';
import { sourceItems, sourcesTable } from '../views/sources';
import { csvInstead, csvResponses, jsonOrCsvResponses } from './shared';

const tags = ['Sources'];
const description =
  'Where every figure comes from: publisher, title, address, what the figures measure, unit, coverage, licence, ' +
  'and the caveats (preliminary periods, the unit correction, differences between tables).';

const list = createRoute({
  method: 'get',
  path: '/sources',
  operationId: 'getSources',
  tags,
  summary: 'Sources (provenance)',
  description,
  middleware: [edgeCache({ kind: 'reference', query: p.langFormatQuery })] as const,
  request: { query: p.langFormatQuery },
  responses: jsonOrCsvResponses('The sources.', Sources),
});

const listCsv = createRoute({
  method: 'get',
  path: '/sources.csv',
  operationId: 'getSourcesCsv',
  tags,
  summary: 'Sources (CSV)',
  description: `${description} As a CSV file: one row per source, notes joined with " | ".`,
  middleware: [edgeCache({ kind: 'reference', query: p.langQuery })] as const,
  request: { query: p.langQuery },
  responses: csvResponses('The sources as CSV.'),
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
