/**
 * `npm run data:import -- [folder] [--out dir]`
 * `npm run data:fetch -- [folder] [--out dir] [--base-url url] [--timeout seconds]`
 *
 * folder: the source data folder (holding sunat/ and worldbank/) or its sunat/ folder;
 *         default ../shared/data next to the repository.
 * --out:  where to write sunat-g1.json, sunat-g6.json, worldbank.json; default data/.
 * --fetch (data:fetch): first download SUNAT's G1 and G6 workbooks (fetch-workbooks.ts) from
 *         --base-url, else $SUNAT_BASE_URL, else SUNAT's address; on success they replace
 *         those in folder/sunat/.
 *
 * On bad input it prints what is wrong and where, writes nothing, and exits with status 1.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL_ENV, DEFAULT_TIMEOUT_MS, fetchAndImport, SUNAT_WORKBOOKS_URL } from './fetch-workbooks';
import { importDataset } from './import-dataset';
import { ImportError } from './import-error';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE =
  'usage: npm run data:import -- [data-folder|sunat-folder] [--out <dir>]\n' +
  '       npm run data:fetch -- [data-folder] [--out <dir>] [--base-url <url>] [--timeout <seconds>]';

interface Args {
  folder: string;
  out: string;
  /** Set by --fetch: download the workbooks first. */
  fetch?: { baseUrl: string; timeoutMs: number };
}

function parseArgs(argv: string[]): Args {
  // npm runs scripts from the repository root; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let folder: string | undefined;
  let out: string | undefined;
  let fetch = false;
  let baseUrl = process.env[BASE_URL_ENV] || SUNAT_WORKBOOKS_URL;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  const value = (i: number, what: string): string => {
    const v = argv[i];
    if (!v) throw new UsageError(`${argv[i - 1]} needs ${what}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      out = resolve(cwd, value(++i, 'a directory'));
    } else if (arg === '--fetch') {
      fetch = true;
    } else if (arg === '--base-url') {
      baseUrl = value(++i, 'a URL');
      if (!URL.canParse(baseUrl)) throw new UsageError(`--base-url: not a URL: ${baseUrl}`);
    } else if (arg === '--timeout') {
      const seconds = Number(value(++i, 'a number of seconds'));
      if (!(seconds > 0)) throw new UsageError(`--timeout: expected a number of seconds above 0, got ${argv[i]}`);
      timeoutMs = seconds * 1000;
    } else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (folder === undefined) {
      folder = resolve(cwd, arg);
    } else {
      throw new UsageError(`unexpected argument ${arg} (only one folder)`);
    }
  }
  return {
    folder: folder ?? resolve(repoRoot, '../shared/data'),
    out: out ?? resolve(repoRoot, 'data'),
    ...(fetch ? { fetch: { baseUrl, timeoutMs } } : {}),
  };
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { folder, out, fetch } = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(`  ${line}`);
  let written;
  if (fetch) {
    console.log(`fetching SUNAT's workbooks from ${fetch.baseUrl}, with the World Bank CSV of ${folder}`);
    written = await fetchAndImport(folder, out, { ...fetch, log });
  } else {
    console.log(`importing from ${folder}`);
    written = await importDataset(folder, out, log);
  }
  let raw = 0;
  let gz = 0;
  for (const f of written) {
    raw += f.bytes;
    gz += f.gzipBytes;
    console.log(`wrote ${relative(process.cwd(), f.path) || f.path}: ${kb(f.bytes)} raw, ${kb(f.gzipBytes)} gzip`);
  }
  console.log(`total: ${kb(raw)} raw, ${kb(gz)} gzip`);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

main().catch((err: unknown) => {
  if (err instanceof ImportError) console.error(`import failed, nothing written: ${err.message}`);
  else if (err instanceof UsageError) console.error(`${err.message}\n${USAGE}`);
  else console.error('import failed, nothing written:', err);
  process.exitCode = 1;
});
