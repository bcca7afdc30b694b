/**
 * A coordinate as written into the SVG: at most one decimal (a tenth of a pixel is below what
 * a screen shows), no trailing `.0`, never `-0`. Keeps output small and byte-stable.
 */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? '0' : String(rounded);
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/**
 * Maps values in `[lo, hi]` linearly onto `[from, to]`, clamping values outside the domain.
 * Works for any finite doubles (halves avoid `hi - lo` overflowing to Infinity). A degenerate
 * domain (`lo >= hi`: one value, all equal) maps values equal to it to the middle, values below
 * to `from` and above to `to`.
 */
export function linearScale(lo: number, hi: number, from: number, to: number): (value: number) => number {
  const span = hi / 2 - lo / 2;
  return (value) => {
    let t: number;
    if (!(span > 0)) t = value < lo ? 0 : value > hi ? 1 : 0.5;
    else t = clamp((value / 2 - lo / 2) / span, 0, 1);
    return from + (to - from) * t;
  };
}

/** Smallest and largest of the values (which must be non-empty and finite). */
export function extent(values: readonly number[]): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

/** Arithmetic mean without overflow for values near ±Number.MAX_VALUE. */
export function mean(values: readonly number[]): number {
  let m = 0;
  values.forEach((value, i) => {
    m += value / (i + 1) - m / (i + 1);
  });
  return m;
}
