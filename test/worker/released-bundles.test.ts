/**
 * Every widget release archived in widgets/releases/ stays served at its versioned URL, byte for
 * byte, so pages pinned to it with its SRI hash keep loading it after later releases; the alias
 * serves the current release. Through the static assets binding (run npm run build:widgets first).
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { version } from '../../widgets/package.json';
import type { BundleInfo } from '../../widgets/scripts/readme-blocks';
import { sha384 } from './helpers';

declare global {
  interface ImportMeta {
    /** Vite's glob import (https://vite.dev/guide/features#glob-import), replaced by the modules it names when the test is transformed. */
    glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
  }
}

/** The archived releases' integrity.json, read at transform time (workerd has no file system). */
const archived = import.meta.glob<BundleInfo>('../../widgets/releases/*/integrity.json', { eager: true, import: 'default' });
const releases = Object.values(archived);

const asset = (path: string) => env.ASSETS.fetch(`https://assets.invalid${path}`);

describe('released widget bundles', () => {
  it('include v0.4.0, the first release archived', () => {
    expect(releases.map((info) => info.version)).toContain('0.4.0');
  });

  it.each(releases.map((info) => [info.file, info] as const))('%s answers the bytes of its published hash', async (file, info) => {
    const res = await asset(file);
    expect(res.status).toBe(200);
    expect(await sha384(await res.arrayBuffer())).toBe(info.integrity);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serve the current release at the alias', async () => {
    const current = await (await asset(`/widgets/v${version}/peru-exports.js`)).arrayBuffer();
    const alias = await asset('/widgets/v1/peru-exports.js');
    expect(alias.status).toBe(200);
    expect(alias.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(await sha384(await alias.arrayBuffer())).toBe(await sha384(current));
  });
});
