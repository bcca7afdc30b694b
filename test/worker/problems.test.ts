/**
 * Problems carry their kind as data (worker/problem.ts): one table of kinds with status, title and
 * the reference's text; nothing reads a kind back from a `type` URL or a message.
 */
import { describe, expect, it } from 'vitest';
import { problem, problemBody, problemResponse, PROBLEM_KINDS, type ProblemType } from '../../worker/problem';
import { errorCode } from '../../worker/routes/images';

describe('problem kinds', () => {
  it('builds every kind from the one table', () => {
    for (const [kind, { status, title }] of Object.entries(PROBLEM_KINDS)) {
      expect(problem(kind as ProblemType, 'why')).toEqual({ kind, type: `/docs#problem-${kind}`, title, status, detail: 'why' });
    }
  });

  it('sends the type, not the kind, in the body', () => {
    const body = problemBody(problem('unknown-metric', 'There is no metric "x".', { closeMatches: ['total'] }));
    expect(body).not.toHaveProperty('kind');
    expect(body).toMatchObject({ type: '/docs#problem-unknown-metric', status: 404, closeMatches: ['total'] });
  });

  it('answers a 501 as any other problem', async () => {
    const res = problemResponse(problem('not-implemented', 'Only format=json is offered.', { instance: '/oembed' }));
    expect(res.status).toBe(501);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: '/docs#problem-not-implemented',
      title: 'Not implemented',
      detail: 'Only format=json is offered.',
    });
  });

  it('names an error image by the problem\u2019s kind, whatever its type says', () => {
    expect(errorCode({ ...problem('unknown-metric', 'x'), type: '/elsewhere#problem-internal' })).toBe('unknown-metric');
    expect(errorCode(problem('invalid-parameter', 'x'))).toBe('bad-parameter');
  });
});
