import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Lit's `css` tag for our static styles, which never interpolate: the same `CSSResult` without
 * Lit's check of interpolated values, which costs about 200 B of the bundle. A template with a
 * `${…}` does not type-check. (The build minifies these templates like Lit's, by the tag name.)
 */
export const css = ([text]: TemplateStringsArray): CSSResult => unsafeCSS(text);
