/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Handlers and middleware
 * throw `ProblemError` (an `HTTPException`); `app.onError` turns every thrown error into a
 * response in one place (see respondToError in index.ts).
 *
 * RFC 9457 §3.1: "type" is a URI reference that identifies the problem type; it resolves
 * against the request URL, so `/docs#problem-…` points at the API reference's description.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { API_VERSION, datasetVersion } from './version';

/** One rejected request parameter: its name, what was wrong, and what it accepts. */
export interface ParamError {
  param: string;
  message: string;
  allowed: string;
}

export type ProblemType = 'invalid-parameter' | 'unknown-metric' | 'not-found' | 'method-not-allowed' | 'internal';

export interface Problem {
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

const TITLES: Record<ProblemType, string> = {
  'invalid-parameter': 'Invalid request parameter',
  'unknown-metric': 'Unknown metric',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  internal: 'Internal error',
};

const STATUS: Record<ProblemType, ContentfulStatusCode> = {
  'invalid-parameter': 400,
  'unknown-metric': 404,
  'not-found': 404,
  'method-not-allowed': 405,
  internal: 500,
};

export function problem(kind: ProblemType, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/docs#problem-${kind}`, title: TITLES[kind], status: STATUS[kind], detail, ...extra };
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

/** The JSON body of a problem, with the versions every JSON body carries. */
export function problemBody(p: Problem): Problem & { apiVersion: string; datasetVersion: string } {
  return { ...p, apiVersion: API_VERSION, datasetVersion };
}

/** Any thrown value as a problem: ours as they are, Hono's by status, anything else as 500. */
export function toProblem(err: unknown, path: string): Problem {
  if (err instanceof ProblemError) return { ...err.problem, instance: err.problem.instance ?? path };
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const kind: ProblemType = status === 404 ? 'not-found' : status === 405 ? 'method-not-allowed' : status >= 500 ? 'internal' : 'invalid-parameter';
    return { ...problem(kind, err.message || TITLES[kind]), status, instance: path };
  }
  return { ...problem('internal', 'The server could not answer this request; it has been logged.'), instance: path };
}
