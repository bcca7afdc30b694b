/**
 * The worker's `z.core` (see ./index.ts): zod's core (`zod/v4/core`), with `locales` cut down to
 * English and the exports of core/compile.js replaced by stubs (local exports shadow `export *`).
 */
import en from 'zod/v4/locales/en.js';

export * from 'zod/v4/core';

/** Only English, the default locale zod registers by itself. */
export const locales = { en };

/** What a left-out API does if called: say so, rather than fail on `undefined`. */
export function leftOut(name: string): never {
  throw new Error(`zod's ${name} is left out of the worker bundle (see worker/build/zod/index.ts)`);
}

export const compile = (): never => leftOut('compile');
export const compileFn = (): never => leftOut('compileFn');
export const withParser = (): never => leftOut('withParser');
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
/** The same value as zod's (a registered symbol). */
export const INVALID = Symbol.for('zod.compile.invalid');
