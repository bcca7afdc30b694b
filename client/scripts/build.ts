/**
 * Builds @peru-exports/client: `dist/index.d.ts`, the declaration of `src/index.ts` as
 * TypeScript emits it within the worker's project (the worker's tsconfig, Workers types and
 * all), in which `AppType` is written out in full. tsc writes a declaration for every worker
 * file it reads; only the entry's is kept, and the build fails if it still refers to anything
 * but `hono` (then a consumer would need the worker's sources again).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'peru-exports-client-'));
try {
  execFileSync('tsc', ['-p', join(root, 'tsconfig.build.json'), '--outDir', out], { cwd: root, stdio: 'inherit' });
  const declaration = readFileSync(join(out, 'client/src/index.d.ts'), 'utf8');
  const specifiers = [
    ...declaration.matchAll(/^(?:import|export)\b[^;]*?\sfrom\s+["']([^"']+)["']/gm),
    ...declaration.matchAll(/\bimport\(["']([^"']+)["']\)/g),
  ].map((m) => m[1]!);
  const foreign = specifiers.filter((s) => s !== 'hono' && !s.startsWith('hono/'));
  if (foreign.length) throw new Error(`dist/index.d.ts refers to ${[...new Set(foreign)].join(', ')}; it may refer to hono only`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/index.d.ts'), declaration);
  // Types only: the module itself exports nothing at run time.
  writeFileSync(join(root, 'dist/index.js'), 'export {};\n');
} finally {
  rmSync(out, { recursive: true, force: true });
}
