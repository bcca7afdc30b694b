/**
 * PNG from SVG through the PNG worker (worker-png/, bound as `PNG`): the main worker never loads
 * resvg, so its start-up and its JSON and SVG routes do not pay for it (bench/README.md, "PNG").
 */
import { SCALES, type Scale } from '../worker-png/scales';

export { SCALES, type Scale };

/** Headers of every PNG, error images included: any site may show it, no sniffing. */
export const PNG_HEADERS = {
  'Content-Type': 'image/png',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'cross-origin',
} as const;

/** The PNG worker could not draw the SVG (missing binding, fault, refusal): says which. */
export class RasterError extends Error {
  override readonly name = 'RasterError';
}

/** The PNG of an SVG document at a zoom factor, drawn by the PNG worker. */
export async function rasterise(env: Env, svg: string, scale: Scale): Promise<ArrayBuffer> {
  if (env.PNG === undefined) throw new RasterError('no PNG binding: run the PNG worker next to this one (npm start does)');
  const res = await env.PNG.fetch(`https://png.internal/render?scale=${scale}`, {
    method: 'POST',
    body: svg,
    headers: { 'Content-Type': 'image/svg+xml' },
  });
  if (!res.ok || res.headers.get('Content-Type') !== 'image/png') {
    throw new RasterError(`the PNG worker answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
  return res.arrayBuffer();
}
