/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Handlers and middleware
 * throw `ProblemError` (an `HTTPException`); `app.onError` turns every thrown error into a
 * response in one place (worker/index.ts).
 *
 * RFC 9457 §3.1: "type" is a URI reference that identifies the problem type; it resolves
 * against the request URL, so `/docs#problem-…` points at the API reference's description.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { cacheControl } from './cache-policy';
import { API_VERSION, datasetVersion } from './version';

/** One rejected request parameter: its name, what was wrong, and what it accepts. */
export interface ParamError {
  param: string;
  message: string;
  allowed: string;
}

/**
 * Every kind of problem the API answers, once: its status, title, and what the API reference says
 * of it (`/docs#problem-<kind>`, the problem's `type`). Code reads a problem's `kind`, never its
 * `type` URL or its message.
 */
export const PROBLEM_KINDS = {
  'invalid-parameter': {
    status: 400,
    title: 'Invalid request parameter',
    description:
      '400. A query parameter is unknown, malformed, given twice, or out of range (a reversed period range, a year ' +
      'without data). `errors` names each one, says what was wrong and what is allowed.',
  },
  'unknown-metric': {
    status: 404,
    title: 'Unknown metric',
    description: '404. No series or highlight has this id. `closeMatches` lists the closest ids.',
  },
  'not-found': { status: 404, title: 'Not found', description: '404. No such resource (or a highlight asked for as a series).' },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: '405. The API is read-only: GET, HEAD and OPTIONS. The `Allow` header lists them.',
  },
  'not-implemented': {
    status: 501,
    title: 'Not implemented',
    description: '501. oEmbed in a format other than JSON (the oEmbed spec\u2019s answer; answered, not a fault).',
  },
  internal: { status: 500, title: 'Internal error', description: '500. A fault of ours; it is logged. No input should ever produce one.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string; description: string }>;

export type ProblemType = keyof typeof PROBLEM_KINDS;

export interface Problem {
  /** What kind of problem (PROBLEM_KINDS); not sent: the body's `type` names it. */
  kind: ProblemType;
  type: string;
  title: string;
  status: ContentfulStatusCode;
  detail: string;
  /** The request path that failed. */
  instance?: string;
  errors?: ParamError[];
  /** For unknown metric ids: the closest known ids, best first. */
  closeMatches?: string[];
  /** For 405: the methods the resource supports. */
  allow?: string[];
}

export function problem(
  kind: ProblemType,
  detail: string,
  extra: Partial<Omit<Problem, 'kind' | 'type' | 'title' | 'status'>> = {},
): Problem {
  const { status, title } = PROBLEM_KINDS[kind];
  return { kind, type: `/docs#problem-${kind}`, title, status, detail, ...extra };
}

/** A problem to throw; `app.onError` answers it. */
export class ProblemError extends HTTPException {
  constructor(readonly problem: Problem) {
    super(problem.status, { message: problem.detail });
  }
}

/** 400 naming each bad parameter (`detail`: a summary other than the one made from them). */
export function invalidParams(errors: ParamError[], detail?: string): ProblemError {
  const names = [...new Set(errors.map((e) => e.param))];
  const messages = [...new Set(errors.map((e) => e.message))];
  // One message (one parameter, or one fault of several, like a reversed range) says it best.
  detail ??= messages.length === 1 && messages[0] ? messages[0] : `${names.length} parameters are invalid: ${names.join(', ')}`;
  return new ProblemError(problem('invalid-parameter', detail, { errors }));
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The JSON body of a problem, with the versions every JSON body carries (its `kind` is said by `type`). */
export function problemBody({ kind: _kind, ...p }: Problem): Omit<Problem, 'kind'> & { apiVersion: string; datasetVersion: string } {
  return { ...p, apiVersion: API_VERSION, datasetVersion };
}

/** A problem as `application/problem+json`, cached briefly (cache-policy `error`). */
export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(p)), {
    status: p.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': cacheControl('error'), ...headers },
  });
}

/** Any thrown value as a problem: ours as they are, Hono's by status, anything else as 500. */
export function toProblem(err: unknown, path: string): Problem {
  if (err instanceof ProblemError) return { ...err.problem, instance: err.problem.instance ?? path };
  if (err instanceof HTTPException) {
    const status = err.status;
    const kind: ProblemType =
      status === 404 ? 'not-found' : status === 405 ? 'method-not-allowed' : status >= 500 ? 'internal' : 'invalid-parameter';
    return { ...problem(kind, err.message || PROBLEM_KINDS[kind].title), status, instance: path };
  }
  return { ...problem('internal', 'The server could not answer this request; it has been logged.'), instance: path };
}
