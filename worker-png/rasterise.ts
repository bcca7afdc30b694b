/**
 * SVG → PNG with resvg (WebAssembly), the one place that knows resvg's options. Shared by the
 * PNG worker (index.ts, in workerd) and the Node tests and bench, which load the same wasm and fonts.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Scale } from './scales';

/** The embedded family: one of the families every SVG of ours names (FONT_FAMILY), and the fallback of all. */
export const FONT_NAME = 'DejaVu Sans';

export type Rasterise = (svg: string, scale: Scale) => Uint8Array;

/**
 * A rasteriser once the wasm is ready: `init` runs once per isolate, however many requests
 * wait on it (one shared promise), and each render's wasm memory is freed right after.
 */
/** resvg's wasm is one per module instance: initialised once, whoever asks first (initWasm refuses a second call). */
let wasmReady: Promise<void> | undefined;

export function rasteriser(wasm: WebAssembly.Module | Uint8Array, fonts: readonly Uint8Array[]): () => Promise<Rasterise> {
  let ready: Promise<Rasterise> | undefined;
  const font = { fontBuffers: [...fonts], defaultFontFamily: FONT_NAME, sansSerifFamily: FONT_NAME };
  return () => {
    wasmReady ??= initWasm(wasm);
    ready ??= wasmReady.then(() => (svg, scale) => {
      const resvg = new Resvg(svg, { font, fitTo: { mode: 'zoom', value: scale }, textRendering: 2 });
      try {
        const image = resvg.render();
        try {
          return image.asPng();
        } finally {
          image.free();
        }
      } finally {
        resvg.free();
      }
    });
    return ready;
  };
}
