/**
 * Released widget bundles stay served (widgets/scripts/releases.ts): the archive step and the
 * build's copy on temporary folders, and the real build's output against widgets/releases/
 * (run `npm run build:widgets` first; `npm test` does).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveRelease, archivedVersions, publishReleases } from '../../widgets/scripts/releases';

const widgets = join(import.meta.dirname, '../../widgets');
const cdnWidgets = join(widgets, 'dist/cdn/widgets');
const { version } = JSON.parse(readFileSync(join(widgets, 'package.json'), 'utf8')) as { version: string };

const sri = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** A release folder as the build writes it: a bundle, its notices and its integrity.json. */
function writeRelease(dir: string, code: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'peru-exports.js'), code);
  writeFileSync(join(dir, 'peru-exports.js.LEGAL.txt'), 'notices\n');
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify({ integrity: sri(Buffer.from(code)), budgetBytes: 1 })}\n`);
}

describe('archiving and serving releases (temporary folders)', () => {
  let tmp: string;
  let releases: string;
  let cdn: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'widget-releases-'));
    releases = join(tmp, 'releases');
    cdn = join(tmp, 'cdn/widgets');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('copies an archived older release into the output byte for byte, beside the current one', () => {
    // Bytes a text conversion would alter (CRLF, a BOM, non-ASCII): they must arrive as they are.
    const old = '\uFEFFexport{};\r\nconsole.log("año");\n';
    writeRelease(join(releases, 'v0.0.1'), old);
    writeRelease(join(cdn, 'v0.0.2'), 'current();');
    expect(publishReleases(releases, cdn, '0.0.2')).toEqual(['v0.0.1']);
    for (const name of ['peru-exports.js', 'peru-exports.js.LEGAL.txt', 'integrity.json']) {
      expect(readFileSync(join(cdn, 'v0.0.1', name)).equals(readFileSync(join(releases, 'v0.0.1', name))), name).toBe(true);
    }
    expect(readFileSync(join(cdn, 'v0.0.2/peru-exports.js'), 'utf8')).toBe('current();');
  });

  it('accepts a current build equal to its archive and serves the archived files', () => {
    writeRelease(join(releases, 'v0.0.2'), 'current();');
    writeRelease(join(cdn, 'v0.0.2'), 'current();');
    // The build rewrites integrity.json's other figures (a new budget): the archived one is served.
    writeFileSync(join(cdn, 'v0.0.2/integrity.json'), `${JSON.stringify({ integrity: sri(Buffer.from('current();')), budgetBytes: 2 })}\n`);
    expect(publishReleases(releases, cdn, '0.0.2')).toEqual(['v0.0.2']);
    expect(readFileSync(join(cdn, 'v0.0.2/integrity.json')).equals(readFileSync(join(releases, 'v0.0.2/integrity.json')))).toBe(true);
  });

  it('refuses a current build that differs from its archive, naming the version and what to do', () => {
    writeRelease(join(releases, 'v0.0.2'), 'released();');
    writeRelease(join(cdn, 'v0.0.2'), 'changed();');
    expect(() => publishReleases(releases, cdn, '0.0.2')).toThrow(
      /released v0\.0\.2 .*\(integrity\.json, peru-exports\.js\).*bump "version" in widgets\/package\.json \(e\.g\. 0\.0\.3\)/,
    );
  });

  it('refuses a folder in releases that is not a version', () => {
    writeRelease(join(releases, 'v1'), 'alias();');
    expect(() => archivedVersions(releases)).toThrow(/v1 is no release folder \(allowed: v<major>\.<minor>\.<patch>\/\)/);
  });

  it('has nothing to serve without a releases folder', () => {
    expect(archivedVersions(join(tmp, 'none'))).toEqual([]);
  });

  it('archives a new release, keeps an identical one, and refuses to overwrite one with other bytes', () => {
    const built = join(cdn, 'v0.0.2');
    writeRelease(built, 'current();');
    expect(archiveRelease(built, releases, '0.0.2')).toBe(true);
    expect(readdirSync(join(releases, 'v0.0.2')).sort()).toEqual(['integrity.json', 'peru-exports.js', 'peru-exports.js.LEGAL.txt']);
    expect(archiveRelease(built, releases, '0.0.2')).toBe(false);

    writeRelease(built, 'changed();');
    expect(() => archiveRelease(built, releases, '0.0.2')).toThrow(
      /widgets\/releases\/v0\.0\.2 holds other bytes .*a released version never changes.*0\.0\.3.*npm run release:widgets/,
    );
    expect(readFileSync(join(releases, 'v0.0.2/peru-exports.js'), 'utf8')).toBe('current();');
  });
});

describe('widgets/releases and the build', () => {
  const releases = join(widgets, 'releases');
  const versions = archivedVersions(releases);

  it('holds the releases from v0.4.0 on', () => {
    expect(versions).toContain('v0.4.0');
  });

  it.each(versions)('%s: served by the build byte for byte, with an immutable cache rule', (name) => {
    if (!existsSync(cdnWidgets)) throw new Error('widgets/dist is missing: run npm run build:widgets first');
    const files = readdirSync(join(releases, name)).sort();
    expect(files).toContain('peru-exports.js');
    expect(readdirSync(join(cdnWidgets, name)).sort()).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(cdnWidgets, name, file)).equals(readFileSync(join(releases, name, file))), `${name}/${file}`).toBe(true);
    }
    expect(readFileSync(join(widgets, 'dist/cdn/_headers'), 'utf8')).toContain(
      `/widgets/${name}/*\n  Cache-Control: public, max-age=31536000, immutable\n`,
    );
  });

  it.each(versions)("%s: its integrity.json names its file and its bundle's hash", (name) => {
    const info = JSON.parse(readFileSync(join(releases, name, 'integrity.json'), 'utf8')) as {
      version: string;
      file: string;
      integrity: string;
    };
    expect(info).toMatchObject({ version: name.slice(1), file: `/widgets/${name}/peru-exports.js` });
    expect(info.integrity).toBe(sri(readFileSync(join(releases, name, 'peru-exports.js'))));
  });

  it("keeps the alias on the current version's bundle", () => {
    expect(
      readFileSync(join(cdnWidgets, 'v1/peru-exports.js')).equals(readFileSync(join(cdnWidgets, `v${version}`, 'peru-exports.js'))),
    ).toBe(true);
  });
});
