/**
 * The package's class entry point has no side effects: it loads without a DOM (server-side
 * rendering frameworks, type tooling) and registers no tag.
 */
import { expect, it } from 'vitest';

it('imports the element classes in Node without registering or touching the page', async () => {
  // Through a variable so this Node-typed project does not typecheck the DOM code it imports.
  const entry = '../../widgets/src/index';
  const widgets = (await import(/* @vite-ignore */ entry)) as Record<string, unknown>;
  expect(typeof widgets.PeruExportCard).toBe('function');
  expect(typeof widgets.PeruExportSparkline).toBe('function');
  expect(typeof widgets.PeruExportRanking).toBe('function');
  expect((globalThis as { customElements?: { get(name: string): unknown } }).customElements?.get('peru-export-card')).toBeUndefined();
});
