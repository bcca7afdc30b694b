import { describe, expect, it } from 'vitest';
import { expectProblem, get, ORIGIN } from './helpers';

const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`);

describe('oEmbed answers oEmbed statuses (oembed.com §2.3.4)', () => {
  it('answers 404, not 400, for a page whose parameters leave nothing to embed', async () => {
    for (const page of [
      '/m/total?from=2030',
      '/m/total?to=1990',
      '/?kind=sparkline&metric=sector/agro&from=2030-01',
      '/m/highlight/total?kind=sparkline',
      '/?kind=ranking&year=1990',
    ]) {
      const p = await expectProblem(await oembed(`${ORIGIN}${page}`), 404);
      expect(p.detail, page).toMatch(/^No embed for this url: /);
    }
    // The same page without the parameter embeds.
    expect((await oembed(`${ORIGIN}/m/total`)).status).toBe(200);
  });

  it('treats an empty format like an absent one, as it does an empty maxwidth', async () => {
    const plain = await (await oembed(`${ORIGIN}/m/total`)).text();
    for (const extra of ['&format=', '&format=json', '&maxwidth=', '&format=&maxwidth=&maxheight=']) {
      const res = await oembed(`${ORIGIN}/m/total`, extra);
      expect(res.status, extra).toBe(200);
      expect(await res.text()).toBe(plain);
    }
    expect((await oembed(`${ORIGIN}/m/total`, '&format=xml')).status).toBe(501);
  });
});

describe('oEmbed of the chart image', () => {
  it('embeds chart.svg at its size, scaled to fit maxwidth, and refuses a chart of a press-release figure', async () => {
    const res = await oembed(`${ORIGIN}/?kind=chart-image&metric=sector%2Fagro&lang=en`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { html: string; width: number; height: number };
    expect(body).toMatchObject({ width: 640, height: 360 });
    expect(body.html).toMatch(
      /^<img src="[^"]+\/v1\/metrics\/sector\/agro\/chart\.svg\?width=640&amp;height=360&amp;theme=light&amp;lang=en"/,
    );
    const fitted = (await (await oembed(`${ORIGIN}/?kind=chart-image&metric=sector%2Fagro`, '&maxwidth=400')).json()) as {
      html: string;
      width: number;
      height: number;
    };
    expect(fitted).toMatchObject({ width: 400, height: 225 });
    expect(fitted.html).toContain('chart.svg?width=400&amp;height=225');
    const p = await expectProblem(await oembed(`${ORIGIN}/?kind=chart-image&metric=highlight%2Ftotal`), 404);
    expect(p.detail).toMatch(/^No embed for this url: .*not a series/);
  });
});
