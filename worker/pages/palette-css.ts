/**
 * The pages' colour custom properties (`--fg`, `--muted`, `--bg`, `--surface`, `--border`,
 * `--accent`), light and dark, taken from the images' palette (PALETTES, GitHub Primer's) so
 * that pages, cards and elements match. `--surface` (code and table backgrounds) is the pages'
 * own. Used by the site stylesheet and the API reference page.
 */
import { PALETTES, type Palette } from '@peru-exports/widgets/render';

const SURFACE = { light: '#f6f8fa', dark: '#151b23' } as const;

const vars = (p: Palette, surface: string): string =>
  `--fg: ${p.text}; --muted: ${p.muted}; --bg: ${p.background}; --surface: ${surface}; --border: ${p.border}; --accent: ${p.line};`;

export const PALETTE_CSS = `
:root { color-scheme: light dark; ${vars(PALETTES.light, SURFACE.light)} }
@media (prefers-color-scheme: dark) { :root { ${vars(PALETTES.dark, SURFACE.dark)} } }`;
