/**
 * The response bodies, as zod schemas: they describe the responses in the OpenAPI document
 * (each becomes a named component), type the view functions (worker/views) and let tests
 * check real responses against the document. The field names follow
 * the OpenAPI document; objects are strict, so the document lists every field there is.
 */
import { z } from '@hono/zod-openapi';
import { LANGS } from '../data/types';
import { METRIC_KINDS } from './params';

const period = z.string().openapi({ description: 'YYYY-MM for a month, YYYY for a year.', example: '2025-04' });
const formatted = z.string().openapi({ description: 'The number written for the response language.' });
const periodLabel = z.string().openapi({
  description:
    'The period in words for the response language (a month in full; a year as it is), and for a year the data hold only in part, how many months it holds.',
  example: 'abril de 2025',
});
const spokenValue = z.string().openapi({
  description: 'The figure as a screen reader should say it (for US dollars: in words, without the symbol).',
  example: '74,7 mil millones de dólares',
});

/** Fields of every JSON body. */
export const envelope = {
  apiVersion: z.string().openapi({ description: 'Version of this API.', example: '1' }),
  datasetVersion: z.string().openapi({ description: 'Content hash of the dataset that produced the figures.', example: '98f29c52e7c1' }),
  lang: z.enum(LANGS).openapi({ description: 'Language of labels and formatted numbers.' }),
};

export const MaybePeriodValue = z
  .strictObject({
    period,
    periodLabel,
    value: z.number().nullable(),
    formattedValue: formatted.nullable(),
    spokenValue: spokenValue.nullable().openapi({
      description:
        'The figure as a screen reader should say it: US dollars in words ("74.7 billion US dollars"); another unit as `formattedValue`; null without a figure.',
    }),
  })
  .openapi('MaybePeriodValue', {
    description: 'A figure that may be missing (null): a gap in a series, or a press-release figure without a level.',
  });

export const PeriodRange = z
  .strictObject({ from: period, to: period, label: z.string().openapi({ example: 'ene–abr 2024' }) })
  .openapi('PeriodRange', { description: 'A run of periods and its label: "2024", "Jan–Apr 2024", "May 2024 – Apr 2025".' });

const frequency = z.enum(['monthly', 'annual']);
const seriesKind = z.enum(METRIC_KINDS);

export const MetricSummary = z
  .strictObject({
    id: z.string().openapi({ example: 'destination/CN' }),
    label: z.string().openapi({ example: 'China' }),
    kind: seriesKind,
    unit: z.literal('USD'),
    frequency,
    source: z.string().openapi({ description: 'Source id, see /v1/sources.', example: 'sunat-g6' }),
    parent: z.string().nullable().openapi({ description: 'The series this one is a part of (the denominator of its share).' }),
    iso2: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2 code for destinations that are countries.' }),
    first: period.openapi({ description: 'First period of the series.' }),
    last: period.openapi({ description: 'Last period of the series.' }),
    preliminaryFrom: period.nullable().openapi({ description: 'First period the source marks preliminary.' }),
    latest: MaybePeriodValue.openapi({ description: 'The latest reported figure (null value only for a series without any).' }),
  })
  .openapi('MetricSummary');

export const MetricCatalogue = z
  .strictObject({ ...envelope, count: z.number().int(), metrics: z.array(MetricSummary) })
  .openapi('MetricCatalogue');

export const Provenance = z
  .strictObject({
    id: z.string(),
    publisher: z.string(),
    title: z.string(),
    url: z.string(),
    notes: z.array(z.string()).openapi({ description: 'Caveats: preliminary periods, unit corrections, differences to other sources.' }),
  })
  .openapi('Provenance');

const change = {
  changePct: z.number().nullable().openapi({ description: 'Change in percent against `previous`.' }),
  formattedChange: z.string().nullable(),
};

