/**
 * The package's class entry point has no side effects: it loads without a DOM (server-side
 * rendering frameworks, type tooling) and registers no tag.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('imports the element classes in Node without registering or touching the page', async () => {
  // Through a variable so this Node-typed project does not typecheck the DOM code it imports.
  const entry = '@peru-exports/widgets';
  const widgets = (await import(/* @vite-ignore */ entry)) as Record<string, unknown>;
  expect(typeof widgets.PeruExportCard).toBe('function');
  expect(typeof widgets.PeruExportSparkline).toBe('function');
  expect(typeof widgets.PeruExportRanking).toBe('function');
  expect((globalThis as { customElements?: { get(name: string): unknown } }).customElements?.get('peru-export-card')).toBeUndefined();
});

it('serves the renderer as @peru-exports/widgets/render from the built package, as plain Node resolves it', async () => {
  // A child Node without the repository's source mapping (tsconfig paths, Vitest's alias), so
  // the specifier goes through widgets/package.json "exports" to dist (npm test builds it first).
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const script =
    "const m = await import('@peru-exports/widgets/render');" +
    "console.log(JSON.stringify([import.meta.resolve('@peru-exports/widgets/render'), m.renderSparkline([{ period: '2024-01', value: 1 }, { period: '2024-02', value: 2 }], { id: 's' })]));";
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  const [resolved, svg] = JSON.parse(stdout) as [string, string];
  expect(resolved).toMatch(/\/widgets\/dist\/render\/index\.js$/);
  const { renderSparkline } = await import('@peru-exports/widgets/render');
  expect(svg).toBe(
    renderSparkline(
      [
        { period: '2024-01', value: 1 },
        { period: '2024-02', value: 2 },
      ],
      { id: 's' },
    ),
  );
});
