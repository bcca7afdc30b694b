/**
 * `npm run lint:openapi` (part of `npm test`): the app's OpenAPI document through Redocly's
 * recommended rules (redocly.yaml) and Spectral's spectral:oas (.spectral.yaml). Prints each
 * tool's report and fails on any error or warning.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { servedOpenApiDocument, type OpenApiJson } from './openapi-document';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
// Neither tool may phone home or look for updates: CI has no internet.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' };

export interface LintReport {
  tool: 'redocly' | 'spectral';
  errors: number;
  warnings: number;
  /** Each problem as `severity rule: message (where)`. */
  problems: string[];
}

/** Output of a tool that exits non-zero when it finds problems. */
async function output(file: string, args: string[]): Promise<string> {
  try {
    return (await run(file, args, { cwd: root, env, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    if (stdout?.trim()) return stdout;
    throw new Error(`${file} failed: ${stderr || String(err)}`);
  }
}

async function redocly(path: string): Promise<LintReport> {
  const out = JSON.parse(await output(bin('redocly'), ['lint', path, '--format=json', '--config', join(root, 'redocly.yaml')])) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
  };
  return {
    tool: 'redocly',
    errors: out.totals.errors,
    warnings: out.totals.warnings,
    problems: out.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`),
  };
}

async function spectral(path: string): Promise<LintReport> {
  const text = await output(bin('spectral'), ['lint', path, '--format=json', '--quiet', '--ruleset', join(root, '.spectral.yaml')]);
  const results = (text.trim() ? JSON.parse(text) : []) as { code: string; severity: number; message: string; path: string[] }[];
  const names = ['error', 'warning', 'info', 'hint'];
  return {
    tool: 'spectral',
    errors: results.filter((r) => r.severity === 0).length,
    warnings: results.filter((r) => r.severity === 1).length,
    problems: results.map((r) => `${names[r.severity]} ${r.code}: ${r.message} (${r.path.join('.')})`),
  };
}

/** Both tools' reports on `doc`. */
export async function lintOpenApi(doc: OpenApiJson): Promise<LintReport[]> {
  const dir = mkdtempSync(join(tmpdir(), 'peru-exports-openapi-'));
  try {
    const path = join(dir, 'openapi.json');
    writeFileSync(path, JSON.stringify(doc, null, 2));
    return await Promise.all([redocly(path), spectral(path)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const reports = await lintOpenApi(await servedOpenApiDocument());
  for (const r of reports) {
    console.log(`${r.tool}: ${r.errors} errors, ${r.warnings} warnings`);
    for (const p of r.problems) console.log(`  ${p}`);
  }
  if (reports.some((r) => r.errors + r.warnings > 0)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
