/**
 * What `import … from 'zod'` means in the worker's bundle: zod, less what the worker never
 * uses and esbuild cannot leave out by itself. Wired in by `[alias]` in wrangler.toml (deploy,
 * `wrangler dev`, the dry-run build) and by `resolve.alias` of the `worker` project in
 * vitest.config.ts (tests in workerd), so every run of the worker uses it; type checking still
 * sees the real zod. Same layout as zod's own entry: `z` is the namespace of ./external.ts.
 *
 * Why: @hono/zod-openapi does `import { z } from 'zod'` and passes `z` to
 * `extendZodWithOpenApi(z)`. A namespace used as a value keeps every export, so the bundle got
 * `z.locales` and `z.core.locales` (62 locales' error messages besides English, ~258 KiB minified),
 * `z.compile` (~31 KiB) and `z.fromJSONSchema` (~12 KiB), none of which the worker uses.
 * ./external.ts re-exports all of zod 4 (`zod/v4`, the same code as `zod`) and shadows those
 * names with local exports (in ES modules a module's own export wins over an `export *`), so
 * the modules behind them are never reached.
 *
 * Why it is safe: the worker writes its error messages itself (params.ts gives each schema its
 * `error`; validation.ts reads `issue.message`). Where zod's default text can still show, it
 * is English, and English stays: zod's classic schemas import `locales/en.js` themselves and
 * register it as the default locale, and `z.locales.en` is kept. Nothing calls `z.config`,
 * `z.compile`, `z.withParser` or `z.fromJSONSchema`; if something ever does, the stubs throw
 * an error naming this file. test/scripts/worker-bundle.test.ts fails if the bundle grows back
 * or a locale's messages return; test/worker/zod-alias.test.ts checks the alias in workerd.
 *
 * Upgrading zod: if a new export under `z` or `z.core` brings the locales or compile.js back,
 * that test fails; shadow the new name in ./external.ts or ./core.ts, or drop this folder and
 * the two aliases, which gives back the plain zod bundle (about 50 KB more gzipped).
 */
import * as z from './external';

export * from './external';
export { z, z as default };