export const MetricDetail = z
  .strictObject({
    ...envelope,
    id: z.string(),
    label: z.string(),
    kind: z.enum([...METRIC_KINDS, 'highlight']),
    unit: z.enum(['USD', 'percent', 'count', 'share', 'named', 'fact']).openapi({
      description:
        'USD for every series; press-release highlights may be a count, a share in percent, a growth rate only (percent) or a statement (named, fact).',
    }),
    frequency,
    parent: z.string().nullable(),
    iso2: z.string().nullable(),
    latest: MaybePeriodValue,
    previous: z.strictObject({ period, value: z.number(), formattedValue: formatted, derived: z.boolean() }).nullable().openapi({
      description:
        'The comparable earlier figure: the same month a year earlier (monthly), the year before (annual). `derived` when computed from published level and growth rather than published.',
    }),
    ...change,
    spokenChange: z.string().nullable().openapi({
      description:
        '`changePct` in words, against the same period a year earlier ("15,6 % más que en abril de 2024", "down 3% from 2023", "unchanged from 2023"); null when `changePct` is.',
      example: 'up 15.6% from 2023',
    }),
    share: z
      .strictObject({ of: z.string(), ofLabel: z.string(), pct: z.number(), formattedPct: z.string() })
      .nullable()
      .openapi({ description: 'Share of the parent series in the latest period, where there is a parent.' }),
    annual: z
      .strictObject({
        year: z.number().int(),
        value: z.number(),
        formattedValue: formatted,
        periodLabel: periodLabel.openapi({ example: '2025 (4 meses)' }),
        partial: z.boolean().openapi({ description: 'The year is not complete in the data (e.g. January–April).' }),
        months: z.number().int().openapi({ description: 'Months of the year with a reported value.' }),
        ...change,
        comparedWith: PeriodRange.openapi({
          description: 'What the change is against: the year before, or for a partial year the same months of it ("ene–abr 2024").',
        }),
      })
      .nullable()
      .openapi({
        description:
          'The year of the latest figure. Its change compares the same months of the year before when the year is partial (`comparedWith`).',
      }),
    preliminary: z.boolean().openapi({ description: 'The latest figure is preliminary and may be revised.' }),
    provisional: z
      .strictObject({
        kind: z.enum(['incomplete', 'estimate']),
        from: period.openapi({ description: 'The first period inside the revision window.' }),
        label: z.string().openapi({ description: 'A short note for beside the period, e.g. "incompleto".', example: 'preliminary' }),
        note: z.string().openapi({ description: 'Why, in a sentence (the source\u2019s revision window, /v1/sources).' }),
      })
      .nullable()
      .openapi({
        description:
          'Set when the latest period lies inside its source\u2019s revision window (counted back from the series\u2019 latest month): ' +
          'the figure and its change will likely be revised. `incomplete` figures run low until late declarations are counted ' +
          '(SUNAT: its latest change can show a fall that did not happen); `estimate`s are revised either way (BCRP).',
      }),
    source: Provenance,
    quote: z.string().nullable().openapi({ description: 'For highlights: the press-release sentence the figure comes from.' }),
    related: z
      .string()
      .nullable()
      .openapi({ description: 'For highlights: a SUNAT series measuring a comparable thing (never mixed in).' }),
  })
  .openapi('MetricDetail');

export const SeriesPoint = z
  .strictObject({
    period,
    periodLabel: periodLabel.openapi({ example: '2025 (4 meses)' }),
    value: z.number().nullable().openapi({ description: 'Null where the source reports nothing.' }),
    formattedValue: formatted.nullable(),
    partial: z.boolean().optional().openapi({
      description: 'Annual points: the year is incomplete in the data (its sum covers `months` months; images draw it lighter).',
    }),
    months: z.number().int().optional().openapi({ description: 'Annual points: months with a reported value.' }),
  })
  .openapi('SeriesPoint');

export const Series = z
  .strictObject({
    ...envelope,
    id: z.string(),
    label: z.string(),
    unit: z.literal('USD'),
    frequency: frequency.openapi({ description: 'Frequency of the points.' }),
    source: z.string(),
    from: period.openapi({ description: 'First period returned (after clipping to the series).' }),
    to: period.openapi({ description: 'Last period returned.' }),
    preliminaryFrom: period.nullable(),
    description: z.string().openapi({
      description:
        'A summary of the returned points for screen readers (first and last, lowest and highest, gaps): the description of the sparkline.svg image of the same range. A partial year is named apart, never as the first, last, lowest or highest of the whole years.',
      example:
        'From US$64.3 billion in 2023 to US$73.6 billion in 2024; lowest US$64.3 billion in 2023, highest US$73.6 billion in 2024. Partial year: US$22.5 billion in 2025 (4 months).',
    }),
    points: z.array(SeriesPoint),
  })
  .openapi('Series');

