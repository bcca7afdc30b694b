import { clamp } from '../render/scale';

/**
 * A numeric attribute as an element uses it: within `[min, max]`, and `fallback` when it is not a
 * positive finite number (`"soon"`, `"0"`, `"-5"`, `"Infinity"`). Every numeric attribute goes
 * through here: browsers run a timer of 2³¹ ms or more at once, so `live-interval="1e9"` would
 * otherwise refresh without pause.
 */
export const numberAttribute = (value: number, min: number, max: number, fallback: number): number =>
  value > 0 && value < Infinity ? clamp(value, min, max) : fallback;
