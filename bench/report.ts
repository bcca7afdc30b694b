/**
 * The bench's figures, their targets and their printed form. Pure functions over plain data
 * (test/scripts checks them), shared by bench/run.ts and bench/load.ts.
 */
import type { LoadSummary } from './load-generator';

export interface RoundResult {
  /** Hono's hello world. */
  baseline: LoadSummary;
  /** The same-payload baseline (bench/workers/replay.ts), when the route's answer could be replayed. */
  payload?: LoadSummary;
  subject: LoadSummary;
}

export interface RouteResult {
  id: string;
  label: string;
  path: string;
  available: boolean;
  /** Why a route was not measured (e.g. "answers 404: not built yet"). */
  reason?: string;
  /** Whether the app answered from the Cache API (CF-Cache-Status: HIT on a repeat request). */
  cacheHit?: boolean;
  bodyBytes?: number;
  minRatio: number | null;
  rounds: RoundResult[];
  /** Medians over the rounds. */
  rps?: number;
  p50?: number;
  p99?: number;
  baselineRps?: number;
  /** The baseline's p99 in the same rounds: what queueing alone costs at this concurrency. */
  baselineP99?: number;
  /** Median of each round's subject/baseline requests-per-second ratio. */
  ratio?: number;
  /** The same-payload baseline's req/s (median), and the median per-round ratios subject ÷ it and it ÷ hello world. */
  payloadRps?: number;
  payloadRatio?: number;
  payloadVsBaseline?: number;
  /** Why there is no same-payload baseline for this route. */
  payloadReason?: string;
  /** Cores busy during the subject's runs (median): the load generator's, and workerd's. */
  generatorCores?: number;
  workerdCores?: number;
  errors?: number;
  /** Responses with another status than the route's expected one. */
  unexpected?: number;
}

export interface RendererTiming {
  name: string;
  /** Microseconds per call, or null when the renderer is not there yet. */
  microsPerCall: number | null;
  iterations: number;
  outputBytes: number | null;
  note?: string;
}

export interface ByteSize {
  raw: number;
  gzip: number;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; node: string; workerd: string };
  settings: { connections: number; seconds: number; warmup: number; rounds: number };
  /** What sent the requests, and how busy it was: the load generator must not be the bottleneck. */
  generator: GeneratorReport;
  cacheApi: 'emulated' | 'inactive';
  routes: RouteResult[];
  renderers: RendererTiming[];
  sizes: {
    workerBundle: ByteSize;
    widgetsBundle: ByteSize | null;
    sparklineSvgBytes: number | null;
    cardSvgBytes: number | null;
  };
  startup: { listenMs: number; firstResponseMs: number; path: string; status: number; samples: number };
  targets: TargetCheck[];
}

export interface GeneratorReport {
  name: 'wrk' | 'autocannon';
  version: string;
  /** Set when the bench fell back to autocannon because wrk is not installed. */
  note?: string;
  /** Over every run of the hello world: the generator's and workerd's busy cores (medians), and its req/s. */
  baselineRps: number;
  generatorCores: number;
  workerdCores: number;
  /** The hello world's req/s ÷ the generator's busy cores: what it could send with a whole core. */
  ceilingRps: number;
}

/** The load generator's own ceiling from its runs against the hello world (pure). */
export function generatorCeiling(
  runs: LoadSummary[],
): Pick<GeneratorReport, 'baselineRps' | 'generatorCores' | 'workerdCores' | 'ceilingRps'> {
  const generatorCores = median(runs.map((r) => r.generatorCores ?? Number.NaN));
  const baselineRps = median(runs.map((r) => r.rps));
  return {
    baselineRps,
    generatorCores,
    workerdCores: median(runs.map((r) => r.workerdCores ?? Number.NaN)),
    ceilingRps: generatorCores > 0 ? baselineRps / generatorCores : Number.NaN,
  };
}

