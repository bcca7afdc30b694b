/**
 * The API's route types for `hono/client`, as one self-contained declaration: `npm run build`
 * (scripts/build.ts) emits this file's `.d.ts`, in which TypeScript writes the app's schema out
 * in full (paths, queries, parameters, each status's JSON body), so a consumer needs only `hono`,
 * not the worker's sources, tsconfig, JSX or Workers types.
 *
 *   import { hc } from 'hono/client';
 *   import type { AppType } from '@peru-exports/client';
 *   const api = hc<AppType>('https://peru-exports.example');
 */
import type { Hono, Schema } from 'hono';
import type { AppType as WorkerApp } from '../../worker/index';

declare const app: WorkerApp;
/** The routes' schema on a plain `Hono`, without the worker's bindings and variables (`AppEnv`). */
declare function schemaOnly<S extends Schema>(routes: Hono<any, S, any>): Hono<{}, S, '/'>;
const api = schemaOnly(app);

/** Give it to `hc` from `hono/client`: `hc<AppType>(origin)`. */
export type AppType = typeof api;
