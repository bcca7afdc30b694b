/**
 * The PNG worker: resvg (WebAssembly) and the embedded font, apart from the main worker so that
 * the JSON and SVG routes do not pay for them (workerd compiles the wasm when the isolate
 * starts, used or not: bench/README.md, "PNG"). The main worker calls it through the `PNG`
 * service binding (wrangler.toml); it has no route of its own.
 */
import wasm from '@resvg/resvg-wasm/index_bg.wasm';
import bold from './fonts/DejaVuSans-Bold.subset.ttf';
import regular from './fonts/DejaVuSans.subset.ttf';
import { rasteriser } from './rasterise';
import { renderRequest } from './render-request';

const rasterise = rasteriser(wasm, [new Uint8Array(regular), new Uint8Array(bold)]);

export default {
  fetch(request: Request): Promise<Response> {
    return renderRequest(request, rasterise);
  },
} satisfies ExportedHandler;
