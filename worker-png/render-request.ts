/**
 * The PNG worker's one endpoint, reached only through the main worker's service binding:
 * `POST /render?scale=1|2|3` with an SVG document as the body answers its PNG. The main worker
 * owns everything else (routes, parameters, errors, ETags, caching): it sends the very SVG its
 * `.svg` route answers, so the PNG is a drawing of the same document.
 */
import type { Rasterise } from './rasterise';
import { SCALES, type Scale } from './scales.ts';

/** Larger SVG bodies are refused: ours are a few KB; 1 MB bounds the work of a bad caller. */
const MAX_SVG_BYTES = 1_000_000;

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function renderRequest(request: Request, rasterise: () => Promise<Rasterise>): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'POST' || url.pathname !== '/render') return refuse(404, 'POST /render?scale=1|2|3 with an SVG body');
  const scale = Number(url.searchParams.get('scale') ?? '1');
  if (!(SCALES as readonly number[]).includes(scale)) return refuse(400, `scale must be one of ${SCALES.join(', ')}`);
  const svg = await request.text();
  if (svg.length > MAX_SVG_BYTES) return refuse(413, `SVG larger than ${MAX_SVG_BYTES} bytes`);
  try {
    const png = (await rasterise())(svg, scale as Scale);
    return new Response(png, { headers: { 'Content-Type': 'image/png' } });
  } catch (err) {
    // resvg refuses a malformed document with an Error naming it.
    return refuse(422, `not a drawable SVG: ${err instanceof Error ? err.message : String(err)}`);
  }
}
