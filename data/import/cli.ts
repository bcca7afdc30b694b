/**
 * `npm run data:import -- [folder] [--out dir]`
 *
 * folder: the source data folder (holding sunat/ and worldbank/) or its sunat/ folder;
 *         default ../shared/data next to the repository.
 * --out:  where to write sunat-g1.json, sunat-g6.json, worldbank.json; default data/.
 *
 * On bad input it prints what is wrong and where, writes nothing, and exits with status 1.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDataset } from './import-dataset';
import { ImportError } from './import-error';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'usage: npm run data:import -- [data-folder|sunat-folder] [--out <dir>]';

function parseArgs(argv: string[]): { folder: string; out: string } {
  // npm runs scripts from the repository root; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let folder: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const dir = argv[++i];
      if (!dir) throw new UsageError('--out needs a directory');
      out = resolve(cwd, dir);
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
  return { folder: folder ?? resolve(repoRoot, '../shared/data'), out: out ?? resolve(repoRoot, 'data') };
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { folder, out } = parseArgs(process.argv.slice(2));
  console.log(`importing from ${folder}`);
  const written = await importDataset(folder, out, (line) => console.log(`  ${line}`));
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
