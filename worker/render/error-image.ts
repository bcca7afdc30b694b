import {
  clamp,
  contentId,
  coord,
  escapeXml,
  Paint,
  parseLang,
  parseTheme,
  svgDocument,
  type Lang,
  type Theme,
} from '@peru-exports/widgets/render';
import { BREAKABLE_SPACE, wrapText } from './text-width';

export interface ErrorImageOptions {
  /** Width in px, clamped to 120–800 (default 360); the height follows the message. */
  width?: number;
  theme?: Theme;
  lang?: Lang;
}

const HEADING: Record<Lang, string> = {
  en: 'Cannot draw this image',
  es: 'No se puede dibujar esta imagen',
};

/** Longest message shown; what is past it is cut (the message may echo user input). */
const MAX_MESSAGE = 300;

/**
 * A small SVG saying what is wrong, for image routes to answer instead of a broken image.
 * Never throws: invalid options fall back to the defaults (it is what runs when options were
 * invalid), and the message is escaped, cut to 300 characters and wrapped to at most 4 lines.
 */
export function renderErrorImage(message: string, options: ErrorImageOptions = {}): string {
  const lang = lenient(() => parseLang(options.lang), 'en');
  const theme = lenient(() => parseTheme(options.theme), 'light');
  const width = typeof options.width === 'number' && Number.isFinite(options.width) ? clamp(Math.round(options.width), 120, 800) : 360;
  const paint = new Paint(theme);
  const padding = 10;
  const inner = width - 2 * padding;
  const text = String(message ?? '')
    .replace(BREAKABLE_SPACE, ' ')
    .trim()
    .slice(0, MAX_MESSAGE);
  const heading = wrapText(`⚠ ${HEADING[lang]}`, inner, 12, true, 1)[0] ?? '';
  const lines = wrapText(text, inner, 11, false, 4);
  let y = padding + 13;
  let body = `<text x="${padding}" y="${y}" font-size="12" font-weight="bold"${paint.attrs({ fill: 'negative' })}>${escapeXml(heading)}</text>`;
  for (const line of lines) {
    y += 15;
    body += `<text x="${padding}" y="${y}" font-size="11"${paint.attrs({ fill: 'text' })}>${escapeXml(line)}</text>`;
  }
  const height = y + padding;
  const frame = `<rect x="0.5" y="0.5" width="${width - 1}" height="${coord(height - 1)}" rx="4"${paint.attrs({ fill: 'background', stroke: 'border' })}/>`;
  const id = contentId('error-', `${width} ${lang} ${escapeXml(text)} ${frame}${body}`);
  return svgDocument({ id, width, height, lang, title: HEADING[lang], desc: text, style: paint.style(id), body: frame + body, text: true });
}

function lenient<T>(parse: () => T, fallback: T): T {
  try {
    return parse();
  } catch {
    return fallback;
  }
}
