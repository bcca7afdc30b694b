import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '@peru-exports/widgets/define.js';
import { drawnShapes, mockApi, mount, next, shadow, type MockApi } from './mock-api';

let api: MockApi;
let container: HTMLElement | undefined;

beforeEach(() => {
  api = mockApi();
});
afterEach(() => {
  container?.remove();
  vi.unstubAllGlobals();
});

const ELEMENTS = [
  '<peru-export-card metric="total"></peru-export-card>',
  '<peru-export-card metric="highlight/total"></peru-export-card>',
  '<peru-export-sparkline metric="destination/CN"></peru-export-sparkline>',
  '<peru-export-ranking year="2024" limit="5"></peru-export-ranking>',
];

/** axe-core's violations inside `element` (its shadow root included), as "rule: target" lines. */
async function violations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
}

async function loaded(html: string, theme: string, lang: string): Promise<Element> {
  container = mount(`<div lang="${lang}">${html.replace('>', ` theme="${theme}">`)}</div>`);
  const element = container.querySelector('[metric], peru-export-ranking')!;
  await next(element, 'peru-export-load');
  await (element as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  // The sparkline (alone, or inside a card with a series) has drawn its chart; a ranking has none.
  const spark =
    element.localName === 'peru-export-card'
      ? shadow(element).querySelector('peru-export-sparkline')
      : element.localName === 'peru-export-sparkline'
        ? element
        : null;
  if (spark) await expect.poll(() => drawnShapes(shadow(spark))).toBeGreaterThan(0);
  return element;
}

describe('axe-core', () => {
  for (const html of ELEMENTS) {
    for (const [theme, lang] of [
      ['light', 'es'],
      ['dark', 'en'],
    ] as const) {
      it(`finds nothing in ${html} (${theme}, ${lang})`, async () => {
        const element = await loaded(html, theme, lang);
        expect(await violations(element)).toEqual([]);
      });
    }
  }

  it('finds nothing in the error state', async () => {
    api.failWith = 503;
    container = mount('<peru-export-card metric="total"></peru-export-card><peru-export-sparkline metric="total"></peru-export-sparkline>');
    const elements = [...container.children] as (HTMLElement & { updateComplete: Promise<boolean> })[];
    await Promise.all(elements.map((element) => next(element, 'peru-export-error')));
    for (const element of elements) {
      await element.updateComplete;
      expect(shadow(element).querySelector('[part="retry"]')).not.toBeNull();
      expect(await violations(element)).toEqual([]);
    }
  });

  it('catches a violation when there is one (the check can fail)', async () => {
    const element = await loaded(ELEMENTS[0]!, 'light', 'es');
    shadow(element)
      .querySelector('[part="value"]')!
      .append(Object.assign(document.createElement('img'), { src: 'data:,' }));
    expect((await violations(element)).join()).toMatch(/^image-alt/);
  });
});
