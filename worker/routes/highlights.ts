/** /v1/highlights: the 2024 press-release figures (PROMPERÚ), what most cards show. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { csvFileName, csvResponse } from '../csv';
import type { AppEnv } from '../env';
import * as p from '../params';
import { Highlights } from '../schemas';
import { envelope } from '../views/envelope';
import { highlightItems, highlightsTable } from '../views/highlights';
import { csvInstead, twinRoutes } from './shared';

const tags = ['Highlights'];
const description =
  'Every figure of PROMPERÚ\u2019s press release on 2024 exports, as published: levels in US dollars, growth rates, ' +
  'counts, shares and statements, each with the sentence it comes from. The 2023 level is derived from level and ' +
  'growth where both were published (marked `derived`). These follow MINCETUR\u2019s reckoning and differ from ' +
  'SUNAT\u2019s tables; `related` names a comparable SUNAT series, never mixed in.';

const { json: list, csv: listCsv } = twinRoutes({
  path: '/highlights',
  operationId: 'getHighlights',
  example: 'lang=en',
  tags,
  summary: 'Press-release highlights',
  description,
  cache: 'reference',
  shape: { lang: p.lang },
  schema: Highlights,
  returns: 'The highlights.',
  csv: { description: `${description} As a CSV file: one row per figure.`, returns: 'The highlights as CSV.' },
});

export const highlights = new OpenAPIHono<AppEnv>()
  .openapi(list, (c) => {
    const lang = c.get('language');
    const body = highlightItems(lang);
    if (c.req.valid('query').format === 'csv') {
      return csvInstead(csvResponse(c, csvFileName('peru-exports', 'highlights', lang), highlightsTable(body.items)));
    }
    return c.json({ ...envelope(lang), ...body }, 200);
  })
  .openapi(listCsv, (c) => {
    const lang = c.get('language');
    return csvResponse(c, csvFileName('peru-exports', 'highlights', lang), highlightsTable(highlightItems(lang).items));
  });