export const RankingItem = z
  .strictObject({
    rank: z.number().int(),
    id: z.string(),
    label: z.string(),
    iso2: z.string().nullable(),
    parent: z.string().nullable(),
    value: z.number(),
    formattedValue: formatted,
    spokenValue: spokenValue.openapi({ example: '24.6 billion US dollars' }),
    sharePct: z.number().openapi({ description: 'Share of the total in percent.' }),
    formattedShare: z.string(),
    growthPct: z
      .number()
      .nullable()
      .openapi({ description: 'Change in percent against the same months a year earlier (`period.comparedWith`).' }),
    formattedGrowth: z.string().nullable(),
  })
  .openapi('RankingItem');

export const Ranking = z
  .strictObject({
    ...envelope,
    kind: z.enum(['destinations', 'sectors']),
    source: z.string(),
    period: z.strictObject({
      from: period,
      to: period,
      label: z.string().openapi({ example: '2024' }),
      year: z.number().int().nullable().openapi({ description: 'The year asked for; null for the latest 12 months.' }),
      partial: z
        .boolean()
        .openapi({ description: 'Fewer than 12 months of data: a partial year, ranked by its months (`label` "Jan–Apr 2025").' }),
      months: z.number().int(),
      comparedWith: PeriodRange.openapi({
        description: 'What each growth is against: the same months a year earlier ("Jan–Apr 2024" for a partial 2025).',
      }),
    }),
    total: z.strictObject({ id: z.string(), label: z.string(), value: z.number(), formattedValue: formatted }),
    count: z.number().int().openapi({ description: 'How many items have a value in the period (before `limit`).' }),
    items: z.array(RankingItem),
  })
  .openapi('Ranking');

export const HighlightItem = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    unit: z.enum(['USD', 'percent', 'count', 'share', 'named', 'fact']),
    period,
    value: z.number().nullable(),
    formattedValue: z.string().nullable(),
    growthPct: z.number().nullable(),
    formattedGrowth: z.string().nullable(),
    previous: z
      .strictObject({ period, value: z.number(), formattedValue: formatted, derived: z.literal(true) })
      .nullable()
      .openapi({ description: 'The year before, derived from the published level and growth.' }),
    quote: z.string(),
    related: z.string().nullable(),
    source: z.string(),
  })
  .openapi('HighlightItem');

export const Highlights = z
  .strictObject({ ...envelope, source: Provenance, count: z.number().int(), items: z.array(HighlightItem) })
  .openapi('Highlights');

export const SourceItem = z
  .strictObject({
    id: z.string(),
    publisher: z.string(),
    title: z.string(),
    url: z.string(),
    definition: z.string(),
    unit: z.string(),
    coverage: z.string(),
    licence: z.string().nullable(),
    notes: z.array(z.string()),
    revision: z
      .strictObject({
        months: z.number().int().openapi({ description: 'How many of a series\u2019 latest months the source may still revise.' }),
        kind: z.enum(['incomplete', 'estimate']).openapi({
          description:
            '`incomplete`: the latest months run low until late declarations are counted (SUNAT). `estimate`: revised either way (BCRP).',
        }),
        note: z.string(),
      })
      .nullable()
      .openapi({ description: 'The revision window: months inside it are provisional. null when figures are final as published.' }),
    cadence: z
      .strictObject({
        every: z.enum(['month', 'year']),
        lagMonths: z.number().int().openapi({ description: 'How many months after a period ends its figure usually appears.' }),
      })
      .nullable()
      .openapi({ description: 'How often the source publishes; null for a fixed publication (a press release, an archived extract).' }),
  })
  .openapi('Source');

export const Sources = z.strictObject({ ...envelope, count: z.number().int(), sources: z.array(SourceItem) }).openapi('Sources');

