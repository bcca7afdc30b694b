/**
 * The chart's axes, apart from the drawing: round value ticks that cover the data, their labels
 * in US dollars for each language ("US$ 20 mil M", "US$20bn"), and which periods the x axis
 * names so that no two labels touch. Pure functions of numbers and text widths.
 */
import { formatPeriod, type Lang } from '@peru-exports/widgets/render';
import { textWidth } from './text-width';

/** The round steps, per power of ten. */
const STEPS = [1, 2, 2.5, 5, 10];

/**
 * A tick without the noise of binary fractions (0.30000000000000004 → 0.3), to a tenth of its
 * step, never -0.
 */
function tidy(value: number, step: number): number {
  const tidied = Number(value.toFixed(Math.min(100, Math.max(0, Math.ceil(-Math.log10(step)) + 1))));
  return tidied === 0 ? 0 : tidied;
}

/**
 * At most `maxCount` round values (1, 2, 2.5 or 5 times a power of ten apart, and never closer
 * than `minStep`) whose first is at or below `lo` and whose last is at or above `hi`, so the
 * axis spans every value drawn. A single value gets an interval around it; a range beyond round
 * steps in double precision gets its own two ends.
 */
export function niceTicks(lo: number, hi: number, maxCount: number, minStep = 0): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) {
    const pad = Math.max(Math.abs(lo) / 10, minStep, Number.MIN_VALUE);
    [lo, hi] = [lo - pad, hi + pad];
  }
  const intervals = Math.max(1, Math.floor(maxCount) - 1);
  // Halves, so that hi - lo cannot overflow to Infinity.
  const raw = Math.max(((hi / 2 - lo / 2) * 2) / intervals, minStep);
  if (raw > 0 && Number.isFinite(raw)) {
    const power = 10 ** Math.floor(Math.log10(raw));
    for (const base of [...STEPS, ...STEPS.map((s) => s * 10)]) {
      const step = base * power;
      if (!(step > 0) || !Number.isFinite(step) || step < raw) continue;
      const first = Math.floor(lo / step);
      const last = Math.ceil(hi / step);
      // Past 2^53 steps from zero, counting them one by one goes nowhere: a coarser step, then.
      if (!Number.isSafeInteger(first - 1) || !Number.isSafeInteger(last + 1) || last - first > intervals) continue;
      const ticks: number[] = [];
      for (let i = first; i <= last; i++) ticks.push(tidy(i * step, step));
      // Rounding may leave an end a hair inside the data: widen by a step.
      if (ticks[0]! > lo) ticks.unshift(tidy((first - 1) * step, step));
      if (ticks.at(-1)! < hi) ticks.push(tidy((last + 1) * step, step));
      if (ticks.every((t, i) => Number.isFinite(t) && (i === 0 || t > ticks[i - 1]!))) return ticks;
    }
  }
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi ? [lo, hi] : [Math.min(lo, 0) || -1, Math.max(hi, 0) || 1];
}

/** Scales of the short dollar labels, largest first: the axis uses one for all its ticks. */
const SCALES: { factor: number; suffix: Record<Lang, string> }[] = [
  { factor: 1e12, suffix: { en: 'tn', es: '\u00a0B' } },
  { factor: 1e9, suffix: { en: 'bn', es: '\u00a0mil\u00a0M' } },
  { factor: 1e6, suffix: { en: 'm', es: '\u00a0M' } },
  { factor: 1e3, suffix: { en: 'k', es: '\u00a0mil' } },
];

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang, options)));
  return format;
}

/**
 * The labels of an axis's ticks, in US dollars with one scale and as many decimals as the step
 * needs: en "US$0", "US$10bn", "US$20bn"; es "US$ 0", "US$ 10 mil M" (no-break spaces, so a
 * label never wraps). Beyond a thousand trillion, scientific notation.
 */
export function tickLabels(ticks: readonly number[], lang: Lang): string[] {
  const largest = Math.max(...ticks.map(Math.abs));
  const prefix = lang === 'es' ? 'US$\u00a0' : 'US$';
  if (largest >= 1e15) {
    const format = numberFormat(lang, { notation: 'scientific', maximumSignificantDigits: 3 });
    return ticks.map((t) => (t < 0 ? '-' : '') + prefix + format.format(Math.abs(t)));
  }
  const scale = SCALES.find((s) => largest >= s.factor) ?? { factor: 1, suffix: { en: '', es: '' } };
  const step = ticks.length > 1 ? Math.min(...ticks.slice(1).map((t, i) => Math.abs(t - ticks[i]!))) : largest;
  const decimals = step > 0 ? Math.min(20, Math.max(0, Math.ceil(-Math.log10(step / scale.factor) - 1e-9))) : 0;
  // 2.5 steps need one decimal more than their power of ten.
  const digits = step > 0 && !Number.isInteger(Number(((step / scale.factor) * 10 ** decimals).toPrecision(12))) ? decimals + 1 : decimals;
  const format = numberFormat(lang, { maximumFractionDigits: digits });
  return ticks.map((t) => {
    if (t === 0) return `${prefix}0`;
    return (t < 0 ? '-' : '') + prefix + format.format(Math.abs(t) / scale.factor) + scale.suffix[lang];
  });
}

