/**
 * Released bundles stay served: `npm run release:widgets` archives the versioned folder it
 * released (`dist/cdn/widgets/v<version>/`: the bundle, its licence notices and `integrity.json`)
 * in `releases/v<version>/`, committed; every build copies each archived release back into
 * `dist/cdn/widgets/`, byte for byte, so a page pinned to an older release with its SRI hash
 * keeps loading it after the next one is deployed. A released version never changes: the
 * archive refuses different bytes for a version it holds, and the build refuses a bundle that
 * differs from its own version's archive (the sources changed without a version bump).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASE_COMMAND } from './readme-blocks';

/** Folder names of releases: `v` and a semantic version (never the alias, `v1`). */
const VERSION_DIR = /^v\d+\.\d+\.\d+$/;
/** Written anew by each build from the bundle (its budget may change); its hash must still match. */
const INFO = 'integrity.json';

function bumpAdvice(version: string): string {
  return (
    `a released version never changes (pages pin v${version} with its SRI hash): bump "version" in ` +
    `widgets/package.json (e.g. ${nextPatch(version)}) and run ${RELEASE_COMMAND}`
  );
}

function nextPatch(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  return `${major}.${minor}.${(patch ?? 0) + 1}`;
}

/** The archived versions (`v0.4.0` …) in `releases`, sorted by name; none when it does not exist. */
export function archivedVersions(releases: string): string[] {
  if (!existsSync(releases)) return [];
  const names = readdirSync(releases, { withFileTypes: true });
  const odd = names.filter((entry) => !entry.isDirectory() || !VERSION_DIR.test(entry.name)).map((entry) => entry.name);
  if (odd.length > 0) throw new Error(`${releases}: ${odd.join(', ')} is no release folder (allowed: v<major>.<minor>.<patch>/)`);
  return names.map((entry) => entry.name).sort();
}

/** The names of the files in a release folder, sorted. */
function filesOf(dir: string): string[] {
  return readdirSync(dir).sort();
}

const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));

/**
 * Files of `built` (a freshly built `v<version>` folder) that differ from `archived`, or exist
 * in only one of them. `integrity.json` counts by its hash only: the build rewrites its other
 * figures.
 */
function differences(built: string, archived: string): string[] {
  const names = [...new Set([...filesOf(built), ...filesOf(archived)])].sort();
  return names.filter((name) => {
    const [a, b] = [join(built, name), join(archived, name)];
    if (!existsSync(a) || !existsSync(b)) return true;
    if (name === INFO) return readInfo(a).integrity !== readInfo(b).integrity;
    return !same(a, b);
  });
}

function readInfo(file: string): { integrity: string } {
  return JSON.parse(readFileSync(file, 'utf8')) as { integrity: string };
}

/**
 * Copies the files of `dir` into `releases/v<version>/` (a new release), or checks that the
 * archive already holds the same bytes. Throws, copying nothing, when it holds different ones.
 * Returns whether it archived anything.
 */
export function archiveRelease(dir: string, releases: string, version: string): boolean {
  const target = join(releases, `v${version}`);
  if (existsSync(target)) {
    const changed = differences(dir, target);
    if (changed.length > 0) {
      throw new Error(`widgets/releases/v${version} holds other bytes than this build (${changed.join(', ')}): ${bumpAdvice(version)}.`);
    }
    return false;
  }
  mkdirSync(target, { recursive: true });
  for (const name of filesOf(dir)) copyFileSync(join(dir, name), join(target, name));
  return true;
}

/**
 * Puts every archived release into `cdnWidgets` (`dist/cdn/widgets`) beside the one just built
 * for `version`: older ones copied byte for byte; the current one, if archived, must equal the
 * build (else it throws: the sources changed after the release) and is served from the archive.
 * Returns the archived versions (`v0.4.0` …).
 */
export function publishReleases(releases: string, cdnWidgets: string, version: string): string[] {
  const versions = archivedVersions(releases);
  for (const name of versions) {
    const archived = join(releases, name);
    const target = join(cdnWidgets, name);
    if (name === `v${version}`) {
      const changed = differences(target, archived);
      if (changed.length > 0) {
        throw new Error(
          `The bundle just built differs from the released v${version} in widgets/releases/v${version} (${changed.join(', ')}): ` +
            `the widget sources changed after the release, but ${bumpAdvice(version)}.`,
        );
      }
    } else mkdirSync(target, { recursive: true });
    for (const file of filesOf(archived)) copyFileSync(join(archived, file), join(target, file));
  }
  return versions;
}
