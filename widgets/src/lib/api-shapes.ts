/**
 * The shapes of the API bodies the elements draw, and the guard that checks a body against one
 * before it is drawn: a body of another shape (another JSON API at `api`, or a changed one)
 * becomes the error state and a typed event, never an exception in the host page.
 *
 * A shape lists only the fields an element reads through (`{}` an object, `[shape]` a list of
 * them): texts and numbers are shown as they come, and drawing tolerates any of them.
 */
export type Shape = { readonly [field: string]: Shape } | readonly [Shape];

/** `GET /v1/metrics/{id}`: the card reads `latest.…` and `source.…`. */
export const METRIC: Shape = { latest: {}, source: {} };
/** `GET /v1/metrics/{id}/series` (or a sparkline's `data`): each point is read. */
export const SERIES: Shape = { points: [{}] };
/** `GET /v1/rankings/{kind}` */
export const RANKING: Shape = { period: {}, total: {}, items: [{}] };

/** Whether `body` has `shape`. (A yes or no: a guard naming the field that is wrong took 60 B more of the bundle.) */
export const fits = (body: unknown, shape: Shape): boolean =>
  Array.isArray(shape)
    ? Array.isArray(body) && body.every((item) => fits(item, (shape as readonly [Shape])[0]))
    : typeof body == 'object' &&
      !!body &&
      Object.keys(shape).every((key) => fits((body as Record<string, unknown>)[key], (shape as Record<string, Shape>)[key]!));
