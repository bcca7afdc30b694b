/**
 * The road not taken, for `npm run bench:png` only: the main worker with resvg's wasm and the font
 * in its own bundle (as if the PNG routes lived in it). Nothing is rendered; the modules are only
 * loaded, which is what workerd pays at start-up (it compiles a wasm module when the isolate loads).
 */
import wasm from '@resvg/resvg-wasm/index_bg.wasm';
import worker from '../../worker/index';
import regular from '../fonts/DejaVuSans.subset.ttf';

const loaded = [wasm, regular];

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    if (loaded.length === 0) throw new Error('unreachable');
    return worker.fetch(request, env, ctx);
  },
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;
