/**
 * The builder's snippet pinned to a widget release (issue 15 item 9): on the front page, the
 * builder's output and the metric pages, it names the versioned bundle this deploy serves, with
 * the SRI hash of those very bytes, while the one-line snippet keeps the alias.
 */
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ORIGIN, sha384 } from './helpers';

/** The text of a snippet form on a page (`<code>` inside `data-form="…"`), unescaped. */
function snippet(html: string, form: string): string | null {
  const code = new RegExp(`data-form="${form}"[\\s\\S]*?<code[^>]*>([\\s\\S]*?)</code>`).exec(html)?.[1];
  return code === undefined
    ? null
    : code
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
}

describe('the pinned snippet', () => {
  it.each(['/', '/?lang=en&kind=ranking', '/builder/output?kind=sparkline', '/m/destination/CN'])(
    'on %s: the versioned bundle with the hash of its bytes',
    async (path) => {
      const html = await (await SELF.fetch(`${ORIGIN}${path}`)).text();
      expect(snippet(html, 'html')).toContain('/widgets/v1/peru-exports.js');
      const pinned = snippet(html, 'pinned');
      expect(pinned, path).not.toBeNull();
      const [, src, integrity] =
        /^<script type="module" src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous"><\/script><peru-export-/.exec(pinned!) ?? [];
      expect(src).toMatch(/\/widgets\/v\d+\.\d+\.\d+\/peru-exports\.js$/);
      // The static assets, as the edge serves them before the worker.
      const bundle = await env.ASSETS.fetch(src!);
      expect(bundle.status).toBe(200);
      expect(await sha384(await bundle.arrayBuffer())).toBe(integrity);
    },
  );

  it('is not offered for an image, which runs no script', async () => {
    const html = await (await SELF.fetch(`${ORIGIN}/builder/output?kind=card-image`)).text();
    expect(snippet(html, 'image')).not.toBeNull();
    expect(snippet(html, 'pinned')).toBeNull();
  });
});
