/**
 * The reader's settings, emulated through the Chrome DevTools Protocol: `theme="auto"` follows
 * prefers-color-scheme (an explicit theme wins), and prefers-reduced-motion stops the pulse.
 */
import type {} from '@vitest/browser-playwright'; // types cdp().send
import { cdp } from 'vitest/browser';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import '@peru-exports/widgets/define.js';
import type { PeruExportCard } from '@peru-exports/widgets';
import { mockApi, mount, next, shadow, type MockApi } from './mock-api';

let api: MockApi;
let container: HTMLElement | undefined;

const emulate = (features: { name: string; value: string }[]) => cdp().send('Emulation.setEmulatedMedia', { features });

beforeEach(() => {
  api = mockApi();
});
afterEach(async () => {
  container?.remove();
  vi.unstubAllGlobals();
  await emulate([]);
});

const background = (element: Element) => getComputedStyle(shadow(element).querySelector('[part~="base"]')!).backgroundColor;

it('follows prefers-color-scheme with theme="auto" (the default), not with an explicit theme', async () => {
  container = mount(`
    <peru-export-card metric="total"></peru-export-card>
    <peru-export-card metric="total" theme="auto"></peru-export-card>
    <peru-export-card metric="total" theme="light"></peru-export-card>`);
  const [byDefault, auto, light] = [...container.children] as PeruExportCard[];
  await Promise.all([byDefault, auto, light].map((element) => next(element!, 'peru-export-load')));
  await light!.updateComplete;
  expect([byDefault, auto, light].map((element) => background(element!))).toEqual(Array(3).fill('rgb(255, 255, 255)'));
  await emulate([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await expect.poll(() => background(byDefault!)).toBe('rgb(13, 17, 23)');
  expect(background(auto!)).toBe('rgb(13, 17, 23)');
  expect(background(light!)).toBe('rgb(255, 255, 255)');
  expect(api.requests).toHaveLength(2); // the theme is CSS only: no new request
});

it('stops the loading pulse when the reader prefers reduced motion', async () => {
  api.hold = new Promise(() => {}); // stays loading
  container = mount('<peru-export-ranking></peru-export-ranking>');
  const element = container.firstElementChild!;
  await expect.poll(() => shadow(element).querySelector('.sk')).not.toBeNull();
  const animation = () => getComputedStyle(shadow(element).querySelector('.sk')!).animationName;
  expect(animation()).toBe('pulse');
  await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await expect.poll(animation).toBe('none');
});
