/**
 * `npm run data:fetch` against a local HTTP server (this machine has no internet): it
 * downloads both workbooks, checks each answer is a workbook, runs the import of
 * data:import, and on an HTTP error, an HTML page, a non-workbook or no answer in time says so
 * and changes nothing: neither the output folder nor the stored workbooks.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL_ENV, fetchAndImport, WORKBOOK_FILES } from '../../data/import/fetch-workbooks';
import { OUTPUT_FILES } from '../../data/import/import-dataset';
import { BCRP_FILE } from '../../data/import/bcrp';
import { WORLDBANK_FILE } from '../../data/import/worldbank';
import { committedFolder } from './fixtures/committed-folder';
import { writeFixture } from './fixtures/sunat-fixture';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const sharedData = resolve(repoRoot, '../shared/data');
const sharedPresent = existsSync(join(sharedData, 'sunat'));

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `peru-exports-${prefix}-`));
  dirs.push(d);
  return d;
}

/** What the server answers for `/<scenario>/<file>`. */
type Answer = { status: number; type?: string; body: Buffer | string } | 'hang';

let fixtureDir: string;
/** Workbooks, but G1 lacks its 2006 sheet: the importer refuses them. */
let refusedDir: string;
let server: Server;
let base: string;
const workbook = (dir: string, file: string): Buffer => readFileSync(join(dir, 'sunat', file));
const scenarios: Record<string, (file: string) => Answer> = {
  fixture: (file) => ({
    status: 200,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: workbook(fixtureDir, file),
  }),
  // The real workbooks, labelled as many servers do.
  shared: (file) => ({ status: 200, type: 'application/octet-stream', body: workbook(sharedData, file) }),
  missing: () => ({ status: 404, type: 'text/plain', body: 'Not Found' }),
  // G1 is fine; G6 is a portal's HTML page (a moved file) served with 200.
  html: (file) =>
    file === WORKBOOK_FILES[0]
      ? scenarios.fixture!(file)
      : {
          status: 200,
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><title>SUNAT</title>${'<p>Página no encontrada</p>'.repeat(400)}`,
        },
  // An unlabelled body that is not a zip archive.
  garbage: () => ({ status: 200, type: 'application/octet-stream', body: Buffer.alloc(20_000, 0x41) }),
  hang: () => 'hang',
  refused: (file) => ({ status: 200, type: 'application/octet-stream', body: workbook(refusedDir, file) }),
};

beforeAll(async () => {
  fixtureDir = await writeFixture(tempDir('fixture'));
  refusedDir = await writeFixture(tempDir('refused'), {
    years: [2005, 2006, 2007],
    editG1: (b) => b.removeWorksheet(b.getWorksheet('2006')!.id),
  });
  server = createServer((req, res) => {
    const [, scenario = '', file = ''] = (req.url ?? '').split('/');
    const answer = scenarios[scenario]?.(file) ?? { status: 404, body: 'no such scenario' };
    if (answer === 'hang') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.write('PK'); // starts, then never finishes
      return;
    }
    res.writeHead(answer.status, answer.type ? { 'Content-Type': answer.type } : {});
    res.end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A data folder with the World Bank and BCRP CSVs of `from` and, in sunat/, the workbooks stored before. */
function dataFolder(from = fixtureDir): { dir: string; storedUntouched: () => void } {
  const dir = tempDir('data');
  mkdirSync(join(dir, 'worldbank'));
  cpSync(join(from, 'worldbank', WORLDBANK_FILE), join(dir, 'worldbank', WORLDBANK_FILE));
  mkdirSync(join(dir, 'bcrp'));
  cpSync(join(from, 'bcrp', BCRP_FILE), join(dir, 'bcrp', BCRP_FILE));
  cpSync(join(fixtureDir, 'sunat'), join(dir, 'sunat'), { recursive: true });
  const before = WORKBOOK_FILES.map((f) => workbook(dir, f));
  return { dir, storedUntouched: () => WORKBOOK_FILES.forEach((f, i) => expect(workbook(dir, f).equals(before[i]!), f).toBe(true)) };
}

describe('data:fetch, a failed download: a clear error, nothing changed', () => {
  async function expectFailure(scenario: string, message: RegExp, timeoutMs = 10_000): Promise<void> {
    const data = dataFolder();
    const out = committedFolder(tempDir('out'));
    await expect(fetchAndImport(data.dir, out.dir, { baseUrl: `${base}/${scenario}/`, timeoutMs })).rejects.toThrow(message);
    out.untouched();
    data.storedUntouched();
  }

  it('HTTP status', async () => {
    await expectFailure(
      'missing',
      new RegExp(`^cdro_G1\\.xlsx: download failed: HTTP 404 Not Found \\(from ${base}/missing/cdro_G1\\.xlsx\\); nothing written$`),
    );
  });

  it('an HTML page instead of the workbook (after the first one downloaded fine)', async () => {
    await expectFailure(
      'html',
      /^cdro_G6\.xlsx: got an HTML page instead of an \.xlsx workbook: the file may have moved; look for it on https:\/\/www\.sunat\.gob\.pe\//,
    );
  });

  it('a body that is not a zip archive', async () => {
    await expectFailure(
      'garbage',
      /^cdro_G1\.xlsx: not an \.xlsx workbook: it does not start with the zip signature "PK\\3\\4" \(starts with "AAAA/,
    );
  });

  it('no answer in time', async () => {
    await expectFailure('hang', /^cdro_G1\.xlsx: no complete answer within 0\.5 s \(from /, 500);
  });

  it('workbooks the importer refuses are not stored', async () => {
    await expectFailure('refused', /^cdro_G1\.xlsx, sheet "2006": missing sheet "2006"/);
  });

  it('nothing listening', async () => {
    // A port that was free a moment ago.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    const data = dataFolder();
    const out = committedFolder(tempDir('out'));
    await expect(fetchAndImport(data.dir, out.dir, { baseUrl: `http://127.0.0.1:${port}/` })).rejects.toThrow(
      /^cdro_G1\.xlsx: download failed: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\) \(from /,
    );
    out.untouched();
  });
});

