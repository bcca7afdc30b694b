/**
 * The shapes of the API bodies the elements draw, and the guard that checks a body against one
 * before it is drawn: a body of another shape (a changed or broken API) becomes the error state
 * and a typed event, never an exception in the host page.
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

/**
 * Where `body` departs from `shape`, in words (`points[3] is not an object`), or undefined when
 * it fits. `path` names `body`: a field's name, or "the answer" for the whole body.
 */
export function mismatch(body: unknown, shape: Shape, path = 'the answer'): string | undefined {
  const list = Array.isArray(shape);
  if (list ? !Array.isArray(body) : typeof body != 'object' || !body) return `${path} is not ${list ? 'a list' : 'an object'}`;
  const fields = body as Record<string, unknown>;
  for (const key in list ? fields : shape) {
    const found = mismatch(fields[key], list ? shape[0] : (shape as Record<string, Shape>)[key]!, list ? `${path}[${key}]` : key);
    if (found) return found;
  }
}
