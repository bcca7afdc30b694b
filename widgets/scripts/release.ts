/**
 * Releases the bundle just built (run through `npm run release:widgets`, which builds first):
 * archives its versioned folder in `releases/v<version>/` (scripts/releases.ts: every later
 * build serves it again, byte for byte; a version already archived with other bytes is refused)
 * and writes the README's SRI snippet and size for it. The build itself never edits the README,
 * so `npm test` leaves the tree as it found it; test/scripts/widgets-build.test.ts fails while
 * the README's blocks do not match the bundle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBundleBlocks, type BundleInfo } from './readme-blocks';
import { archiveRelease } from './releases';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const built = join(root, 'dist/cdn/widgets', `v${version}`);
try {
  if (archiveRelease(built, join(root, 'releases'), version)) console.log(`widgets/releases/v${version}: archived (commit it)`);
  else console.log(`widgets/releases/v${version}: already archived with these bytes`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const info = JSON.parse(readFileSync(join(built, 'integrity.json'), 'utf8')) as BundleInfo;
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const next = withBundleBlocks(text, info);
if (next === text) console.log(`widgets/README.md: already gives ${info.file} with ${info.integrity}`);
else {
  writeFileSync(readme, next);
  console.log(`widgets/README.md: SRI hash and size written for ${info.file} (${info.integrity})`);
}
