/**
 * A social preview (Open Graph / Twitter large card): one 1200 × 630 SVG holding a metric's card
 * and its chart, the site's name and the source. Pure: it places SVG documents it is given; the
 * PNG twin (routes/png.ts) is what social sites load.
 */
import { contentId, coord, escapeXml, Paint, svgDocument, type Lang } from '@peru-exports/widgets/render';
import { textWidth, truncateText } from './text-width';

/** Open Graph's recommended size (Facebook, LinkedIn; Twitter's summary_large_image is 2:1 or wider, and crops this little). */
export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;

export interface SocialData {
  /** The site's name, the image's heading. */
  siteName: string;
  /** Said after the name, e.g. the site's tagline on the front page's image; null for none. */
  tagline: string | null;
  /** A card SVG document (renderCard), drawn on the left (or alone, larger). */
  card: string;
  /** A chart SVG document (renderChart), drawn on the right; null for none. */
  chart: string | null;
  /** Attribution, e.g. "Fuente: SUNAT, Cuadro G1". */
  sourceLine: string;
  /** What the image shows, for its `<title>` (the card's label). */
  title: string;
  lang: Lang;
}

const PADDING = 56;
const HEADING = { y: 96, size: 34 } as const;
const TAGLINE_SIZE = 22;
const BODY = { top: 136, bottom: 540 } as const;
const SOURCE = { y: 590, size: 20 } as const;
const GAP = 32;

/** The width and height of an SVG document's root element. */
function rootSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1] ?? 0), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1] ?? 0) };
}

/** `svg` scaled to fit in the box (at most `maxScale`), centred vertically, left-aligned. */
function placed(svg: string, box: { x: number; y: number; width: number; height: number }, maxScale: number): string {
  const size = rootSize(svg);
  if (size.width <= 0 || size.height <= 0) return '';
  const scale = Math.min(maxScale, box.width / size.width, box.height / size.height);
  const y = box.y + (box.height - size.height * scale) / 2;
  return `<g transform="translate(${coord(box.x)} ${coord(y)}) scale(${coord(scale)})">${svg}</g>`;
}

export function renderSocial(data: SocialData): string {
  const { width, height } = SOCIAL_SIZE;
  const paint = new Paint('light');
  const inner = width - 2 * PADDING;
  const heading = truncateText(data.siteName, inner, HEADING.size, true);
  const parts = [
    `<rect width="${width}" height="${height}"${paint.attrs({ fill: 'background' })}/>`,
    `<rect width="${width}" height="12"${paint.attrs({ fill: 'line' })}/>`,
    `<text x="${PADDING}" y="${HEADING.y}" font-size="${HEADING.size}" font-weight="bold"${paint.attrs({ fill: 'text' })}>${escapeXml(heading)}</text>`,
  ];
  if (data.tagline !== null) {
    // After the name, on the same line, as far as it fits.
    const x = PADDING + Math.ceil(textWidth(heading, HEADING.size, true)) + 24;
    const tagline = truncateText(data.tagline, width - PADDING - x, TAGLINE_SIZE, false);
    if (tagline !== '')
      parts.push(
        `<text x="${x}" y="${HEADING.y}" font-size="${TAGLINE_SIZE}"${paint.attrs({ fill: 'muted' })}>${escapeXml(tagline)}</text>`,
      );
  }
  const body = { y: BODY.top, height: BODY.bottom - BODY.top };
  if (data.chart === null) {
    parts.push(placed(data.card, { x: PADDING + inner / 6, y: body.y, width: (inner * 2) / 3, height: body.height }, 2));
  } else {
    const cardWidth = Math.round((inner - GAP) * 0.46);
    parts.push(placed(data.card, { x: PADDING, y: body.y, width: cardWidth, height: body.height }, 1.5));
    parts.push(placed(data.chart, { x: PADDING + cardWidth + GAP, y: body.y, width: inner - cardWidth - GAP, height: body.height }, 1.5));
  }
  const source = truncateText(data.sourceLine, inner, SOURCE.size, false);
  parts.push(
    `<text x="${PADDING}" y="${SOURCE.y}" font-size="${SOURCE.size}"${paint.attrs({ fill: 'muted' })}>${escapeXml(source)}</text>`,
  );
  const title = `${data.title} · ${data.siteName}`;
  const content = parts.join('');
  const id = contentId('social-', `${data.lang} ${escapeXml(title)} ${content}`);
  return svgDocument({
    id,
    width,
    height,
    lang: data.lang,
    title,
    desc: data.sourceLine,
    style: paint.style(id),
    body: content,
    text: true,
  });
}
