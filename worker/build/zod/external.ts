/** The worker's `z` namespace: all of zod 4 but a few names (why: ./index.ts). */
import { leftOut } from './core';

export * from 'zod/v4';
export * as core from './core';

// Only English (`{ en }`); zod's compiled fast paths (core/compile.js) as stubs.
export { locales, compile, withParser, ZodCompileAsyncError, ZodCompileUnsupportedError, INVALID } from './core';
/** JSON Schema → zod (classic/from-json-schema.js). */
export const fromJSONSchema = (): never => leftOut('fromJSONSchema');
/** `zod/v4` also exports `z`, its own namespace with every locale; zod's `z` has no `z.z`. */
export const z = undefined;
