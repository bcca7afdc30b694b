import { describe, expect, it } from 'vitest';
import { expectProblem, get, ORIGIN } from './helpers';

const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`);

describe('oEmbed answers oEmbed statuses (oembed.com §2.3.4)', () => {
  it('answers 404, not 400, for a page whose parameters leave nothing to embed', async () => {
    for (const page of ['/m/total?from=2030', '/m/total?to=1990', '/?kind=sparkline&metric=sector/agro&from=2030-01', '/m/highlight/total?kind=sparkline', '/?kind=ranking&year=1990']) {
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