export interface TargetCheck {
  name: string;
  target: string;
  actual: string;
  /** null = not measured (the thing does not exist yet). */
  met: boolean | null;
  note?: string;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The medians of a route's rounds. */
export function aggregateRounds(
  rounds: RoundResult[],
  expectStatus: number,
): Pick<
  RouteResult,
  | 'rps'
  | 'p50'
  | 'p99'
  | 'baselineRps'
  | 'baselineP99'
  | 'ratio'
  | 'errors'
  | 'unexpected'
  | 'payloadRps'
  | 'payloadRatio'
  | 'payloadVsBaseline'
  | 'generatorCores'
  | 'workerdCores'
> {
  const subject = rounds.map((r) => r.subject);
  const withPayload = rounds.flatMap((r) => (r.payload ? [{ ...r, payload: r.payload }] : []));
  const perRound = (list: typeof rounds, f: (r: (typeof rounds)[number]) => number) => median(list.map(f));
  return {
    ...(withPayload.length > 0
      ? {
          payloadRps: median(withPayload.map((r) => r.payload.rps)),
          payloadRatio: perRound(withPayload, (r) => (r.payload!.rps > 0 ? r.subject.rps / r.payload!.rps : 0)),
          payloadVsBaseline: perRound(withPayload, (r) => (r.baseline.rps > 0 ? r.payload!.rps / r.baseline.rps : 0)),
        }
      : {}),
    generatorCores: median(subject.map((s) => s.generatorCores ?? Number.NaN)),
    workerdCores: median(subject.map((s) => s.workerdCores ?? Number.NaN)),
    rps: median(subject.map((s) => s.rps)),
    p50: median(subject.map((s) => s.p50)),
    p99: median(subject.map((s) => s.p99)),
    baselineRps: median(rounds.map((r) => r.baseline.rps)),
    baselineP99: median(rounds.map((r) => r.baseline.p99)),
    ratio: median(rounds.map((r) => (r.baseline.rps > 0 ? r.subject.rps / r.baseline.rps : 0))),
    errors: subject.reduce((sum, s) => sum + s.errors, 0),
    unexpected: subject.reduce(
      (sum, s) =>
        sum +
        Object.entries(s.statusCounts)
          .filter(([status]) => Number(status) !== expectStatus)
          .reduce((a, [, n]) => a + n, 0),
      0,
    ),
  };
}

export const TARGETS = {
  p99Ms: 20,
  /** "at most 12 KB gzipped": 12 × 1024 bytes, the budget widgets/scripts/build.ts enforces too. */
  widgetsGzipBytes: 12 * 1024,
} as const;

export function evaluateTargets(results: Pick<BenchResults, 'routes' | 'sizes' | 'settings'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const route of results.routes) {
    if (!route.available) {
      if (route.minRatio !== null) {
        checks.push({
          name: `${route.label}: req/s vs baseline`,
          target: `≥ ${route.minRatio}`,
          actual: 'not measured',
          met: null,
          note: route.reason,
        });
      }
      checks.push({ name: `${route.label}: p99`, target: `< ${TARGETS.p99Ms} ms`, actual: 'not measured', met: null, note: route.reason });
      continue;
    }
    if (route.minRatio !== null && route.ratio !== undefined) {
      checks.push({
        name: `${route.label}: req/s vs baseline`,
        target: `≥ ${route.minRatio}`,
        actual: route.ratio.toFixed(2),
        met: route.ratio >= route.minRatio,
      });
    }
    if (route.p99 !== undefined) {
      checks.push({
        name: `${route.label}: p99`,
        target: `< ${TARGETS.p99Ms} ms at ${results.settings.connections} connections`,
        actual: `${formatMs(route.p99)} ms`,
        met: route.p99 < TARGETS.p99Ms,
      });
    }
    checks.push({
      name: `${route.label}: errors and wrong statuses`,
      target: '0',
      actual: String((route.errors ?? 0) + (route.unexpected ?? 0)),
      met: (route.errors ?? 0) + (route.unexpected ?? 0) === 0,
    });
  }
  const widgets = results.sizes.widgetsBundle;
  checks.push({
    name: 'widgets bundle, gzipped',
    target: `≤ ${formatBytes(TARGETS.widgetsGzipBytes)}`,
    actual: widgets ? formatBytes(widgets.gzip) : 'not built',
    met: widgets ? widgets.gzip <= TARGETS.widgetsGzipBytes : null,
  });
  return checks;
}

