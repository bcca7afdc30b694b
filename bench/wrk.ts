/**
 * wrk (https://github.com/wg/wrk, C, epoll) as the bench's load generator: one thread drives
 * all connections for a fixed time. It costs far less CPU per request than autocannon (Node),
 * so on a 2-core machine it leaves workerd the other core and measures workerd rather than
 * itself. Its own CPU time is read from the shell's `times` after it exits, so the report can
 * show how close it came to its ceiling (one core).
 *
 * Install: `apt-get install wrk` (Debian/Ubuntu), `brew install wrk` (macOS).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { LoadSummary } from './load-generator';

export interface WrkOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** The status a correct answer has; wrk only counts "non-2xx or 3xx" ones. */
  expectStatus: number;
  /** A wrk Lua script (`-s`), e.g. one that varies each request's URL (bench/png.ts, uncached PNGs). */
  script?: string;
  /** wrk threads (default 1: one core at most, the other left to workerd). */
  threads?: number;
}

/** `wrk -v`'s first line, or null when wrk is not on the PATH. */
export function wrkVersion(): string | null {
  const result = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  if (result.error) return null;
  const line = `${result.stdout}${result.stderr}`.split('\n')[0]?.trim() ?? '';
  // `wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer` → `wrk debian/4.1.0-3+b2 [epoll]`
  return /^wrk\b/.test(line) ? line.replace(/\s+Copyright.*$/, '') : null;
}

/** `4.20ms` / `950.00us` / `1.20s` → milliseconds. */
export function parseWrkDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return value * ({ us: 0.001, ms: 1, s: 1_000, m: 60_000 } as const)[match[2] as 'us' | 'ms' | 's' | 'm'];
}

/** `0m1.230s` (the shell's `times`) → seconds. */
function parseShellTime(text: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/**
 * The figures of `wrk --latency` output (pure: test/scripts checks it). The shell's `times`
 * after it gives its CPU time (second line: children's user and system time).
 */
export function parseWrkOutput(output: string, expectStatus: number): LoadSummary & { cpuSeconds: number } {
  const number = (re: RegExp) => {
    const m = re.exec(output);
    return m ? Number(m[1]) : Number.NaN;
  };
  const duration = (re: RegExp) => {
    const m = re.exec(output);
    return m?.[1] ? parseWrkDuration(m[1]) : Number.NaN;
  };
  const requests = number(/^\s*(\d+) requests in /m);
  const seconds = duration(/^\s*\d+ requests in ([\d.]+(?:us|ms|s|m)),/m) / 1_000;
  if (!Number.isFinite(requests) || !Number.isFinite(seconds)) throw new Error(`wrk: unexpected output:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const [connect, read, write, timeouts] = socket ? socket.slice(1).map(Number) : [0, 0, 0, 0];
  const wrong = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const wrongCount = wrong ? Number(wrong[1]) : 0;
  const statusCounts: Record<string, number> = {};
  if (requests - wrongCount > 0) statusCounts[String(expectStatus)] = requests - wrongCount;
  // wrk does not say which status; a 2xx/3xx other than the expected one is caught by the probe.
  if (wrongCount > 0) statusCounts['non-2xx/3xx'] = wrongCount;
  const times = output.trim().split('\n').slice(-2);
  const [user, system] = (times[1] ?? '').trim().split(/\s+/).map(parseShellTime);
  return {
    requests,
    seconds,
    rps: number(/^Requests\/sec:\s+([\d.]+)/m),
    p50: duration(/^\s*50%\s+(\S+)/m),
    p99: duration(/^\s*99%\s+(\S+)/m),
    max: duration(/^\s*Latency\s+\S+\s+\S+\s+(\S+)/m),
    errors: connect! + read! + write! + timeouts!,
    timeouts: timeouts!,
    statusCounts,
    truncated: false,
    cpuSeconds: (user ?? Number.NaN) + (system ?? Number.NaN),
  };
}

/** One wrk run; resolves with its figures and its CPU time. */
export function runWrk(options: WrkOptions): Promise<LoadSummary & { cpuSeconds: number }> {
  const args = [
    `-t${options.threads ?? 1}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '--latency',
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    ...(options.script ? ['-s', options.script] : []),
    options.url,
  ];
  return new Promise((resolvePromise, reject) => {
    // `times` prints the shell's children's CPU time: wrk's own, measured by the kernel.
    const child = spawn('sh', ['-c', 'wrk "$@"; code=$?; times; exit $code', 'sh', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`wrk ${args.join(' ')} exited with ${code}:\n${output}`));
        return;
      }
      try {
        resolvePromise(parseWrkOutput(output, options.expectStatus));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
