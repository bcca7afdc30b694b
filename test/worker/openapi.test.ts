/**
 * The OpenAPI document, checked inside workerd: valid OpenAPI 3.1 (against the JSON schema of
 * @seriousme/openapi-schema-validator, compiled with Ajv as that package does; the package's
 * own `Validator` reads its schema from disk, which workerd cannot, so it runs on the same
 * document under Node in test/scripts/openapi-document.test.ts), complete, and true: every
 * endpoint's real responses validate against the schemas the document gives for them.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import oas31Schema from '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import clientPackage from '../../client/package.json';
import { exampleUrl, operationAnchor } from '../../worker/docs/reference-page';
import { get } from './helpers';

type Json = Record<string, any>;

let doc: Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('media-range', true);

beforeAll(async () => {
  const res = await get('/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Json;
});

/** The document's schema for one response, as a JSON Schema whose `#/components/…` refs resolve. */
function responseSchema(path: string, status: string, mediaType: string): Json {
  const schema = doc.paths[path]?.get?.responses?.[status]?.content?.[mediaType]?.schema;
  expect(schema, `${path} ${status} ${mediaType}`).toBeDefined();
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema, components: doc.components };
}

function expectValid(schema: Json, body: unknown, what: string): void {
  const validate = ajv.compile(schema);
  const ok = validate(body);
  expect(ok ? [] : validate.errors, what).toEqual([]);
}

