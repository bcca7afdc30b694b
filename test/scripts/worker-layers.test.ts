/**
 * Views compute; checks come before them (issue 13 item 10). A view (worker/views/*.ts) takes
 * input that has passed the request's checks (worker/checks/*.ts, after the query schemas) and
 * never refuses it: neither it nor any module it runs reaches the HTTP problem types, so it
 * cannot throw an HTTP error. Type-only imports (response shapes) are not code that runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const views = join(root, 'worker/views');

/** What a view must not run: the problem types, the zod-failure step, the checks, Hono's HTTPException. */
const FORBIDDEN_FILES = ['worker/problem.ts', 'worker/validation.ts'];
const FORBIDDEN_DIRS = ['worker/checks/'];
const FORBIDDEN_PACKAGES = ['hono/http-exception'];
const FORBIDDEN_NAMES = /\b(?:HTTPException|ProblemError|invalidParams)\b/;

/** The modules a file imports as code (not `import type`, not `export type`), as written. */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gms;
  for (const m of source.matchAll(statement)) if (!m[2]) specifiers.push(m[4]!);
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specifiers.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(m[1]!);
  return specifiers;
}

/** A relative specifier as a file of the repository (`./x` → `./x.ts` or `./x/index.ts`). */
function resolveFile(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') || candidate.endsWith('.tsx')) if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Every forbidden thing `file` runs, directly or through the modules it imports as code, each
 * with the chain of imports that reaches it.
 */
function forbiddenReach(file: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (path: string, chain: string[]) => {
    if (seen.has(path)) return;
    seen.add(path);
    const name = relative(root, path);
    const here = [...chain, name];
    if (FORBIDDEN_FILES.includes(name) || FORBIDDEN_DIRS.some((dir) => name.startsWith(dir))) {
      found.push(here.join(' → '));
      return;
    }
    const source = readFileSync(path, 'utf8');
    if (FORBIDDEN_NAMES.test(source) && name.startsWith('worker/'))
      found.push(`${here.join(' → ')} (names ${FORBIDDEN_NAMES.exec(source)![0]})`);
    for (const specifier of valueImports(source)) {
      if (FORBIDDEN_PACKAGES.includes(specifier)) found.push(`${here.join(' → ')} → ${specifier}`);
      const next = resolveFile(path, specifier);
      if (next) visit(next, here);
    }
  };
  visit(file, []);
  return found;
}

describe('worker/views', () => {
  const files = readdirSync(views).filter((f) => f.endsWith('.ts'));

  it('are there to check', () => {
    expect(files).toContain('series.ts');
    expect(files).toContain('images.ts');
  });

  it.each(files)('%s runs nothing that answers HTTP errors', (file) => {
    expect(forbiddenReach(join(views, file))).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    // The checks themselves do reach the problem types: the scan sees it.
    expect(forbiddenReach(join(root, 'worker/checks/series.ts')).length).toBeGreaterThan(0);
    expect(valueImports("import { a, type B } from '../problem';\nimport type { C } from './c';\nexport { d } from './d';")).toEqual([
      '../problem',
      './d',
    ]);
  });
});
