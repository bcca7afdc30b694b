/**
 * The PNG worker's rasteriser in Node (same wasm, same fonts, same options: worker-png/rasterise.ts),
 * for the renderer bench, the pixel comparison with Chromium, and the worker tests' `PNG`
 * binding (vitest.config.ts), which runs the PNG worker's own request handler.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { rasteriser } from '../worker-png/rasterise.ts';
import { renderRequest } from '../worker-png/render-request.ts';

const require = createRequire(import.meta.url);

export const FONT_FILES = ['DejaVuSans.subset.ttf', 'DejaVuSans-Bold.subset.ttf'].map((name) =>
  fileURLToPath(new URL(`../worker-png/fonts/${name}`, import.meta.url)),
);

export const nodeRasteriser = rasteriser(
  new Uint8Array(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))),
  FONT_FILES.map((file) => new Uint8Array(readFileSync(file))),
);

/** The PNG worker's fetch handler, run in Node. */
export function pngWorkerFetch(request: Request): Promise<Response> {
  return renderRequest(request, nodeRasteriser);
}
