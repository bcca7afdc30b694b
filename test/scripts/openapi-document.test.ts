/**
 * The OpenAPI document checked by @seriousme/openapi-schema-validator itself. The validator
 * reads its JSON schemas from disk, which workerd cannot, so this runs under Node on the
 * document the app serves (app.request); test/worker/openapi.test.ts checks the same document
 * inside workerd and the responses against it.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedOpenApiDocument, type OpenApiJson } from '../../scripts/openapi-document';

let served: OpenApiJson;
beforeAll(async () => {
  served = await servedOpenApiDocument();
});

describe('OpenAPI document (Node)', () => {
  it('is a valid OpenAPI 3.1 document with resolvable references', async () => {
    const validator = new Validator();
    const result = await validator.validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('rejects a broken document (the check can fail)', async () => {
    const result = await new Validator().validate({
      ...served,
      paths: { '/x': { get: { responses: { 200: { $ref: '#/components/responses/Missing' } } } } },
    });
    expect(result.valid).toBe(false);
  });
});
