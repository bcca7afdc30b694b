/**
 * @peru-exports/client as a user gets it: the packed tarball (`npm pack`, whose prepack builds
 * it) installed with `hono` alone into a fresh folder, and a program calling four endpoints
 * through `hc<AppType>` type-checked by a strict tsconfig of its own — no worker sources, no
 * Workers types, no JSX settings. Its `@ts-expect-error` lines (a language the API does not have, a path that
 * does not exist, a field the body does not have) must be errors, so types that had decayed to
 * `any` would fail the check too.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

const PROGRAM = `import { hc } from 'hono/client';
import type { AppType } from '@peru-exports/client';

const api = hc<AppType>('https://peru-exports.example');

export async function fourEndpoints(): Promise<string[]> {
  const ranking = await api.v1.rankings.destinations.$get({ query: { year: '2024', limit: '5', lang: 'en' } });
  if (!ranking.ok) return [];
  const { items } = await ranking.json();
  const first: string = items[0]?.formattedValue ?? '';

  const metric = await api.v1.metrics[':id'].$get({ param: { id: 'destination/CN' }, query: { lang: 'es' } });
  if (!metric.ok) return [];
  const label: string = (await metric.json()).label;

  const series = await api.v1.metrics[':id'].series.$get({ param: { id: 'total' }, query: { freq: 'annual', from: '2024' } });
  if (!series.ok) return [];
  const periods: string[] = (await series.json()).points.map((p) => p.period);

  const status = await api.v1.status.$get({ query: {} });
  if (!status.ok) return [];
  const body = await status.json();
  const datasetVersion: string = body.datasetVersion;
  // @ts-expect-error: the status body has no such field
  body.notAField;

  // @ts-expect-error: the languages are en and es
  await api.v1.rankings.destinations.$get({ query: { lang: 'fr' } });
  // @ts-expect-error: there is no such path
  await api.v1.nowhere.$get();
  // @ts-expect-error: the metric path needs its id
  await api.v1.metrics[':id'].$get({ query: {} });

  return [first, label, ...periods, datasetVersion];
}
`;

const base = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2023', 'DOM'],
  types: [],
};
/** The two module settings a user is likely to have. */
const SETTINGS = {
  bundler: { ...base, module: 'ESNext', moduleResolution: 'Bundler' },
  nodenext: { ...base, module: 'NodeNext', moduleResolution: 'NodeNext' },
};

let work: string;
let pkgDir: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'peru-exports-client-pkg-'));
  const { stdout } = await run('npm', ['pack', './client', '--pack-destination', work, '--json'], { cwd: root });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  pkgDir = join(work, 'node_modules/@peru-exports/client');
  mkdirSync(pkgDir, { recursive: true });
  await run('tar', ['-xzf', join(work, filename), '-C', pkgDir, '--strip-components=1']);
  symlinkSync(join(root, 'node_modules/hono'), join(work, 'node_modules/hono'), 'dir');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the program and a fresh tsconfig into a folder of its own (beside node_modules); tsc's errors. */
async function typeCheck(name: string, compilerOptions: object, declaration?: string): Promise<string[]> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(join(dir, 'main.ts'), PROGRAM);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['main.ts'] }));
  if (declaration !== undefined) {
    // A package of the same name whose AppType is given, next to the program (shadows the real one).
    const fake = join(dir, 'node_modules/@peru-exports/client');
    mkdirSync(fake, { recursive: true });
    writeFileSync(
      join(fake, 'package.json'),
      JSON.stringify({ name: '@peru-exports/client', type: 'module', types: './index.d.ts', exports: { '.': { types: './index.d.ts' } } }),
    );
    writeFileSync(join(fake, 'index.d.ts'), declaration);
  }
  try {
    await run(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir });
    return [];
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    return `${stdout}\n${stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
  }
}

describe('@peru-exports/client, packed and installed with hono alone', () => {
  it.each(Object.entries(SETTINGS))('type-checks a program calling four endpoints (moduleResolution %s, strict)', async (name, options) => {
    expect(await typeCheck(name, options)).toEqual([]);
  });

  it('would not compile if AppType had decayed to an untyped schema (the check can fail)', async () => {
    const errors = await typeCheck(
      'untyped',
      SETTINGS.bundler,
      "import type { Hono } from 'hono';\nexport type AppType = Hono<{}, any, '/'>;\n",
    );
    expect(errors.some((e) => e.includes("error TS2578: Unused '@ts-expect-error' directive"))).toBe(true);
  });
});
