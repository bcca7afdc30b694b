/**
 * Zod validation failures as 400 problems naming each parameter, through OpenAPIHono's
 * `defaultHook` (so no route has to remember it).
 */
import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { closeMatches } from './close-matches';
import type { AppEnv } from './env';
import { invalidParams, type ParamError, type ProblemError } from './problem';

const MAX_ECHO = 40;

/**
 * Unknown parameters named one by one (with their "did you mean"); beyond these, a count. A query
 * of 2,000 unknown parameters (15 KB) answered a 400 of 177 KB, each name with its message and
 * the allowed list: an error must not cost more to send than the request did.
 */
export const MAX_NAMED_UNKNOWN = 5;

function echo(value: string): string {
  return JSON.stringify(value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value);
}

/** The problem for a failed validation of the request's `target` (query, param…). */
export function validationProblem(error: ZodError, target: string, c: Context): ProblemError {
  const errors: ParamError[] = [];
  let unknown: { count: number; named: string[]; allowed: string } | undefined;
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // params.ts `query()` writes the known names as this issue's message.
      const known = issue.message
        .replace(/^parameters: /, '')
        .split(', ')
        .filter(Boolean);
      const named = issue.keys.slice(0, MAX_NAMED_UNKNOWN);
      unknown = { count: issue.keys.length, named, allowed: known.length ? known.join(', ') : 'no parameters' };
      for (const key of named) {
        const suggestions = closeMatches(
          key,
          known.map((name) => ({ key: name })),
          2,
        ).map((name) => `"${name}"`);
        errors.push({
          param: key,
          message: `unknown parameter ${echo(key)}${suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : ''}`,
          allowed: known.length ? known.join(', ') : 'no parameters',
        });
      }
      continue;
    }
    const param = String(issue.path[0] ?? target);
    const allowed = issue.message;
    const given = target === 'query' ? c.req.queries(param) : undefined;
    let message: string;
    if (given && given.length > 1) message = `${param} is given ${given.length} times; give it once, as ${allowed}`;
    else {
      const value = target === 'query' ? c.req.query(param) : target === 'param' ? c.req.param(param) : undefined;
      message = value === undefined ? `${param} must be ${allowed}` : `${param} must be ${allowed}; got ${echo(value)}`;
    }
    errors.push({ param, message, allowed });
  }
  // One error per parameter is enough (a pipe can report the same one twice).
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(e.param) && seen.add(e.param));
  if (unknown && unknown.count > unknown.named.length) {
    const first = unknown.named.map((name) => echo(name).slice(1, -1)).join(', ');
    return invalidParams(
      unique,
      `${unknown.count} unknown parameters (the first ${unknown.named.length}: ${first}); allowed: ${unknown.allowed}`,
    );
  }
  return invalidParams(unique);
}

/** OpenAPIHono's defaultHook: on failure, throw the problem for `app.onError` to answer. */
export const validationHook: NonNullable<OpenAPIHonoOptions<AppEnv>['defaultHook']> = (result, c) => {
  if (!result.success) throw validationProblem(result.error, result.target, c);
  return undefined;
};