export const SourceStatus = z
  .strictObject({
    id: z.string().openapi({ example: 'bcrp' }),
    publisher: z.string(),
    live: z.boolean().openapi({ description: 'Refreshed by the scheduled job (true), or only with a new deploy (false).' }),
    served: z.strictObject({
      version: z.string().openapi({ description: 'Version of the figures served (for a live source, its snapshot\u2019s content hash).' }),
      origin: z.enum(['bundled', 'published']).openapi({
        description: '`bundled`: the figures committed with the code; `published`: a snapshot the scheduled refresh published.',
      }),
      fetchedAt: z.string().nullable().openapi({ description: 'When the served figures were read from the source (ISO 8601).' }),
    }),
    firstPeriod: period.nullable(),
    latestPeriod: period.nullable().openapi({ description: 'The latest period with a figure.' }),
    provisionalFrom: period.nullable().openapi({
      description:
        'The first period inside the source\u2019s revision window (counted back from `latestPeriod`): figures from there on are provisional.',
    }),
    lastChecked: z
      .string()
      .nullable()
      .openapi({ description: 'When the scheduled refresh last asked the source (ISO 8601); null if never.' }),
    lastChanged: z
      .string()
      .nullable()
      .openapi({ description: 'When the served figures last changed (a publication or a rollback; ISO 8601).' }),
    lastOutcome: z
      .strictObject({ outcome: z.enum(['published', 'unchanged', 'failed', 'skipped', 'pinned']), message: z.string() })
      .nullable()
      .openapi({ description: 'What the last refresh did.' }),
    lastError: z
      .strictObject({ at: z.string(), message: z.string() })
      .nullable()
      .openapi({ description: 'The last failed refresh, kept after later successes.' }),
    expectedLatest: period
      .nullable()
      .openapi({ description: 'The latest period the source usually has published by now (from its cadence).' }),
    stale: z
      .boolean()
      .openapi({ description: 'True when `latestPeriod` is older than `expectedLatest`: the figures lag the source\u2019s usual rhythm.' }),
    note: z.string().openapi({ description: 'How this source is kept up to date, in the response language.' }),
  })
  .openapi('SourceStatus');

export const Status = z
  .strictObject({
    ...envelope,
    now: z.string().openapi({ description: 'When this answer was made (ISO 8601); it is cached for a minute.' }),
    sources: z.array(SourceStatus),
  })
  .openapi('Status');

export const ProblemDetails = z
  .strictObject({
    type: z.string().openapi({ description: 'URI reference of the problem type (RFC 9457).', example: '/docs#problem-invalid-parameter' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.strictObject({ param: z.string(), message: z.string(), allowed: z.string() }))
      .optional()
      .openapi({ description: 'Each rejected parameter, what was wrong and what it accepts.' }),
    closeMatches: z.array(z.string()).optional().openapi({ description: 'Known ids close to an unknown one.' }),
    allow: z.array(z.string()).optional(),
    apiVersion: z.string(),
    datasetVersion: z.string(),
  })
  .openapi('Problem');

export type MetricSummaryBody = z.infer<typeof MetricSummary>;
export type MetricCatalogueBody = z.infer<typeof MetricCatalogue>;
export type MetricDetailBody = z.infer<typeof MetricDetail>;
export type SeriesBody = z.infer<typeof Series>;
export type RankingBody = z.infer<typeof Ranking>;
export type HighlightItemBody = z.infer<typeof HighlightItem>;
export type SourceItemBody = z.infer<typeof SourceItem>;
export type SourceStatusBody = z.infer<typeof SourceStatus>;
export type ProvenanceBody = z.infer<typeof Provenance>;
export type PeriodRangeBody = z.infer<typeof PeriodRange>;

/** Responses every route may give besides its 200. */
export const problemResponses = {
  400: { description: 'A parameter is invalid or unknown.', content: { 'application/problem+json': { schema: ProblemDetails } } },
  404: {
    description: 'No such resource (for a metric: with close matches).',
    content: { 'application/problem+json': { schema: ProblemDetails } },
  },
  405: { description: 'Only GET, HEAD and OPTIONS are allowed.', content: { 'application/problem+json': { schema: ProblemDetails } } },
} as const;

/** The response headers of every 200 (documented once). */
export const cacheHeaders = {
  ETag: { description: 'Strong validator; changes only with the dataset or the API version.', schema: { type: 'string' as const } },
  'Cache-Control': { description: 'Lifetimes from the cache policy table.', schema: { type: 'string' as const } },
  'X-Cache': {
    description:
      'HIT when served from the edge cache (or from the answer the same worker instance already keeps in memory), MISS when computed.',
    schema: { type: 'string' as const },
  },
};
