/**
 * The widgets package as a Lit user's tools see it: the packed tarball (the built dist, as npm
 * would publish it) installed into a fresh folder with lit, and a page that imports
 * `@peru-exports/widgets/define.js` and uses the three tags with every attribute that
 * custom-elements.json lists, checked by lit-analyzer (`--strict`, its default import depth).
 * lit-analyzer needs TypeScript's compiler API, which TypeScript 7 lacks: it runs with
 * TypeScript 6 (scripts/typescript6.cjs).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const widgets = join(root, 'widgets');

/** A page using each tag with every attribute the elements have, with values they accept. */
const PAGE = `import '@peru-exports/widgets/define.js';
import { html } from 'lit';

export const page = html\`
  <peru-export-card metric="destination/CN" from="2020" to="2024" freq="annual" type="area"
    lang="en" api="https://peru-exports.example" theme="dark" live live-interval="600"></peru-export-card>
  <peru-export-sparkline metric="total" from="2023-01" to="2024-12" freq="monthly" type="bar"
    lang="es" api="https://peru-exports.example" theme="auto" live live-interval="60"></peru-export-sparkline>
  <peru-export-ranking kind="sectors" year="2024" limit="5"
    lang="en" api="https://peru-exports.example" theme="light" live live-interval="3600"></peru-export-ranking>
\`;
`;

let work: string;
beforeAll(async () => {
  if (!existsSync(join(widgets, 'dist/define.d.ts'))) throw new Error('widgets/dist is missing: run npm run build:widgets first');
  work = mkdtempSync(join(tmpdir(), 'peru-exports-lit-'));
  const { stdout } = await run('npm', ['pack', './widgets', '--ignore-scripts', '--pack-destination', work, '--json'], { cwd: root });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  const pkgDir = join(work, 'node_modules/@peru-exports/widgets');
  mkdirSync(pkgDir, { recursive: true });
  await run('tar', ['-xzf', join(work, filename), '-C', pkgDir, '--strip-components=1']);
  for (const dep of ['lit', 'lit-html', 'lit-element', '@lit'])
    symlinkSync(join(root, 'node_modules', dep), join(work, 'node_modules', dep), 'dir');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const compilerOptions = {
    strict: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: [],
    noEmit: true,
  };
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** lit-analyzer's report on one page, and its exit code. */
async function litAnalyzer(name: string, page: string): Promise<{ code: number; output: string }> {
  writeFileSync(join(work, name), page);
  const args = ['--require', join(root, 'scripts/typescript6.cjs'), join(root, 'node_modules/lit-analyzer/cli.js'), name, '--strict'];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: work });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const { code = 1, stdout = '', stderr = '' } = err as { code?: number; stdout?: string; stderr?: string };
    return { code, output: stdout + stderr };
  }
}

describe('lit-analyzer on a page using the packed @peru-exports/widgets', () => {
  it('uses every attribute that custom-elements.json lists for each tag', () => {
    const manifest = JSON.parse(readFileSync(join(widgets, 'dist/custom-elements.json'), 'utf8'));
    for (const d of manifest.modules.flatMap((m: any) => m.declarations ?? []).filter((d: any) => d.tagName)) {
      const tag = new RegExp(`<${d.tagName}\\s([^>]*)>`).exec(PAGE);
      expect(tag, d.tagName).not.toBeNull();
      const used = [...tag![1]!.matchAll(/([a-z-]+)(?==|\s|$)/g)].map((m) => m[1]).sort();
      expect(used, d.tagName).toEqual(d.attributes.map((a: any) => a.name).sort());
    }
  });

  it('knows the tags and all their attributes (no problems)', async () => {
    const { code, output } = await litAnalyzer('page.ts', PAGE);
    expect(output).toContain('Found 0 problems');
    expect(code).toBe(0);
  });

  it('reports an attribute or a tag the elements do not have (the check can fail)', async () => {
    const wrong = PAGE.replace('limit="5"', 'limit="5" colour="red"').replace(
      '</peru-export-ranking>',
      '</peru-export-ranking><peru-export-chart></peru-export-chart>',
    );
    const { output } = await litAnalyzer('wrong.ts', wrong);
    expect(output).toContain("Unknown attribute 'colour'");
    expect(output).toContain('Unknown tag <peru-export-chart>');
  });
});
