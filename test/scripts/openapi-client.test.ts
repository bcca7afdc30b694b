/**
 * A client generated from the OpenAPI document the way an API consumer would: types from
 * openapi-typescript, calls through openapi-fetch (tools/openapi-client/client-program.ts,
 * four endpoints). The program must type-check with the project's TypeScript (integers where
 * the API takes numbers, a JSON path's 200 typed as its JSON body), and then answer as typed
 * when run against the app.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedOpenApiDocument, workerApp, type OpenApiJson } from '../../scripts/openapi-document';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const clientDir = join(root, 'tools/openapi-client');
const program = join(clientDir, 'client-program.ts');

/** The program's entry point, as the test calls it. */
type CallFourEndpoints = (fetch: (request: Request) => Promise<Response>) => Promise<Record<string, unknown>>;
// Imported by a non-literal specifier: its `./api` types exist only once generated, so the
// root TypeScript project must not follow the import (the test type-checks it on its own).
const PROGRAM = '../../tools/openapi-client/client-program';

let doc: OpenApiJson;
const dirs: string[] = [];
beforeAll(async () => {
  doc = await servedOpenApiDocument();
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Generates `api.d.ts` from `document` into a fresh folder and type-checks the program with it
 * (`rootDirs` lets the program's `./api` find the generated file). tsc's errors, if any.
 */
async function generateAndTypeCheck(document: OpenApiJson): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'peru-exports-client-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  await run(join(clientDir, 'node_modules/.bin/openapi-typescript'), [join(dir, 'openapi.json'), '-o', join(dir, 'api.d.ts')], {
    cwd: root,
  });
  const compilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2023', 'DOM'],
    types: [],
    rootDirs: [clientDir, dir],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [program, join(dir, 'api.d.ts')] }));
  try {
    await run(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: root });
    return [];
  } catch (err) {
    const { stdout = '' } = err as { stdout?: string };
    return stdout.split('\n').filter((line) => / error TS\d+/.test(line));
  }
}

describe('a client generated with openapi-typescript', () => {
  it('type-checks a program calling four endpoints with numbers and typed bodies', async () => {
    expect(await generateAndTypeCheck(doc)).toEqual([]);
  });

  it('would not compile against string parameters and a CSV second 200 (the check can fail)', async () => {
    const old = structuredClone(doc);
    const op = old.paths['/v1/rankings/destinations'].get;
    op.parameters.find((p: OpenApiJson) => p.name === 'limit').schema = { type: 'string', pattern: '^\\d{1,4}$' };
    op.responses['200'].content['text/csv'] = { schema: { type: 'string' } };
    const errors = await generateAndTypeCheck(old);
    expect(errors.some((e) => e.includes("error TS2339: Property 'items' does not exist"))).toBe(true);
    expect(errors.some((e) => e.includes("error TS2322: Type 'number' is not assignable to type 'string'"))).toBe(true);
    expect(errors.some((e) => e.includes("error TS2578: Unused '@ts-expect-error' directive"))).toBe(true);
  });

  it('runs against the app and gets what the types say', async () => {
    const app = await workerApp();
    const { callFourEndpoints } = (await import(/* @vite-ignore */ PROGRAM)) as { callFourEndpoints: CallFourEndpoints };
    const answers = await callFourEndpoints(async (request) => app.request(request));
    expect(answers).toEqual({ topDestination: expect.stringMatching(/billion/), points: 12, label: 'China', highlights: 24 });
  });
});
