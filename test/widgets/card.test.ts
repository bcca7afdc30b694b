import { describe, expect, it } from 'vitest';
import '@peru-exports/widgets/define.js';
import type { PeruExportCard } from '@peru-exports/widgets';
import { formatUsd } from '@peru-exports/widgets/render';
import { highlightResponse, metricResponse, SERIES } from './fixtures';
import { mount, mountLoaded, next, setUpElementTests, shadow, text, type MockApi } from './mock-api';

let api: MockApi;
let container: HTMLElement | undefined;
setUpElementTests((mock) => (api = mock));

async function card(html: string): Promise<PeruExportCard> {
  const element = await mountLoaded<PeruExportCard>(html, 'peru-export-card');
  return element;
}

const part = (element: Element, name: string) => shadow(element).querySelector(`[part~="${name}"]`);

describe('<peru-export-card>', () => {
  it('shows label, value, change, period, sparkline and source from /v1/metrics/{id} and its series', async () => {
    const element = await card('<peru-export-card metric="total"></peru-export-card>');
    const metric = metricResponse('total', 'es')!;
    expect(text(part(element, 'label'))).toBe('Exportaciones totales');
    expect(text(part(element, 'value')!.querySelector('[aria-hidden]'))).toBe(metric.latest.formattedValue);
    expect(text(part(element, 'change')!.querySelector('[aria-hidden]'))).toBe(`▼ ${metric.formattedChange}`);
    expect(part(element, 'change')!.classList).toContain('down');
    expect(text(part(element, 'period'))).toBe('abril de 2025 (incompleto)');
    const link = part(element, 'source')!.querySelector('a')!;
    expect(link.href).toBe(metric.source.url);
    expect(text(part(element, 'source'))).toContain(metric.source.title);

    // The metric and, side by side, the last 24 points of its series, in the page's language.
    expect(api.requests.map((r) => `${r.url.pathname}${r.url.search}`)).toEqual([
      '/v1/metrics/total?lang=es',
      '/v1/metrics/total/series?last=24&lang=es',
    ]);
    const spark = part(element, 'sparkline') as HTMLElement & { updateComplete: Promise<boolean> };
    await expect.poll(() => shadow(spark).querySelector('svg path[fill="none"]')).not.toBeNull();
    expect(shadow(spark).querySelectorAll('table tr')).toHaveLength(1 + SERIES.total!.values.length);
  });

  it('says the numbers in words for screen readers', async () => {
    const element = await card('<peru-export-card metric="total"></peru-export-card>');
    expect(text(part(element, 'value')!.querySelector('.sr'))).toBe('4,6 mil millones de dólares');
    expect(text(part(element, 'change')!.querySelector('.sr'))).toBe('7,7\u00a0% menos que en abril de 2024');
  });

  it('speaks English when the page (or the element) says lang="en"', async () => {
    const element = await card('<div lang="en-GB"><peru-export-card metric="destination/CN"></peru-export-card></div>');
    expect(api.requests.every((r) => r.url.searchParams.get('lang') === 'en')).toBe(true);
    expect(text(part(element, 'label'))).toBe('China');
    expect(text(part(element, 'period'))).toBe('April 2025 (incomplete)');
    expect(text(part(element, 'value')!.querySelector('.sr'))).toBe('1.16 billion US dollars');
    expect(text(part(element, 'change')!.querySelector('.sr'))).toMatch(/^down [\d.]+% from April 2024$/);
    expect(text(part(element, 'source'))).toMatch(/^Source: /);

    // Switching the element's own lang asks again in Spanish.
    element.setAttribute('lang', 'es');
    await expect.poll(() => text(part(element, 'period'))).toBe('abril de 2025 (incompleto)');
    expect(api.requests.at(-1)!.url.searchParams.get('lang')).toBe('es');
  });

  it('shows a press-release highlight without asking for a series', async () => {
    const highlight = highlightResponse('es');
    const element = await card('<peru-export-card metric="highlight/total"></peru-export-card>');
    expect(text(part(element, 'value')!.querySelector('[aria-hidden]'))).toBe(formatUsd(74.7e9, 'es'));
    expect(text(part(element, 'change')!.querySelector('[aria-hidden]'))).toBe(`▲ ${highlight.formattedChange}`);
    expect(text(part(element, 'period'))).toBe('2024');
    expect(text(shadow(element).querySelector('.previous'))).toBe(`2023: ${highlight.previous.formattedValue}`);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.url.pathname).toBe('/v1/metrics/highlight/total');
  });

  it('passes from, to and freq to the series and asks for both at once', async () => {
    let release!: () => void;
    api.hold = new Promise((resolve) => (release = resolve));
    container = mount('<peru-export-card metric="total" from="2019" to="2025" freq="annual"></peru-export-card>');
    const element = container.querySelector('peru-export-card')!;
    await expect.poll(() => api.requests.length).toBe(2); // both requests out before either answered
    release();
    await next(element, 'peru-export-load');
    await element.updateComplete;
    const series = api.to('metrics/total/series')[0]!.url.searchParams;
    expect(Object.fromEntries(series)).toEqual({ from: '2019', to: '2025', freq: 'annual', lang: 'es' });
    const spark = part(element, 'sparkline')!;
    await expect.poll(() => shadow(spark).querySelectorAll('table tr').length).toBe(1 + 7);
    // The last year is partial: the table says so.
    expect(text(shadow(spark).querySelector('table tr:last-child td'))).toBe('2025 (4 meses)');
  });

  it('loads again when the metric changes', async () => {
    const element = await card('<peru-export-card metric="total"></peru-export-card>');
    element.metric = 'destination/CN';
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(text(part(element, 'label'))).toBe('China');
    expect(api.to('metrics/destination/CN')).toHaveLength(1);
  });

  it('calls the API at the script origin by default, and at `api` when given', async () => {
    await card('<peru-export-card metric="total"></peru-export-card>');
    // The tests load the script from the page's own server.
    expect(api.requests[0]!.url.origin).toBe(location.origin);
    container!.remove();
    await card('<peru-export-card metric="total" api="https://stats.example.org/peru/"></peru-export-card>');
    expect(api.requests.at(-1)!.url.href).toMatch(/^https:\/\/stats\.example\.org\/peru\/v1\/metrics\/total\/series\?/);
  });

  it.each(['javascript:alert(1)', 'http://[not-a-host'])('rejects api="%s" without a request', async (value) => {
    container = mount('<peru-export-card metric="total"></peru-export-card>');
    const element = container.querySelector('peru-export-card')!;
    element.setAttribute('api', value);
    const event = await next<CustomEvent>(element, 'peru-export-error');
    expect(event.detail.message).toBe(`Invalid api="${value}": use an http(s) URL such as https://example.org`);
    expect(api.requests).toHaveLength(0);
  });

  it('rejects an invalid metric id without a request, saying what is allowed', async () => {
    container = mount('<peru-export-card metric="total/../../admin"></peru-export-card>');
    const element = container.querySelector('peru-export-card')!;
    const event = await next<CustomEvent>(element, 'peru-export-error');
    expect(event.detail).toMatchObject({ metric: 'total/../../admin', status: null, url: null, stale: false });
    expect(event.detail.message).toMatch(/metric="total\/\.\.\/\.\.\/admin".*destination\/CN/);
    expect(api.requests).toHaveLength(0);
    await element.updateComplete;
    expect(text(part(element, 'error'))).toContain('No se pudieron cargar los datos.');
  });

  it('takes the theme tokens: light by default, dark with theme="dark", and page overrides', async () => {
    const element = await card('<peru-export-card metric="total"></peru-export-card>');
    const background = () => getComputedStyle(part(element, 'base')!).backgroundColor;
    expect(background()).toBe('rgb(255, 255, 255)');
    element.theme = 'dark';
    await element.updateComplete;
    expect(element.getAttribute('theme')).toBe('dark');
    expect(background()).toBe('rgb(13, 17, 23)');
    element.style.setProperty('--peru-color-bg', 'rgb(1, 2, 3)');
    expect(background()).toBe('rgb(1, 2, 3)');
    // The sparkline inside follows the card's tokens, not its own defaults.
    element.style.setProperty('--peru-color-line', 'rgb(200, 0, 100)');
    const spark = part(element, 'sparkline')!;
    await expect.poll(() => shadow(spark).querySelector('path[fill="none"]')).not.toBeNull();
    expect(getComputedStyle(shadow(spark).querySelector('path[fill="none"]')!).stroke).toBe('rgb(200, 0, 100)');
  });

  it('cannot be restyled by the page except through its tokens and parts', async () => {
    const style = document.createElement('style');
    style.textContent = 'body { font: italic 40px serif; color: red; letter-spacing: 9px } div { padding: 50px; color: lime }';
    document.head.append(style);
    try {
      const element = await card('<peru-export-card metric="total"></peru-export-card>');
      const value = part(element, 'value')!;
      expect(getComputedStyle(value).fontStyle).toBe('normal');
      expect(getComputedStyle(value).letterSpacing).toBe('normal');
      expect(getComputedStyle(value).color).toBe('rgb(31, 35, 40)');
      expect(getComputedStyle(value).paddingTop).toBe('0px');
      expect(getComputedStyle(part(element, 'base')!).paddingTop).toBe('16px');
      // …and its own styles stay inside: the page's .label and .value are untouched.
      const outside = mount('<p class="label">page</p><p class="value">page</p>');
      try {
        for (const p of outside.querySelectorAll('p')) expect(getComputedStyle(p).fontSize).toBe('40px');
      } finally {
        outside.remove();
      }
    } finally {
      style.remove();
    }
  });

  it('formats the values the way the API does (fixtures use the shared helpers)', () => {
    expect(metricResponse('total', 'es')!.latest.formattedValue).toBe(formatUsd(4601631294, 'es'));
  });
});
