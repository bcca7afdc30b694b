/**
 * Answers the elements cannot draw (another JSON API at `api`, a changed one): a small guard
 * checks each body before it is drawn, so the page hears a typed `peru-export-error`, the
 * element shows its error state (never a half-empty card), and nothing is thrown into the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '@peru-exports/widgets/define.js';
import type { PeruExportCard, PeruExportSparkline } from '@peru-exports/widgets';
import { mount, mountLoaded, next, setUpElementTests, shadow, text, type MockApi } from './mock-api';

let api: MockApi;
setUpElementTests((mock) => (api = mock));

const problems: string[] = [];
const onProblem = (event: ErrorEvent | PromiseRejectionEvent) => problems.push(String('reason' in event ? event.reason : event.message));
beforeEach(() => {
  problems.length = 0;
  window.addEventListener('error', onProblem);
  window.addEventListener('unhandledrejection', onProblem);
});
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20)); // let stray rejections surface
  window.removeEventListener('error', onProblem);
  window.removeEventListener('unhandledrejection', onProblem);
  vi.useRealTimers();
  // Errors never escape into the host page.
  expect(problems).toEqual([]);
});

/** The first `peru-export-load` or `peru-export-error` of `element`, whichever comes. */
const outcome = (element: Element) =>
  Promise.race([next<CustomEvent>(element, 'peru-export-load'), next<CustomEvent>(element, 'peru-export-error')]);

const part = (element: Element, name: string) => shadow(element).querySelector(`[part~="${name}"]`);

describe('an answer of the wrong shape', () => {
  const said = 'Unexpected response: not the peru-exports API? Set api="…" to its origin';

  it.each<[string, string, string, (body: any) => unknown]>([
    ['card', '<peru-export-card metric="total"></peru-export-card>', 'metrics/total', (body) => ({ ...body, latest: 'soon' })],
    [
      'highlight card',
      '<peru-export-card metric="highlight/total"></peru-export-card>',
      'metrics/highlight/total',
      ({ source: _source, ...body }) => body,
    ],
    ['card', '<peru-export-card metric="total"></peru-export-card>', 'metrics/total', () => null],
    [
      'sparkline',
      '<peru-export-sparkline metric="total"></peru-export-sparkline>',
      'metrics/total/series',
      (body) => ({ ...body, points: [...body.points.slice(1), 42] }),
    ],
    [
      'sparkline',
      '<peru-export-sparkline metric="total"></peru-export-sparkline>',
      'metrics/total/series',
      (body) => ({ ...body, points: 'none' }),
    ],
    ['ranking', '<peru-export-ranking></peru-export-ranking>', 'rankings/destinations', (body) => ({ ...body, items: [1, 2, 3] })],
    ['ranking', '<peru-export-ranking></peru-export-ranking>', 'rankings/destinations', (body) => ({ ...body, total: 73593943317 })],
    ['ranking', '<peru-export-ranking></peru-export-ranking>', 'rankings/destinations', () => []],
  ])('the %s says so in a typed event and shows the error state (%s, %s)', async (_, html, path, broken) => {
    api.transform = (body, url) => (url.pathname.endsWith(`/v1/${path}`) ? broken(body) : body);
    const element = mount(html).firstElementChild as PeruExportCard;
    const event = await outcome(element);
    expect(event.type).toBe('peru-export-error');
    expect(event.detail).toMatchObject({ status: null, url: null, stale: false, message: said });
    await element.updateComplete;
    expect(part(element, 'retry')).not.toBeNull();
    expect(part(element, 'base')!.getAttribute('aria-busy')).toBe('false');
    // Nothing of the broken answer is drawn.
    for (const name of ['label', 'value', 'chart', 'list']) expect(part(element, name)).toBeNull();
  });

  it('shows the error state for data handed to a sparkline that are not a series', async () => {
    const element = mount('<peru-export-sparkline></peru-export-sparkline>').firstElementChild as PeruExportSparkline;
    element.data = { label: 'Handed over', points: [1, 2, 3] as never };
    await element.updateComplete;
    expect(part(element, 'error')).not.toBeNull();
    expect(part(element, 'chart')).toBeNull();
    // Good data after that are drawn.
    element.data = { label: 'Handed over', points: [{ period: '2024', value: 1, formattedValue: '1', periodLabel: '2024' }] };
    await element.updateComplete;
    expect(part(element, 'chart')!.getAttribute('aria-label')).toMatch(/^Handed over\./);
  });

  it('keeps the data shown when a live refresh answers a body of the wrong shape, and says so (stale)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const element = await mountLoaded(
      '<peru-export-ranking live live-interval="60" limit="3"></peru-export-ranking>',
      'peru-export-ranking',
    );
    const rows = () => [...shadow(element).querySelectorAll('[part="item"] .name')].map(text);
    const shown = rows();
    expect(shown).toHaveLength(3);
    api.version = 2;
    api.transform = (body) => ({ ...body, items: [1] });
    const loads: Event[] = [];
    element.addEventListener('peru-export-load', (e) => loads.push(e));
    vi.advanceTimersByTime(60_000);
    const event = await next<CustomEvent>(element, 'peru-export-error');
    expect(event.detail).toMatchObject({ status: null, stale: true, message: said });
    await (element as unknown as PeruExportCard).updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).toEqual([]);
    expect(rows()).toEqual(shown);
    expect(part(element, 'error')).toBeNull();
  });
});

describe('new attributes', () => {
  it('show the loading state while they load, and the error state when they fail: the old data are not kept', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const element = await mountLoaded<PeruExportCard>('<peru-export-card metric="total" live></peru-export-card>', 'peru-export-card');
    expect(text(part(element, 'label'))).toBe('Exportaciones totales');
    let release!: () => void;
    api.hold = new Promise((resolve) => (release = resolve));
    element.metric = 'destination/CN';
    await expect.poll(() => api.to('metrics/destination/CN').length).toBe(1);
    await element.updateComplete;
    expect(part(element, 'label')).toBeNull();
    expect(part(element, 'base')!.getAttribute('aria-busy')).toBe('true');
    api.failWith = 503;
    api.hold = undefined;
    release();
    const event = await next<CustomEvent>(element, 'peru-export-error');
    expect(event.detail).toMatchObject({ metric: 'destination/CN', status: 503, stale: false });
    await element.updateComplete;
    expect(part(element, 'retry')).not.toBeNull();
    expect(part(element, 'label')).toBeNull();
  });
});
