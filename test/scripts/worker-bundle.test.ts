/**
 * The worker's main module as `wrangler deploy` would upload it, as `npm run test:bundle` (a dry
 * run, which `npm test` runs before vitest) left it in .wrangler/dist: it stays under a gzipped
 * size limit, and zod's other locales and compiler stay out of it (worker/build/zod/index.ts
 * through `[alias]` in wrangler.toml). This file reads that build and does not build again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * gzip -9 (zlib) of the main module, in bytes. 2026-11: 315,166 with the zod alias and
 * keep_names = false; 318,301 with names kept; 370,471 with every zod locale, compile.js and
 * fromJSONSchema. 2026-12: 319,501 with live figures (BCRP's adapter and snapshot check, the
 * KV refresh, /v1/status, the front page's lead: about 25 KB of code, 9 KB gzipped), so 320 KiB.
 * 2026-12: 324,562 before chart.svg, 330,151 with it (renderChart, its axes and view, the route
 * and the builder's chart kind: 15 KB of minified code, 5.6 KB gzipped), so 324 KiB; 333,283 with
 * the PNG twins' routes, the social previews and their checks (the rasteriser itself is in the PNG
 * worker, with its own budget), so 328 KiB. Start-up to the first JSON answer: 507 → 510 ms
 * (`npm run bench:png`, median of 15).
 * Raise it on purpose, not by habit: most
 * of the module is the dataset, and a jump usually means a namespace pulled a library back in.
 */
const GZIP_LIMIT = 328 * 1024;

/** Error messages only zod's German and Japanese locales have ("Ungültige Eingabe: erwartet…",
 * "無効な入力"), as esbuild writes them (non-ASCII escaped) and as written. */
const OTHER_LOCALE_TEXTS = ['Eingabe: erwartet', 'Ung\\xFCltige', 'Ungültige', '\\u7121\\u52B9\\u306A\\u5165\\u529B', '無効な入力'];

/** Where `npm run test:bundle` writes the module and esbuild's metafile (package.json). */
const dist = join(import.meta.dirname, '../../.wrangler/dist');
let code: string;
let inputs: string[];

beforeAll(() => {
  for (const file of ['index.js', 'bundle-meta.json']) {
    if (!existsSync(join(dist, file))) throw new Error(`.wrangler/dist/${file} is missing: run npm run test:bundle first (npm test does)`);
  }
  code = readFileSync(join(dist, 'index.js'), 'utf8');
  const meta = JSON.parse(readFileSync(join(dist, 'bundle-meta.json'), 'utf8')) as {
    outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
  };
  const main = Object.values(meta.outputs).find((output) => output.entryPoint);
  inputs = Object.keys(main!.inputs);
});

describe('the worker bundle (wrangler deploy --dry-run)', () => {
  it(`is at most ${GZIP_LIMIT / 1024} KiB gzipped`, () => {
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped, `main module: ${code.length} B, ${gzipped} B gzipped`).toBeLessThanOrEqual(GZIP_LIMIT);
  });

  it('takes zod through worker/build/zod (the [alias] of wrangler.toml)', () => {
    expect(inputs).toContain('worker/build/zod/index.ts');
    expect(inputs.filter((input) => input.endsWith('node_modules/zod/index.js'))).toEqual([]);
  });

  it('has zod English messages only', () => {
    const locales = inputs.flatMap((input) => /node_modules\/zod\/v4\/locales\/([^/]+)\.js$/.exec(input)?.[1] ?? []);
    expect(locales).toEqual(['en']);
    for (const text of OTHER_LOCALE_TEXTS) expect(code.includes(text), text).toBe(false);
    // English, the default zod may still answer with, stays.
    expect(code).toContain('Too small: expected');
  });

  it("has neither zod's compiler nor fromJSONSchema", () => {
    expect(inputs.filter((input) => /zod\/v4\/(core\/compile|classic\/from-json-schema)\.js$/.test(input))).toEqual([]);
  });
});

/**
 * The PNG worker (worker-png/: resvg's wasm, the font subset, the handler), as `npm run
 * test:bundle` left it in .wrangler/dist-png: every module, gzip -9, against its own limit.
 * Cloudflare's limit is 3 MB gzipped on the free plan (10 MB paid); 2026-12: 1,004,292 bytes
 * (the wasm 957,677 of it, each font subset about 21 KB, the handler 3 KB). 1.25 MiB leaves room for a larger font, not for a second engine.
 */
const PNG_GZIP_LIMIT = 1.25 * 1024 * 1024;

describe('the PNG worker bundle (wrangler deploy --dry-run -c worker-png/wrangler.toml)', () => {
  it(`is at most ${PNG_GZIP_LIMIT / 1024 / 1024} MiB gzipped, far under the free plan's 3 MB`, () => {
    const distPng = join(import.meta.dirname, '../../.wrangler/dist-png');
    if (!existsSync(join(distPng, 'index.js')))
      throw new Error('.wrangler/dist-png/index.js is missing: run npm run test:bundle first (npm test does)');
    const modules = readdirSync(distPng).filter((f) => /\.(js|wasm|ttf)$/.test(f));
    expect(modules.some((f) => f.endsWith('.wasm'))).toBe(true);
    expect(modules.filter((f) => f.endsWith('.ttf'))).toHaveLength(2);
    const gzipped = modules.reduce((sum, f) => sum + gzipSync(readFileSync(join(distPng, f)), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(PNG_GZIP_LIMIT);
  });

  it('keeps resvg out of the main worker', () => {
    expect(inputs.filter((input) => input.includes('resvg'))).toEqual([]);
    expect(code).not.toContain('resvg');
  });
});
