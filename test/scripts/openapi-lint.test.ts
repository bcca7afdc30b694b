/**
 * The OpenAPI document through the tools people lint API descriptions with: Redocly's
 * recommended rules and Spectral's spectral:oas (scripts/lint-openapi.ts, also run by
 * `npm run lint:openapi` in `npm test`). No error and no warning; and the same configuration
 * still finds each problem the document used to have.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintOpenApi } from '../../scripts/lint-openapi';
import { servedOpenApiDocument, type OpenApiJson } from '../../scripts/openapi-document';

let doc: OpenApiJson;
beforeAll(async () => {
  doc = await servedOpenApiDocument();
});

describe('OpenAPI lint', () => {
  it('finds no error and no warning with Redocly (recommended) and Spectral (spectral:oas)', async () => {
    const reports = await lintOpenApi(doc);
    expect(reports.map((r) => r.tool)).toEqual(['redocly', 'spectral']);
    for (const r of reports) expect(r.problems, r.tool).toEqual([]);
  });

  it('still reports the problems the document had: no operationId, servers, security or 4xx on the images', async () => {
    const old = structuredClone(doc);
    delete old.servers;
    delete old.security;
    for (const item of Object.values(old.paths as Record<string, { get: OpenApiJson }>)) delete item.get.operationId;
    delete old.paths['/v1/metrics/{id}/card.svg'].get.responses['405'];
    const [redocly, spectral] = await lintOpenApi(old);
    const rules = (r: typeof redocly) => new Set(r!.problems.map((p) => p.split(' ')[1]!.replace(/:$/, '')));
    expect(rules(redocly)).toEqual(new Set(['no-empty-servers', 'security-defined', 'operation-operationId', 'operation-4xx-response']));
    expect(redocly!.errors).toBe(Object.keys(old.paths).length + 1); // security on every operation, and servers
    expect(rules(spectral)).toEqual(new Set(['oas3-api-servers', 'operation-operationId']));
  });
});