/**
 * One value in the axis's short form with three significant digits, for the label at a line's
 * end: en "US$4.6bn", es "US$ 4,6 mil M".
 */
export function shortUsd(value: number, lang: Lang): string {
  const prefix = lang === 'es' ? 'US$\u00a0' : 'US$';
  const size = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (size >= 1e15) return sign + prefix + numberFormat(lang, { notation: 'scientific', maximumSignificantDigits: 3 }).format(size);
  const scale = SCALES.find((s) => size >= s.factor);
  const digits = numberFormat(lang, { maximumSignificantDigits: 3 });
  if (scale) return sign + prefix + digits.format(size / scale.factor) + scale.suffix[lang];
  // Under a thousand: to the cent (less than half a cent is zero, and has no sign).
  const cents = numberFormat(lang, { maximumFractionDigits: 2 }).format(size);
  return (cents === '0' ? '' : sign) + prefix + cents;
}

/** A label of the x axis: where it is centred and what it says. */
export interface PeriodLabel {
  index: number;
  text: string;
}

/** Years between year labels, and months between month labels, that the x axis may use. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
const MONTH_STEPS = [1, 2, 3, 6];

/** Ranges up to this many months are labelled by month ("ene 2024", "abr", …), longer ones by year. */
export const MONTH_LABELS_UP_TO = 30;

/**
 * Which periods the x axis names: years (at January, or each annual point), or months when the
 * range is short, the fewest steps apart that leave `gap` px between neighbours at `x(index)`.
 * Then any label that would leave `[left, right]` or touch its neighbour is dropped, so labels
 * never overlap and never leave the image, whatever the width.
 */
export function periodLabels(
  periods: readonly string[],
  x: (index: number) => number,
  bounds: { left: number; right: number; fontSize: number; gap: number },
  lang: Lang,
): PeriodLabel[] {
  const monthly = periods.length > 0 && periods.every((p) => /^\d{4}-\d{2}$/.test(p));
  const byMonth = monthly && periods.length <= MONTH_LABELS_UP_TO;
  const spacing = periods.length > 1 ? Math.abs(x(1) - x(0)) : Infinity;
  const width = (text: string) => textWidth(text, bounds.fontSize);
  let candidates: PeriodLabel[] = [];
  if (byMonth) {
    for (const step of MONTH_STEPS) {
      candidates = periods.flatMap((period, index) => {
        const month = Number(period.slice(5));
        if ((month - 1) % step !== 0) return [];
        return [{ index, text: month === 1 || index < step ? formatPeriod(period, lang, 'short') : monthName(period, lang) }];
      });
      const widest = Math.max(0, ...candidates.map((c) => width(c.text)));
      if (spacing * step >= widest + bounds.gap) break;
    }
  } else {
    const years = periods.map((p) => Number(p.slice(0, 4)));
    const widest = width('0000');
    const yearSpacing = monthly ? spacing * 12 : spacing;
    const step = YEAR_STEPS.find((s) => yearSpacing * s >= widest + bounds.gap) ?? YEAR_STEPS.at(-1)!;
    candidates = periods.flatMap((period, index) => {
      const year = years[index]!;
      if (!Number.isInteger(year) || year % step !== 0) return [];
      if (monthly && period.slice(5) !== '01') return [];
      return [{ index, text: String(year) }];
    });
  }
  const shown: PeriodLabel[] = [];
  let end = -Infinity;
  for (const label of candidates) {
    const half = width(label.text) / 2;
    const centre = x(label.index);
    if (centre - half < bounds.left || centre + half > bounds.right || centre - half < end + bounds.gap) continue;
    shown.push(label);
    end = centre + half;
  }
  return shown;
}

/** A month's short name alone: "abr", "Apr". */
function monthName(period: string, lang: Lang): string {
  return formatPeriod(period, lang, 'short').replace(/\s*\d{4}$/, '');
}
