/**
 * The answer memo answers before Hono runs (the default export's fetch, response-memo.ts), so a
 * global middleware added to the app never runs for a memo hit. This rule makes that visible: a
 * new one fails here until it is placed deliberately (in the default export before memoAnswer, if
 * it must see every request, such as logging or rate limits) and listed below.
 */
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/index';

describe('global middleware', () => {
  it('is exactly the four the memo is known to stand in for, its recorder outermost', () => {
    const global = app.routes.filter((r) => r.method === 'ALL' && r.path === '/*').map((r) => r.handler.name);
    expect(
      global,
      'A new global middleware is skipped on every memo hit: if it must see every request, call it in the default ' +
        'export\u2019s fetch before memoAnswer (worker/index.ts); then list it here.',
    ).toEqual(['recordAnswers', 'apiHeaders', 'methodNotAllowed', 'languageDetector']);
  });
});
