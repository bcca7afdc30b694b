/**
 * What the bench and the soak request, as data. A route that the worker does not answer yet
 * (404, or no ETag to revalidate) is reported as "not available" rather than failing the
 * run, so the harness picks routes up as they land. Paths follow worker/schemas.ts and /openapi.json.
 */
import type { SocketName } from './workerd-config';

export type RouteKind = 'text' | 'json' | 'svg' | 'revalidate' | 'asset';

export interface BenchRoute {
  id: string;
  label: string;
  path: string;
  kind: RouteKind;
  /** Which workerd socket serves it: the app directly, or the emulated asset layer in front. */
  socket: SocketName;
  /** Status a working route answers. */
  expectStatus: number;
  /** Content type a working route answers (prefix match); none for a 304. */
  expectType?: string;
  /** Minimum requests per second relative to the Hono hello-world baseline; null = no target. */
  minRatio: number | null;
  /** For `revalidate`: the route whose ETag is sent back in If-None-Match. */
  revalidates?: string;
}

export const BENCH_ROUTES: BenchRoute[] = [
  {
    // Not in the list: the app's floor (global middleware, routing, no data, no cache),
    // which tells a route's own cost apart from what every request pays.
    id: 'health',
    label: 'health (floor)',
    path: '/healthz',
    kind: 'text',
    socket: 'app',
    expectStatus: 200,
    expectType: 'text/plain',
    minRatio: null,
  },
  {
    id: 'metric-json',
    label: 'metric JSON',
    path: '/v1/metrics/total',
    kind: 'json',
    socket: 'app',
    expectStatus: 200,
    expectType: 'application/json',
    minRatio: 0.95,
  },
  {
    id: 'series-json',
    label: 'series JSON',
    path: '/v1/metrics/destination/CN/series?from=2023-01&to=2024-12',
    kind: 'json',
    socket: 'app',
    expectStatus: 200,
    expectType: 'application/json',
    minRatio: 0.95,
  },
  {
    id: 'ranking-json',
    label: 'ranking JSON',
    path: '/v1/rankings/destinations?year=2024',
    kind: 'json',
    socket: 'app',
    expectStatus: 200,
    expectType: 'application/json',
    minRatio: 0.95,
  },
  {
    id: 'sparkline-svg',
    label: 'sparkline SVG',
    path: '/v1/metrics/total/sparkline.svg',
    kind: 'svg',
    socket: 'app',
    expectStatus: 200,
    expectType: 'image/svg+xml',
    minRatio: 0.9,
  },
  {
    id: 'card-svg',
    label: 'card SVG',
    path: '/v1/metrics/total/card.svg',
    kind: 'svg',
    socket: 'app',
    expectStatus: 200,
    expectType: 'image/svg+xml',
    minRatio: 0.9,
  },
  {
    id: 'revalidate-304',
    label: '304 revalidation',
    path: '/v1/metrics/total',
    kind: 'revalidate',
    socket: 'app',
    expectStatus: 304,
    minRatio: 0.95,
    revalidates: 'metric-json',
  },
  {
    id: 'widget-bundle',
    label: 'widget bundle',
    path: '/widgets/v1/peru-exports.js',
    kind: 'asset',
    socket: 'edge',
    expectStatus: 200,
    expectType: 'text/javascript',
    minRatio: null, // served by the asset layer, not the worker: measured, no ratio target
  },
];

/** The baseline request every ratio is measured against. */
export const BASELINE_PATH = '/';

export interface SoakRequest {
  label: string;
  path: string;
  headers?: Record<string, string>;
  /** The statuses a correct server may answer (bad requests: a 4xx, never a 5xx). */
  allowed: number[];
}

/**
 * The soak's mix, sent through the edge socket as a browser would arrive: every bench route,
 * the other contract routes, and bad requests that must get a clear 4xx (or, for images, an
 * error image), never a 5xx.
 */
export const SOAK_MIX: SoakRequest[] = [
  ...BENCH_ROUTES.filter((r) => r.kind !== 'revalidate').map((r) => ({ label: r.label, path: r.path, allowed: [200] })),
  { label: 'metric JSON, English', path: '/v1/metrics/sector/agro?lang=en', allowed: [200] },
  { label: 'metric list', path: '/v1/metrics', allowed: [200] },
  { label: 'highlights', path: '/v1/highlights', allowed: [200] },
  { label: 'sector ranking', path: '/v1/rankings/sectors', allowed: [200] },
  { label: 'series CSV', path: '/v1/metrics/total/series.csv?from=2024-01', allowed: [200] },
  { label: 'dark area sparkline', path: '/v1/metrics/destination/US/sparkline.svg?type=area&theme=dark&width=320', allowed: [200] },
  { label: 'English card', path: '/v1/metrics/destination/CN/card.svg?lang=en', allowed: [200] },
  // Bad requests.
  { label: 'unknown metric', path: '/v1/metrics/destination/XX', allowed: [404] },
  { label: 'bad period', path: '/v1/metrics/total/series?from=banana', allowed: [400] },
  { label: 'reversed range', path: '/v1/metrics/total/series?from=2024-12&to=2023-01', allowed: [400] },
  { label: 'bad year', path: '/v1/rankings/destinations?year=1800', allowed: [400, 404] },
  { label: 'bad limit', path: '/v1/rankings/destinations?limit=-3', allowed: [400] },
  { label: 'bad image size', path: '/v1/metrics/total/sparkline.svg?width=-5&height=99999', allowed: [200, 400] },
  { label: 'image of unknown metric', path: '/v1/metrics/nope/card.svg', allowed: [200, 404] },
  { label: 'bad language', path: '/v1/metrics/total?lang=xx', allowed: [200, 400] },
  { label: 'encoded traversal', path: '/v1/metrics/%2e%2e%2f%2e%2e%2fetc', allowed: [400, 404] },
  { label: 'huge query', path: `/v1/metrics/total?x=${'a'.repeat(4000)}`, allowed: [200, 400, 414] },
  { label: 'missing widget version', path: '/widgets/v999/peru-exports.js', allowed: [404] },
  { label: 'unknown route', path: '/v2/anything', allowed: [404] },
];