const ENDPOINTS = [
  '/v1/metrics',
  '/v1/metrics.csv',
  '/v1/metrics/{id}',
  '/v1/metrics/{id}/series',
  '/v1/metrics/{id}/series.csv',
  '/v1/rankings/destinations',
  '/v1/rankings/destinations.csv',
  '/v1/rankings/sectors',
  '/v1/rankings/sectors.csv',
  '/v1/highlights',
  '/v1/highlights.csv',
  '/v1/sources',
  '/v1/sources.csv',
  '/openapi.json',
  '/docs',
];

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    const validate = ajv.compile(oas31Schema);
    const ok = validate(doc);
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  it('can fail: a broken document is rejected by the same check', () => {
    const validate = ajv.compile(oas31Schema);
    expect(validate({ ...doc, paths: { 'no-leading-slash': { get: { responses: 'nope' } } } })).toBe(false);
    expect(validate({ ...doc, info: { title: 'x' } })).toBe(false);
  });

  it('has every $ref pointing at an existing component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/([a-zA-Z]+)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, kind, name] of refs) expect(doc.components?.[kind!]?.[name!], `${kind}/${name}`).toBeDefined();
  });

  it('lists every endpoint, all GET, with summary, description and a 200', () => {
    // (The image routes, documented by their own file, come on top of these.)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(ENDPOINTS));
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      expect(Object.keys(item), path).toEqual(['get']);
      expect(item.get.summary, path).toBeTruthy();
      expect(item.get.description, path).toBeTruthy();
      expect(item.get.responses['200'], path).toBeDefined();
    }
  });

  it('documents each query parameter with what it accepts', () => {
    const series = doc.paths['/v1/metrics/{id}/series'].get.parameters as Json[];
    expect(series.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:id',
      'query:format',
      'query:freq',
      'query:from',
      'query:lang',
      'query:last',
      'query:to',
    ]);
    const freq = series.find((p) => p.name === 'freq')!;
    expect(freq.schema.enum).toEqual(['monthly', 'annual']);
    const from = series.find((p) => p.name === 'from')!;
    expect(new RegExp(from.schema.pattern).test('2024-03')).toBe(true);
    expect(new RegExp(from.schema.pattern).test('2024-13')).toBe(false);
  });

  it('declares the numeric parameters as integers with the ranges the server enforces', () => {
    const param = (path: string, name: string) => (doc.paths[path].get.parameters as Json[]).find((p) => p.name === name)!.schema;
    expect(param('/v1/metrics/{id}/series', 'last')).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
    expect(param('/v1/rankings/destinations', 'limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 250 });
    expect(param('/v1/rankings/sectors', 'limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 50 });
    expect(param('/v1/rankings/sectors.csv', 'year')).toMatchObject({ type: 'integer', minimum: 2005 });
    expect(param('/v1/rankings/sectors', 'year').pattern).toBeUndefined();
  });

  it('declares one 200 per JSON path (JSON), CSV only on the .csv paths', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const types = Object.keys(item.get.responses['200'].content);
      if (path.endsWith('.csv')) expect(types, path).toEqual(['text/csv']);
      else expect(types, path).not.toContain('text/csv');
    }
  });

  it('names every operation once, for generated clients', () => {
    const ids = Object.values(doc.paths as Record<string, Json>).map((item) => item.get.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^get[A-Z]\w+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/v1/rankings/destinations.csv'].get.operationId).toBe('getTopDestinationsCsv');
  });

  it('says the API is public and served from where the document is', () => {
    expect(doc.security).toEqual([]);
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });
});

/** Requests per endpoint, both languages, checked against the document's 200 schema. */
const SAMPLES: [docPath: string, url: string][] = [
  ['/v1/metrics', '/v1/metrics'],
  ['/v1/metrics', '/v1/metrics?lang=en&kind=destination'],
  ['/v1/metrics/{id}', '/v1/metrics/total'],
  ['/v1/metrics/{id}', '/v1/metrics/destination/US?lang=en'],
  ['/v1/metrics/{id}', '/v1/metrics/destination%2FEU'],
  ['/v1/metrics/{id}', '/v1/metrics/worldbank/total?lang=en'],
  ['/v1/metrics/{id}', '/v1/metrics/product/copper'],
  ['/v1/metrics/{id}', '/v1/metrics/destination/other-yugoslavia'],
  ['/v1/metrics/{id}/series', '/v1/metrics/total/series?freq=annual&lang=en'],
  ['/v1/metrics/{id}/series', '/v1/metrics/destination/JP/series?from=2020-01&to=2020-06'],
  ['/v1/metrics/{id}/series', '/v1/metrics/worldbank/total/series'],
  ['/v1/rankings/destinations', '/v1/rankings/destinations'],
  ['/v1/rankings/destinations', '/v1/rankings/destinations?year=2025&lang=en&limit=250'],
  ['/v1/rankings/sectors', '/v1/rankings/sectors?year=2005'],
  ['/v1/highlights', '/v1/highlights'],
  ['/v1/highlights', '/v1/highlights?lang=en'],
  ['/v1/sources', '/v1/sources?lang=en'],
];

describe('real responses against the document', () => {
  it.each(SAMPLES)('%s: %s', async (docPath, url) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expectValid(responseSchema(docPath, '200', 'application/json'), await res.json(), url);
  });

  it('validates every highlight as a metric', async () => {
    const { items } = (await (await get('/v1/highlights')).json()) as { items: { id: string }[] };
    const schema = responseSchema('/v1/metrics/{id}', '200', 'application/json');
    for (const { id } of items) {
      for (const lang of ['es', 'en']) expectValid(schema, await (await get(`/v1/metrics/${id}?lang=${lang}`)).json(), id);
    }
  });

  it('validates problems against the Problem schema of the route', async () => {
    const cases: [string, string, string][] = [
      ['/v1/metrics', '400', '/v1/metrics?kind=nope&x=1'],
      ['/v1/metrics/{id}', '404', '/v1/metrics/nope'],
      ['/v1/metrics/{id}/series', '400', '/v1/metrics/total/series?from=2025&to=2024'],
      ['/v1/rankings/destinations', '400', '/v1/rankings/destinations?year=1900'],
    ];
    for (const [docPath, status, url] of cases) {
      const res = await get(url);
      expect(String(res.status)).toBe(status);
      expectValid(responseSchema(docPath, status, 'application/problem+json'), await res.json(), url);
    }
    const res = await get('/v1/sources', { method: 'DELETE' });
    expectValid(responseSchema('/v1/sources', '405', 'application/problem+json'), await res.json(), 'DELETE');
    // The image routes and /docs answer a problem only for another method; it is declared too.
    for (const [docPath, url] of [
      ['/v1/metrics/{id}/card.svg', '/v1/metrics/total/card.svg'],
      ['/v1/metrics/{id}/sparkline.svg', '/v1/metrics/total/sparkline.svg'],
      ['/docs', '/docs'],
    ]) {
      const post = await get(url!, { method: 'POST' });
      expect(post.status, url).toBe(405);
      expect(post.headers.get('content-type'), url).toMatch(/^application\/problem\+json/);
      expectValid(responseSchema(docPath!, '405', 'application/problem+json'), await post.json(), `POST ${url}`);
    }
  });

  it('would catch a response that does not match: an extra or missing field fails', async () => {
    const body = (await (await get('/v1/sources')).json()) as Json;
    const schema = responseSchema('/v1/sources', '200', 'application/json');
    expect(ajv.compile(schema)({ ...body, extra: 1 })).toBe(false);
    const { datasetVersion: _, ...missing } = body;
    expect(ajv.compile(schema)(missing)).toBe(false);
  });

  it('answers each operation\u2019s documented example with 200 and its documented media type', async () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const url = exampleUrl(path, item.get);
      const res = await get(url);
      expect(res.status, url).toBe(200);
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
      const content = item.get.responses['200'].content as Json;
      expect(Object.keys(content), url).toContain(type);
      if (type === 'application/json') expectValid(responseSchema(path, '200', type), await res.json(), url);
      if (type === 'text/csv') expect(Papa.parse(await res.text(), { header: true, skipEmptyLines: true }).errors).toEqual([]);
    }
  });
});

describe('the API reference page', () => {
  it('lists every endpoint with its parameters, example and errors, from the document', async () => {
    const res = await get('/docs');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      expect(page, path).toContain(`id="${operationAnchor('get', path)}"`);
      expect(page, path).toContain(`href="#${operationAnchor('get', path)}"`);
      expect(page, path).toContain(item.get.summary.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
      for (const param of item.get.parameters ?? []) expect(page).toContain(`<code>${param.name}</code>`);
    }
    for (const id of ['invalid-parameter', 'unknown-metric', 'not-found', 'method-not-allowed'])
      expect(page).toContain(`id="problem-${id}"`);
    for (const name of Object.keys(doc.components.schemas)) expect(page).toContain(`id="schema-${name}"`);
  });

  it("takes the typed client's AppType from the client package, which a user can install", async () => {
    const page = await (await get('/docs')).text();
    const client = page.slice(page.indexOf('id="client"'), page.indexOf('id="schemas"'));
    expect(client).toContain(`import type { AppType } from &#39;${clientPackage.name}&#39;;`);
    expect(client).not.toMatch(/worker/);
  });

  it('is self-contained: no script, nothing loaded from elsewhere', async () => {
    const page = await (await get('/docs')).text();
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link/i);
    expect(page).not.toMatch(/\bsrc=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    // Links lead to this site only.
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(#|\/)/);
  });
});