/** Bytes as B below 1 KiB, else KiB (1024), with the exact count for sizes near a budget. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(1)} KiB (${formatInt(bytes)} B)`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A plain-text table; numbers right-aligned, text left-aligned. */
export function formatTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const numeric = headers.map(
    (_, col) => rows.length > 0 && rows.every((row) => typeof row[col] === 'number' || /^[\d.,\s×%<>≥≤-]+$/.test(String(row[col]))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, col) => (numeric[col] ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
      .join('  ')
      .trimEnd();
  // The last column is free text (paths, notes): its rule is capped rather than as long as the longest.
  const rule = widths.map((w, col) => '-'.repeat(col === widths.length - 1 ? Math.min(w, 40) : w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

const cores = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(2));

/**
 * One row per route: its req/s and latency, the hello world's and the same-payload baseline's
 * req/s in the same rounds, the ratios to each (`× hello`, `× payload`: above 1 = faster than a
 * static worker sending the same bytes), and the cores the load generator and workerd used.
 */
export function formatRouteTable(routes: RouteResult[]): string {
  return formatTable(
    [
      'route',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'hello req/s',
      'payload req/s',
      '× hello',
      '× payload',
      'payload × hello',
      'gen cores',
      'workerd cores',
      'cache',
      'path',
    ],
    routes.map((r) =>
      r.available
        ? [
            r.label,
            formatInt(r.rps ?? 0),
            formatMs(r.p50 ?? 0),
            formatMs(r.p99 ?? 0),
            `${r.errors ?? 0}${r.unexpected ? ` (+${r.unexpected} wrong status)` : ''}`,
            formatInt(r.baselineRps ?? 0),
            r.payloadRps === undefined ? '-' : formatInt(r.payloadRps),
            (r.ratio ?? 0).toFixed(2),
            r.payloadRatio === undefined ? '-' : r.payloadRatio.toFixed(2),
            r.payloadVsBaseline === undefined ? '-' : r.payloadVsBaseline.toFixed(2),
            cores(r.generatorCores),
            cores(r.workerdCores),
            r.cacheHit === undefined ? '-' : r.cacheHit ? 'HIT' : 'miss',
            r.payloadReason ? `${r.path}  (no payload baseline: ${r.payloadReason})` : r.path,
          ]
        : [r.label, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', `${r.path}  (not measured: ${r.reason ?? 'unavailable'})`],
    ),
  );
}

export function formatTargets(checks: TargetCheck[]): string {
  const mark = (met: boolean | null) => (met === null ? 'n/a ' : met ? 'MET ' : 'MISS');
  return formatTable(
    ['', 'target', 'wanted', 'measured', 'note'],
    checks.map((c) => [mark(c.met), c.name, c.target, c.actual, c.note ?? '']),
  );
}

export interface MemorySample {
  atSeconds: number;
  rssKiB: number;
}

/** The soak's RSS bound unless `--max-rss` says otherwise (MiB); see bench/README.md, *Memory*. */
export const DEFAULT_MAX_RSS_MIB = 1024;

export interface RssReport {
  /** Right after workerd listened, before any request. */
  startKiB: number;
  /** After the warm-up, when the soak's samples start. */
  warmKiB: number;
  peakKiB: number;
  /** At the end of the soak, under load. */
  endKiB: number;
  /** The peak against the bound, and the second half's growth against max(16 MiB, 10 %). */
  boundKiB: number;
  withinBound: boolean;
  plateau: ReturnType<typeof memoryFlat>;
}

/** workerd's RSS over a soak against its bound (pure). */
export function rssReport(startKiB: number, samples: MemorySample[], maxRssMiB: number): RssReport {
  const plateau = memoryFlat(samples);
  const peakKiB = Math.max(startKiB, ...samples.map((s) => s.rssKiB));
  const boundKiB = maxRssMiB * 1024;
  return { startKiB, warmKiB: plateau.first, peakKiB, endKiB: plateau.last, boundKiB, withinBound: peakKiB <= boundKiB, plateau };
}

/**
 * "Memory flat": over the second half of the soak the RSS grows by at most max(16 MiB, 10 %).
 * workerd's V8 heaps size themselves up during the first tens of seconds under load and then
 * hold (measured: ~340 → ~480 MiB within 25 s, flat after), so start-to-end growth alone would
 * flag that; a leak keeps growing through the second half as well. Start and end are reported too.
 */
export function memoryFlat(samples: MemorySample[]): {
  flat: boolean;
  first: number;
  middle: number;
  last: number;
  growthKiB: number;
  allowedKiB: number;
} {
  if (samples.length < 2) throw new Error('memoryFlat needs at least two samples');
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const half = first.atSeconds + (last.atSeconds - first.atSeconds) / 2;
  const middle = samples.find((s) => s.atSeconds >= half) ?? last;
  const allowedKiB = Math.max(16 * 1024, middle.rssKiB * 0.1);
  const growthKiB = last.rssKiB - middle.rssKiB;
  return { flat: growthKiB <= allowedKiB, first: first.rssKiB, middle: middle.rssKiB, last: last.rssKiB, growthKiB, allowedKiB };
}
