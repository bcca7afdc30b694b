import { escapeXml } from './escape';
import type { Lang } from './format';
import { FONT_FAMILY } from './theme';

/** What every standalone SVG image of ours is made of: size, language, texts, styles, drawing. */
export interface SvgDocument {
  /** The root id (see `contentId`/`parseId`); the title and description are `<id>-t` and `<id>-d`. */
  id: string;
  width: number | string;
  height: number | string;
  lang: Lang;
  /** Accessible name and description, as plain text (escaped here). */
  title: string;
  desc: string;
  /** The theme's `<style>` (`Paint.style(id)`), or ''. */
  style: string;
  /** The drawing: markup, already escaped. */
  body: string;
  /** Sets the font stack on the root (images with text). */
  text?: boolean;
}

/**
 * The one wrapper of the sparkline, the stat card and the error image: an `<svg>` with
 * `role="img"`, `aria-labelledby` naming its `<title>` and `<desc>`, and a `lang`.
 */
export function svgDocument(doc: SvgDocument): string {
  const { id, width, height } = doc;
  const font = doc.text === true ? ` font-family="${FONT_FAMILY}"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` role="img" aria-labelledby="${id}-t ${id}-d" lang="${doc.lang}"${font}>` +
    `<title id="${id}-t">${escapeXml(doc.title)}</title><desc id="${id}-d">${escapeXml(doc.desc)}</desc>${doc.style}${doc.body}</svg>`
  );
}
