/**
 * The OpenAPI document checked by @seriousme/openapi-schema-validator itself. The validator
 * reads its JSON schemas from disk, which workerd cannot, so this runs under Node on the
 * document the app serves (app.request); test/worker/openapi.test.ts checks the same document
 * inside workerd and the responses against it.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';

/** What this test needs of the Hono app (Hono's `app.request`), the worker's named export `app`. */
interface App {
  request(path: string): Response | Promise<Response>;
}

// Imported by a non-literal specifier: the root TypeScript project (Node types) cannot see
// workerd's ambient types (Env, Cache), which worker/tsconfig.json checks the app with.
const WORKER_ENTRY = '../../worker/index';
let app: App;
beforeAll(async () => {
  app = ((await import(/* @vite-ignore */ WORKER_ENTRY)) as { app: App }).app;
});

describe('OpenAPI document (Node)', () => {
  it('is a valid OpenAPI 3.1 document with resolvable references', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('rejects a broken document (the check can fail)', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as Record<string, unknown>;
    const result = await new Validator().validate({ ...doc, paths: { '/x': { get: { responses: { 200: { $ref: '#/components/responses/Missing' } } } } } });
    expect(result.valid).toBe(false);
  });
});
