/**
 * What the elements refuse to do for a hostile page or server: a timer the browser would fire at
 * once (numeric attributes out of range).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../widgets/src/define';
import type { PeruExportRanking } from '../../widgets/src/peru-export-ranking';
import { mount, mountLoaded, setUpElementTests, type MockApi } from './mock-api';

let api: MockApi;
setUpElementTests((mock) => (api = mock));
afterEach(() => vi.useRealTimers());

describe('numeric attributes', () => {
  it.each([
    ['1e9', 86_400],
    ['2147484', 86_400],
    ['Infinity', 300],
    ['-5', 300],
    ['0', 300],
    ['soon', 300],
    ['1', 10],
    ['60', 60],
  ])('live-interval="%s" refreshes after %i s (10 s to a day; not a positive number: the default)', async (value, seconds) => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const element = await mountLoaded<PeruExportRanking>(`<peru-export-ranking live live-interval="${value}"></peru-export-ranking>`, 'peru-export-ranking');
    expect(api.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(seconds * 1000 - 1);
    await element.updateComplete;
    expect(api.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect.poll(() => api.requests.length).toBe(2);
  });

  it('does not refresh at once, over and over, when live-interval is more than the browser’s timer can hold', async () => {
    const element = mount('<peru-export-card metric="total" live live-interval="1e9"></peru-export-card>').firstElementChild!;
    let loads = 0;
    element.addEventListener('peru-export-load', (event) => event.target === element && loads++);
    await expect.poll(() => loads).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(loads).toBe(1);
    expect(api.requests).toHaveLength(2);
  });

  it.each([
    ['500', '50'],
    ['0.2', '1'],
    ['0', '10'],
    ['-3', '10'],
    ['Infinity', '10'],
    ['many', '10'],
  ])('limit="%s" asks for %s rows (1–50; not a positive number: the default)', async (limit, rows) => {
    await mountLoaded(`<peru-export-ranking limit="${limit}"></peru-export-ranking>`, 'peru-export-ranking');
    expect(api.requests[0]!.url.searchParams.get('limit')).toBe(rows);
  });
});
