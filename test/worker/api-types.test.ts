/**
 * One source of truth for the API's response shapes: the worker's zod schemas (worker/schemas.ts).
 * The elements keep their own narrow types (@peru-exports/widgets/api-types: the fields they read,
 * no zod in the bundle), and `npm run typecheck` checks here that every answer the schemas allow
 * is one those types accept, field by field. A widget type that drifts from the API (a field
 * renamed, a null the API can send that the element does not expect) fails the typecheck.
 */
import type { MetricResponse, RankingResponse, SeriesPoint, SeriesResponse } from '@peru-exports/widgets/api-types';
import { expectTypeOf, it } from 'vitest';
import type { MetricDetailBody, RankingBody, SeriesBody } from '../../worker/schemas';

it('the elements read the fields the API writes, with the types it writes them in', () => {
  expectTypeOf<SeriesBody>().toExtend<SeriesResponse>();
  expectTypeOf<SeriesBody['points'][number]>().toExtend<SeriesPoint>();
  expectTypeOf<RankingBody>().toExtend<RankingResponse>();
  expectTypeOf<MetricDetailBody>().toExtend<MetricResponse>();
});