describe('data:fetch, downloads that are workbooks', () => {
  it('imports them as data:import does and stores them in the data folder', async () => {
    const data = dataFolder();
    const out = tempDir('out');
    const lines: string[] = [];
    const written = await fetchAndImport(data.dir, out, { baseUrl: `${base}/fixture`, log: (l) => lines.push(l) });
    expect(written.map((w) => w.path).sort()).toEqual(
      Object.values(OUTPUT_FILES)
        .map((n) => join(out, n))
        .sort(),
    );
    expect(lines.join('\n')).toContain(`downloaded ${base}/fixture/cdro_G6.xlsx`);
    // What was downloaded is what is stored.
    for (const f of WORKBOOK_FILES) expect(workbook(data.dir, f).equals(workbook(fixtureDir, f))).toBe(true);
  });

  it.skipIf(!sharedPresent)(
    `npm run data:fetch with ${BASE_URL_ENV}: SUNAT's real workbooks give the committed files byte for byte`,
    async () => {
      const data = dataFolder(sharedData);
      const out = tempDir('out');
      const { stdout } = await run('npm', ['run', '--silent', 'data:fetch', '--', data.dir, '--out', out], {
        cwd: repoRoot,
        env: { ...process.env, [BASE_URL_ENV]: `${base}/shared/`, INIT_CWD: repoRoot },
      });
      expect(stdout).toContain(`fetching SUNAT's workbooks from ${base}/shared/`);
      for (const name of Object.values(OUTPUT_FILES)) {
        expect(readFileSync(join(out, name), 'utf8') === readFileSync(join(repoRoot, 'data', name), 'utf8'), name).toBe(true);
      }
      for (const f of WORKBOOK_FILES) expect(workbook(data.dir, f).equals(workbook(sharedData, f))).toBe(true);
    },
  );

  it('the CLI exits with status 1 and the message on a failed download', async () => {
    const data = dataFolder();
    const out = committedFolder(tempDir('out'));
    const result = await run('npx', ['tsx', 'data/import/cli.ts', '--fetch', data.dir, '--out', out.dir, '--base-url', `${base}/missing`], {
      cwd: repoRoot,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import failed, nothing written: cdro_G1.xlsx: download failed: HTTP 404');
    out.untouched();
    data.storedUntouched();
  });
});
