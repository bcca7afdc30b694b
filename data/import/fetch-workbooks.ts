/**
 * `npm run data:fetch`: downloads SUNAT's G1 and G6 workbooks into a temporary folder, checks
 * that each answer is a workbook (HTTP status, content type, size, the xlsx zip signature),
 * and only then runs the import of `npm run data:import` on them. Any failure (an HTTP error,
 * an HTML page where a workbook should be, no answer in time, a workbook the importer refuses)
 * stops before anything is written: data/ and the stored workbooks stay as they were. Once
 * the import has checked everything, the workbooks are stored in the data folder (where
 * data:import reads them) and the dataset files written, as data:import writes them.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCES } from '../sources';
import { buildDataset, G1_FILE, G6_FILE, resolveInputs, serialiseDataset } from './import-dataset';
import { ImportError } from './import-error';
import { writeFilesAtomically, type WrittenFile } from './write-dataset';
import { BCRP_FILE } from './bcrp';
import { WORLDBANK_FILE } from './worldbank';

/**
 * Where SUNAT publishes the Nota Tributaria tables, one file per table (`cdro_G1.xlsx`, …),
 * linked from its statistics page (the `url` of the sunat-g1 and sunat-g6 sources). Not yet
 * checked against the live site from this project: see data/README.md, "Fetching".
 */
export const SUNAT_WORKBOOKS_URL = 'https://www.sunat.gob.pe/estadisticasestudios/nota_tributaria/';
/** Overrides SUNAT_WORKBOOKS_URL (as does `--base-url`): a mirror, or a local server in tests. */
export const BASE_URL_ENV = 'SUNAT_BASE_URL';
export const WORKBOOK_FILES = [G1_FILE, G6_FILE] as const;
/** How long one download may take before it is abandoned. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The xlsx checks: a zip archive (local file header "PK\3\4") holding xl/workbook.xml, of a sane size. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const WORKBOOK_PART = Buffer.from('xl/workbook.xml');
const SIZE = { min: 4 * 1024, max: 64 * 1024 * 1024 } as const;
/** Content types that are never a workbook (servers label xlsx in several ways, so no allowlist). */
const NOT_A_WORKBOOK = /^(text\/|application\/(json|xhtml\+xml|xml|problem\+json))/i;

export interface FetchOptions {
  /** Base URL the file names are appended to; default SUNAT_WORKBOOKS_URL. */
  baseUrl?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** The folder's files the fetch does not download (World Bank, BCRP's stored series), by folder. */
const KEPT_INPUTS = [
  ['worldbank', WORLDBANK_FILE],
  ['bcrp', BCRP_FILE],
] as const;

/** The folder's worldbank/ and bcrp/ files next to freshly downloaded sunat/ workbooks: the input of one import. */
export async function fetchAndImport(dataFolder: string, outDir: string, options: FetchOptions = {}): Promise<WrittenFile[]> {
  const { baseUrl = SUNAT_WORKBOOKS_URL, timeoutMs = DEFAULT_TIMEOUT_MS, log = () => {} } = options;
  for (const [folder, file] of KEPT_INPUTS) {
    const path = join(dataFolder, folder, file);
    if (!existsSync(path))
      throw new ImportError({ file }, `file not found (looked for ${path}); the fetch downloads SUNAT's workbooks only`);
  }
  const staging = mkdtempSync(join(tmpdir(), 'peru-exports-fetch-'));
  try {
    mkdirSync(join(staging, 'sunat'));
    for (const [folder, file] of KEPT_INPUTS) {
      mkdirSync(join(staging, folder));
      copyFileSync(join(dataFolder, folder, file), join(staging, folder, file));
    }
    for (const file of WORKBOOK_FILES) {
      const url = new URL(file, withSlash(baseUrl)).href;
      const bytes = await downloadWorkbook(url, file, timeoutMs);
      writeFileSync(join(staging, 'sunat', file), bytes);
      log(`downloaded ${url}: ${(bytes.length / 1024).toFixed(1)} KB`);
    }
    const built = await buildDataset(resolveInputs(staging), log);
    storeWorkbooks(join(staging, 'sunat'), join(dataFolder, 'sunat'), log);
    return writeFilesAtomically(outDir, serialiseDataset(built));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** One workbook's bytes, or an ImportError saying what came instead. */
export async function downloadWorkbook(url: string, file: string, timeoutMs: number): Promise<Buffer> {
  const fail = (problem: string): never => {
    throw new ImportError({ file }, `${problem} (from ${url}); nothing written`);
  };
  let res: Response;
  let body: Buffer;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!res.ok) return fail(`download failed: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const type = res.headers.get('content-type') ?? '';
    if (NOT_A_WORKBOOK.test(type)) {
      const kind = /html/i.test(type) ? 'an HTML page' : `"${type}"`;
      return fail(`got ${kind} instead of an .xlsx workbook: the file may have moved; look for it on ${sunatPage()}`);
    }
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (declared > SIZE.max) return fail(`the answer would be ${mb(declared)}, more than a workbook's ${mb(SIZE.max)}`);
    body = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const e = err as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return fail(`no complete answer within ${timeoutMs / 1000} s`);
    const cause = (e.cause as Error | undefined)?.message;
    return fail(`download failed: ${e.message}${cause ? ` (${cause})` : ''}`);
  }
  if (body.length < SIZE.min || body.length > SIZE.max) {
    return fail(`the answer is ${body.length} bytes; a workbook is between ${SIZE.min / 1024} KB and ${mb(SIZE.max)}`);
  }
  if (!ZIP_SIGNATURE.every((b, i) => body[i] === b)) {
    const start = body
      .subarray(0, 16)
      .toString('latin1')
      .replace(/[^\x20-\x7e]/g, '.');
    return fail(`not an .xlsx workbook: it does not start with the zip signature "PK\\3\\4" (starts with ${JSON.stringify(start)})`);
  }
  if (!body.includes(WORKBOOK_PART)) return fail('a zip archive without xl/workbook.xml, so not an .xlsx workbook');
  return body;
}

/**
 * Checked workbooks replace those in the data folder, so that `npm run data:import` and the
 * re-import test read what data/ is made from.
 */
function storeWorkbooks(from: string, to: string, log: (line: string) => void): void {
  mkdirSync(to, { recursive: true });
  for (const file of WORKBOOK_FILES) {
    const tmp = join(to, `${file}.${process.pid}.tmp`);
    copyFileSync(join(from, file), tmp);
    renameSync(tmp, join(to, file));
  }
  log(`stored ${WORKBOOK_FILES.join(', ')} in ${to}`);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function sunatPage(): string {
  return SOURCES.find((s) => s.id === 'sunat-g1')?.url ?? SUNAT_WORKBOOKS_URL;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
