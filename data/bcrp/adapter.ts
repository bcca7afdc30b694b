/**
 * BCRP's statistics API, as its real answers behave (../shared/data/bcrp/README.md and the
 * recordings there): request URLs, and answers parsed, checked and turned into our series.
 * Pure: no I/O, no Node APIs (it runs in workerd, in Node and in tests).
 *
 * - The JSON comes as `text/html`, and the bot firewall in front may answer 200 with an HTML
 *   challenge page: an answer is judged by parsing its body, never by its content type.
 * - Period names: `Ene.2025` … `Dic.2025` for months, `01.Set.26` for days (September is `Sep`
 *   or `Set`). Values are decimal strings; `n.d.` (no disponible) is a missing value.
 * - Series are named by title only, one value per requested code in each period: we ask for one
 *   code per request, so an answer must hold exactly one series.
 */
import { monthFromNumber, monthNumber } from '../derive';
import type { SeriesMetric } from '../types';
import { BCRP_SOURCE_ID, BCRP_UNIT_FACTOR, type BcrpSeriesSpec } from './series';

/** What went wrong with a request or an answer; tests and the refresh log read `kind`, never the message. */
export type BcrpErrorKind =
  | 'challenge' // an HTML page (the bot firewall's challenge) instead of JSON
  | 'not-json' // a body that does not parse as JSON
  | 'shape' // JSON, but not BCRP's answer shape
  | 'series' // not exactly the one series asked for
  | 'period' // a period name we cannot read, or months out of sequence
  | 'value' // a value that is neither a decimal number nor `n.d.`
  | 'empty' // no periods at all (nothing published in the range)
  | 'http' // a status other than 200
  | 'timeout' // no complete answer in time
  | 'too-large' // a body over the size limit
  | 'network'; // the request itself failed

