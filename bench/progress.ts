/** Progress lines on stderr with the time since start, so stdout keeps only the report. */
const started = performance.now();

export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1_000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds}s] ${message}\n`);
}

/** `--name value` / `--flag` arguments, with defaults (a string default takes any word); unknown ones are an error. */
export function parseArgs<T extends Record<string, number | boolean | string>>(argv: string[], defaults: T, usage: string): T {
  const out: Record<string, number | boolean | string> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.replace(/^--/, '');
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    }
    if (!arg.startsWith('--') || !(name in defaults)) {
      throw new Error(`unknown argument "${arg}"\n${usage}`);
    }
    if (typeof defaults[name] === 'boolean') {
      out[name] = true;
      continue;
    }
    if (typeof defaults[name] === 'string') {
      const word = argv[++i];
      if (word === undefined || word.startsWith('--')) throw new Error(`--${name} needs a value\n${usage}`);
      out[name] = word;
      continue;
    }
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number\n${usage}`);
    out[name] = value;
  }
  return out as T;
}
