/**
 * Writes the README's SRI snippet and size for the bundle just built (run through
 * `npm run release:widgets`, which builds first). The build itself never edits the README, so
 * `npm test` leaves the tree as it found it; test/scripts/widgets-build.test.ts fails while the
 * README's blocks do not match the bundle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBundleBlocks, type BundleInfo } from './readme-blocks';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const info = JSON.parse(readFileSync(join(root, 'dist/cdn/widgets', `v${version}`, 'integrity.json'), 'utf8')) as BundleInfo;
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const next = withBundleBlocks(text, info);
if (next === text) console.log(`widgets/README.md: already gives ${info.file} with ${info.integrity}`);
else {
  writeFileSync(readme, next);
  console.log(`widgets/README.md: SRI hash and size written for ${info.file} (${info.integrity})`);
}
