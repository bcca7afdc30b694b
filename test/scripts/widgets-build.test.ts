/**
 * What `npm run build:widgets` leaves for the worker and for npm: checked on the files
 * (run the build first; `npm test` does).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_COMMAND, withBundleBlocks, type BundleInfo } from '../../widgets/scripts/readme-blocks';

const root = join(import.meta.dirname, '../../widgets');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const versioned = join(dist, 'cdn/widgets', `v${pkg.version}`, 'peru-exports.js');

beforeAll(() => {
  if (!existsSync(versioned)) throw new Error('widgets/dist is missing: run npm run build:widgets first');
});

describe('the CDN files', () => {
  it('has the same bundle at the alias and the versioned URL, with its SRI hash published', () => {
    const bundle = readFileSync(versioned);
    expect(readFileSync(join(dist, 'cdn/widgets/v1/peru-exports.js')).equals(bundle)).toBe(true);
    const info = JSON.parse(readFileSync(join(dist, 'cdn/widgets', `v${pkg.version}`, 'integrity.json'), 'utf8'));
    const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
    expect(info).toMatchObject({ version: pkg.version, file: `/widgets/v${pkg.version}/peru-exports.js`, integrity, bytes: bundle.length });
    expect(info.gzipBytes).toBe(gzipSync(bundle, { level: 9 }).length);
    expect(info.gzipBytes).toBeLessThanOrEqual(info.budgetBytes);
    // The README gives the current hash for the versioned URL.
    expect(readFileSync(join(root, 'README.md'), 'utf8'), `stale SRI hash in widgets/README.md: run ${RELEASE_COMMAND}`).toContain(
      `integrity="${integrity}"`,
    );
  });

  it(`has the README's SRI snippet and size written for this bundle (by ${RELEASE_COMMAND}, not by the build)`, () => {
    const info = JSON.parse(readFileSync(join(dist, 'cdn/widgets', `v${pkg.version}`, 'integrity.json'), 'utf8')) as BundleInfo;
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme, `widgets/README.md's SRI or size block is stale: run ${RELEASE_COMMAND}`).toBe(withBundleBlocks(readme, info));
  });

  it('is one self-contained ES module without eval', () => {
    const code = readFileSync(versioned, 'utf8');
    expect(code).not.toMatch(/\bimport\s*[("'{*]|\bimport\s+\w+\s+from\b/); // no imports left
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    expect(code).toContain('customElements');
  });

  it('sends cache, CORS, CORP and nosniff headers (Workers _headers)', () => {
    const rules = new Map<string, string[]>();
    let current = '';
    for (const line of readFileSync(join(dist, 'cdn/_headers'), 'utf8').split('\n')) {
      if (line.startsWith('#') || !line.trim()) continue;
      if (!line.startsWith(' ')) rules.set((current = line.trim()), []);
      else rules.get(current)!.push(line.trim());
    }
    expect(rules.get('/widgets/*')).toEqual([
      'Access-Control-Allow-Origin: *',
      'Cross-Origin-Resource-Policy: cross-origin',
      'X-Content-Type-Options: nosniff',
    ]);
    expect(rules.get('/widgets/v1/*')).toEqual(['Cache-Control: public, max-age=300, stale-while-revalidate=86400']);
    expect(rules.get(`/widgets/v${pkg.version}/*`)).toEqual(['Cache-Control: public, max-age=31536000, immutable']);
  });
});

describe('the npm package', () => {
  it('has every export in place', () => {
    const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    for (const target of targets) expect(existsSync(join(root, target)), target).toBe(true);
  });

  it('writes full relative specifiers in its ES modules, so browsers and Node can load them', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|d\.ts)$/.test(f) && !f.startsWith('cdn'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const specifiers = [...readFileSync(join(dist, file), 'utf8').matchAll(/\bfrom\s*['"](\.[^'"]*)['"]/g)].map((m) => m[1]!);
      for (const specifier of specifiers) expect(specifier, `${file}: ${specifier}`).toMatch(/\.js$/);
    }
  });

  it('describes the three elements in custom-elements.json', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
    const elements = new Map<string, any>(
      manifest.modules.flatMap((m: any) => m.declarations.filter((d: any) => d.tagName).map((d: any) => [d.tagName, d])),
    );
    expect([...elements.keys()].sort()).toEqual(['peru-export-card', 'peru-export-ranking', 'peru-export-sparkline']);
    const names = (element: any, key: string) => (element[key] ?? []).map((item: any) => item.name);
    const common = ['lang', 'api', 'theme', 'live', 'live-interval'];
    expect(names(elements.get('peru-export-card'), 'attributes')).toEqual(
      expect.arrayContaining([...common, 'metric', 'from', 'to', 'freq', 'type']),
    );
    expect(names(elements.get('peru-export-sparkline'), 'attributes')).toEqual(
      expect.arrayContaining([...common, 'metric', 'from', 'to', 'freq', 'type']),
    );
    expect(names(elements.get('peru-export-ranking'), 'attributes')).toEqual(expect.arrayContaining([...common, 'kind', 'year', 'limit']));
    for (const element of elements.values()) {
      expect(names(element, 'attributes').filter((name: string) => name.startsWith('_'))).toEqual([]); // internal state is no attribute
      expect(names(element, 'events')).toEqual(['peru-export-error', 'peru-export-load']);
      expect(names(element, 'cssParts')).toEqual(expect.arrayContaining(['base', 'error', 'retry']));
      expect(names(element, 'cssProperties')).toEqual(
        expect.arrayContaining(['--peru-color-text', '--peru-color-line', '--peru-font-size']),
      );
      expect(names(element, 'slots')).toEqual(['']);
    }
  });

  it("puts each tag's definition in the module that registers it, naming the element's class", () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
    const definitions = manifest.modules.flatMap((m: any) =>
      (m.exports ?? [])
        .filter((e: any) => e.kind === 'custom-element-definition')
        .map((e: any) => ({ module: m.path, tag: e.name, declaration: e.declaration })),
    );
    const elements = manifest.modules.flatMap((m: any) =>
      m.declarations.filter((d: any) => d.tagName).map((d: any) => ({ tag: d.tagName, declaration: { name: d.name, module: m.path } })),
    );
    const byTag = (a: { tag: string }, b: { tag: string }) => a.tag.localeCompare(b.tag);
    expect(definitions.sort(byTag)).toEqual(elements.map((e: any) => ({ module: `src/${e.tag}.define.ts`, ...e })).sort(byTag));
    for (const { module, tag, declaration } of definitions) {
      expect(readFileSync(join(root, module), 'utf8')).toContain(`defineElement('${tag}', ${declaration.name});`);
    }
  });
});