export class BcrpError extends Error {
  override readonly name = 'BcrpError';
  constructor(
    readonly kind: BcrpErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Is a failure of this kind worth asking again (a passing fault), or will it answer the same? */
export function isTransient(kind: BcrpErrorKind): boolean {
  return kind === 'challenge' || kind === 'http' || kind === 'timeout' || kind === 'network';
}

const MONTHS: Record<string, number> = {
  Ene: 1,
  Feb: 2,
  Mar: 3,
  Abr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Ago: 8,
  Sep: 9,
  Set: 9,
  Oct: 10,
  Nov: 11,
  Dic: 12,
  // English answers (`/ing`) spell the months in English.
  Jan: 1,
  Apr: 4,
  Aug: 8,
  Dec: 12,
};

const MONTHLY_RE = /^([A-Z][a-z]{2})\.(\d{4})$/;
const DAILY_RE = /^(\d{2})\.([A-Z][a-z]{2})\.(\d{2})$/;
const NUMBER_RE = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const MISSING = 'n.d.';

/** `Ene.2025` → `2025-01`; `01.Set.26` → `2026-09-01`; null for anything else. */
export function bcrpPeriod(name: string): string | null {
  const monthly = MONTHLY_RE.exec(name);
  if (monthly) {
    const month = MONTHS[monthly[1]!];
    return month === undefined ? null : `${monthly[2]}-${String(month).padStart(2, '0')}`;
  }
  const daily = DAILY_RE.exec(name);
  if (daily) {
    const month = MONTHS[daily[2]!];
    const day = Number(daily[1]);
    if (month === undefined || day < 1 || day > 31) return null;
    return `20${daily[3]}-${String(month).padStart(2, '0')}-${daily[1]}`;
  }
  return null;
}

/** `2024-01` → `2024-1`, the API's spelling of a month. */
function apiMonth(period: string): string {
  const n = monthNumber(period);
  if (n === null) throw new RangeError(`expected a month YYYY-MM, got ${JSON.stringify(period)}`);
  return `${Math.floor(n / 12)}-${(n % 12) + 1}`;
}

/** The request for one series from `from` to `to` (months, `YYYY-MM`), in Spanish. */
export function bcrpSeriesUrl(base: string, code: string, from: string, to: string): string {
  if (!/^[A-Z0-9]{5,12}$/.test(code)) throw new RangeError(`not a BCRP series code: ${JSON.stringify(code)}`);
  return `${base.replace(/\/+$/, '')}/${code}/json/${apiMonth(from)}/${apiMonth(to)}/esp`;
}

export interface BcrpAnswer {
  title: string;
  /** The series' names, in the order of each period's values. */
  series: string[];
  periods: { period: string; values: (number | null)[] }[];
}

const shorten = (text: string, max = 80): string => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and checks a body; throws a BcrpError naming what is wrong. */
export function parseBcrpAnswer(body: string): BcrpAnswer {
  const text = body.trim();
  if (text.startsWith('<')) {
    throw new BcrpError('challenge', `an HTML page instead of JSON (the bot firewall's challenge?): ${shorten(text)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BcrpError('not-json', `the answer is not JSON: ${shorten(text)}`);
  }
  if (!isRecord(json) || !isRecord(json.config) || !Array.isArray(json.config.series) || !Array.isArray(json.periods)) {
    throw new BcrpError('shape', 'the answer lacks config.series or periods');
  }
  const series = json.config.series.map((s, i) => {
    if (!isRecord(s) || typeof s.name !== 'string') throw new BcrpError('shape', `config.series[${i}] has no name`);
    return s.name;
  });
  const periods = json.periods.map((p, i) => {
    if (!isRecord(p) || typeof p.name !== 'string' || !Array.isArray(p.values)) {
      throw new BcrpError('shape', `periods[${i}] lacks a name or values`);
    }
    const name = p.name;
    const period = bcrpPeriod(name);
    if (period === null) throw new BcrpError('period', `periods[${i}]: cannot read the period name ${shorten(p.name)}`);
    if (p.values.length !== series.length) {
      throw new BcrpError('shape', `${p.name}: ${p.values.length} values for ${series.length} series`);
    }
    const values = p.values.map((v) => {
      if (v === MISSING) return null;
      if (typeof v !== 'string' || !NUMBER_RE.test(v.trim())) {
        throw new BcrpError('value', `${name}: ${shorten(String(v))} is neither a number nor "${MISSING}"`);
      }
      return Number(v);
    });
    return { period, values };
  });
  return { title: typeof json.config.title === 'string' ? json.config.title : '', series, periods };
}

/**
 * The answer to a one-code monthly request as our series: values in whole US dollars, from the
 * first to the last month with a value (a trailing `n.d.` is a month not published yet; one in
 * between stays a gap, null, which the snapshot check refuses).
 */
export function toMonthlySeries(answer: BcrpAnswer, spec: BcrpSeriesSpec): SeriesMetric {
  if (answer.series.length !== 1) {
    throw new BcrpError('series', `${spec.code}: expected one series, the answer has ${answer.series.length}`);
  }
  if (answer.periods.length === 0) throw new BcrpError('empty', `${spec.code}: no periods in the answer`);
  const months = answer.periods.map((p) => monthNumber(p.period));
  months.forEach((n, i) => {
    if (n === null) throw new BcrpError('period', `${spec.code}: ${answer.periods[i]!.period} is not a month`);
    if (i > 0 && n !== months[i - 1]! + 1) {
      throw new BcrpError('period', `${spec.code}: ${answer.periods[i]!.period} does not follow ${answer.periods[i - 1]!.period}`);
    }
  });
  const values = answer.periods.map((p) => p.values[0]!);
  const first = values.findIndex((v) => v !== null);
  if (first === -1) throw new BcrpError('empty', `${spec.code}: every period is "${MISSING}"`);
  let last = values.length - 1;
  while (values[last] === null) last--;
  return {
    id: spec.id,
    label: spec.label,
    kind: spec.kind,
    source: BCRP_SOURCE_ID,
    unit: 'USD',
    frequency: 'monthly',
    parent: spec.parent,
    start: monthFromNumber(months[first]!),
    values: values.slice(first, last + 1).map((v) => (v === null ? null : Math.round(v * BCRP_UNIT_FACTOR))),
  };
}
