/**
 * The request parameters, defined once: the same zod schemas validate requests and describe
 * them in the OpenAPI document. Convention: each schema's error message is the text of what it
 * allows ("es or en"), so a rejected parameter can always be answered with `allowed`
 * (see validationProblem in validation.ts).
 */
import { z } from '@hono/zod-openapi';
import { LANGS, type MetricKind } from '../data/types';

const PERIOD_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

/** A query string parameter whose every failure says `allowed`. */
export function text(allowed: string) {
  return z.string({ error: allowed });
}

export function queryParam<T extends z.ZodType>(schema: T, name: string, description: string, example: string | number) {
  return schema.openapi({ param: { name, in: 'query', description }, example });
}

export const ALLOWED = {
  lang: 'es or en',
  format: (formats: readonly string[]) => formats.join(' or '),
  period: 'a year YYYY or a month YYYY-MM (e.g. 2024 or 2024-03)',
  freq: 'monthly or annual',
  year: 'a year YYYY (e.g. 2024)',
  limit: (max: number) => `a whole number from 1 to ${max}`,
} as const;

export const lang = queryParam(
  z.enum(LANGS, { error: ALLOWED.lang }).optional(),
  'lang',
  'Language of labels and formatted numbers. Without it the Accept-Language header decides; default es.',
  'en',
);

/** `format`: `json` everywhere, `csv` on the tabular resources (the `.csv` path is the same). */
export function format<const F extends readonly [string, ...string[]]>(formats: F) {
  return queryParam(
    z.enum(formats, { error: ALLOWED.format(formats) }).optional(),
    'format',
    formats.includes('csv')
      ? 'json (default), or csv for the CSV of the same path with a .csv suffix, where its text/csv response is declared (a shortcut for links; a generated client calls the .csv path).'
      : 'json (the only format of this resource).',
    formats.includes('csv') ? 'csv' : 'json',
  );
}

function period(name: 'from' | 'to', description: string, example: string) {
  return queryParam(text(ALLOWED.period).regex(PERIOD_RE, { error: ALLOWED.period }).optional(), name, description, example);
}

export const from = period(
  'from',
  'First period, YYYY-MM or YYYY (a year starts in January). Default: the series\u2019 first period. Clipped to the series\u2019 coverage.',
  '2023-01',
);
export const to = period(
  'to',
  'Last period, YYYY-MM or YYYY (a year ends in December). Default: the series\u2019 last period. Clipped to the series\u2019 coverage.',
  '2024-12',
);

export const freq = queryParam(
  z.enum(['monthly', 'annual'], { error: ALLOWED.freq }).optional(),
  'freq',
  'monthly (monthly series only) or annual (sums of each year; a partial year is marked partial). Default: the series\u2019 own frequency.',
  'annual',
);

/**
 * A whole number in the query string, declared as an integer (so generated clients take a
 * number). Only plain decimal digits, at most `digits` of them, become a number: `Number` alone
 * would also take "", " 5", "1e2" or "0x10". Anything else stays a string and fails `schema`
 * with the parameter's `allowed` text, like every other refusal.
 */
function wholeNumber(digits: number, schema: z.ZodNumber) {
  const form = new RegExp(`^\\d{1,${digits}}$`);
  return z.preprocess((value: unknown) => (typeof value === 'string' && form.test(value) ? Number(value) : value), schema);
}

/**
 * SUNAT's tables G1 and G6, which the rankings rank, begin in January 2005 (data/README.md).
 * The last year grows with the data, so the document states only the first; a year without
 * data is refused by the ranking itself, naming the years it covers.
 */
export const FIRST_RANKED_YEAR = 2005;

export const year = queryParam(
  wholeNumber(4, z.number({ error: ALLOWED.year }).int({ error: ALLOWED.year }))
    .openapi({ minimum: FIRST_RANKED_YEAR })
    .optional(),
  'year',
  `Calendar year to rank, from ${FIRST_RANKED_YEAR} to the latest year with data (a partial year is marked partial). Without it: the latest 12 months.`,
  2024,
);

/** A whole number from 1 to `max`. */
function count(max: number) {
  const allowed = ALLOWED.limit(max);
  return wholeNumber(
    String(max).length,
    z.number({ error: allowed }).int({ error: allowed }).min(1, { error: allowed }).max(max, { error: allowed }),
  );
}

export function limit(max: number, fallback: number) {
  return queryParam(count(max).optional(), 'limit', `How many items, 1 to ${max}; default ${fallback}.`, Math.min(10, max));
}

/** Most points `last` may ask for (the longest monthly series has about 250). */
export const MAX_LAST = 1000;

export const last = queryParam(
  count(MAX_LAST).optional(),
  'last',
  `Only the last N points, 1 to ${MAX_LAST}, ending at \`to\` (default: the series\u2019 last period); with freq=annual, the last N years. Not together with \`from\`.`,
  12,
);

export const METRIC_KINDS = ['total', 'group', 'sector', 'product', 'destination', 'aggregate'] as const satisfies readonly MetricKind[];
export const kind = queryParam(
  z.enum(METRIC_KINDS, { error: METRIC_KINDS.join(', ') }).optional(),
  'kind',
  'Only metrics of this kind.',
  'destination',
);

/**
 * A query object that rejects parameters it does not know (so a random query string is a 400,
 * never a new cache entry) and says which ones it knows.
 */
export function query<S extends z.ZodRawShape>(shape: S) {
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `parameters: ${names}` : undefined),
  });
}

/** The query of a resource whose only parameter is the language (the social previews). */
export const langQuery = query({ lang });

/**
 * Metric ids have one or two segments (`total`, `destination/CN`). The OpenAPI path shows `{id}`;
 * the slash may be sent literally or as %2F (generated clients encode it).
 */
export const metricIdParams = z.object({
  id: z
    .string()
    .min(1)
    .openapi({
      param: { name: 'id', in: 'path', description: 'Metric id from /v1/metrics or /v1/highlights; may contain one slash.' },
      example: 'destination/CN',
    }),
});
