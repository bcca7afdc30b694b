import { unsafeCSS } from 'lit';
import { PALETTES, type Palette } from '../render/theme';

/**
 * The colour tokens, in the same colours as the SVG images (render/theme.ts). Each is a
 * documented `--peru-*` custom property with its default on :host; a page overrides one by
 * setting it on the element (page styles beat :host rules).
 */
const tokens = (p: Palette, scheme: string) =>
  `--peru-color-text:${p.text};--peru-color-muted:${p.muted};--peru-color-bg:${p.background};` +
  `--peru-color-border:${p.border};--peru-color-line:${p.line};--peru-color-positive:${p.positive};` +
  `--peru-color-negative:${p.negative};color-scheme:${scheme}`;

export const themeStyles = unsafeCSS(
  `:host{${tokens(PALETTES.light, 'light')}}:host([theme=dark]){${tokens(PALETTES.dark, 'dark')}}` +
    `@media (prefers-color-scheme:dark){:host(:not([theme=light])){${tokens(PALETTES.dark, 'dark')}}}`,
);
