import { RenderOptionError } from './errors';

/**
 * `auto` follows the viewer's colour scheme with `@media (prefers-color-scheme: dark)` in an
 * SVG `<style>`. Browsers honour it for inline SVG and for SVG opened directly; Safari ignores
 * it for SVG shown through `<img>` and always shows the light colours there.
 */
export type Theme = 'light' | 'dark' | 'auto';
export const THEMES = ['light', 'dark', 'auto'] as const satisfies readonly Theme[];

/** What a colour is for; each role has a colour per scheme. */
export type Role = 'text' | 'muted' | 'background' | 'border' | 'line' | 'area' | 'positive' | 'negative' | 'rule';

export type Palette = Record<Role, string>;

/**
 * GitHub Primer's light and dark neutrals and accents: text, muted text, positive and negative
 * reach 4.5:1 on the background and `line` 3:1 (WCAG 1.4.3 / 1.4.11); a test checks it.
 */
export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    text: '#1f2328',
    muted: '#59636e',
    background: '#ffffff',
    border: '#d1d9e0',
    line: '#0969da',
    area: '#0969da',
    positive: '#1a7f37',
    negative: '#cf222e',
    rule: '#818b98',
  },
  dark: {
    text: '#f0f6fc',
    muted: '#9198a1',
    background: '#0d1117',
    border: '#3d444d',
    line: '#4493f8',
    area: '#4493f8',
    positive: '#3fb950',
    negative: '#f85149',
    rule: '#656c76',
  },
};

const CLASS: Record<Role, string> = {
  text: 'tx',
  muted: 'mu',
  background: 'bg',
  border: 'bd',
  line: 'ln',
  area: 'ar',
  positive: 'ps',
  negative: 'ng',
  rule: 'ru',
};

export function parseTheme(value: unknown): Theme {
  if (value === undefined) return 'light';
  if (typeof value === 'string' && (THEMES as readonly string[]).includes(value)) return value as Theme;
  throw new RenderOptionError('theme', 'light, dark or auto', String(value));
}

/**
 * Writes colour attributes for one theme. Colours the caller chose win over the theme in every
 * scheme. For `auto` each themed colour also gets a class, and {@link Paint.style} emits the
 * dark overrides (a CSS rule beats a presentation attribute, so light stays the default).
 */
export class Paint {
  readonly #theme: Theme;
  readonly #overrides: Partial<Palette>;
  readonly #used = new Set<string>();

  constructor(theme: Theme, overrides: Partial<Palette> = {}) {
    this.#theme = theme;
    this.#overrides = overrides;
  }

  /** The colour of a role as drawn by default (light for `auto`). */
  color(role: Role): string {
    return this.#overrides[role] ?? PALETTES[this.#theme === 'dark' ? 'dark' : 'light'][role];
  }

  /** Attributes (with a leading space) painting `fill` and/or `stroke` in the given roles. */
  attrs(paint: { fill?: Role; stroke?: Role }): string {
    let out = '';
    const classes: string[] = [];
    for (const prop of ['fill', 'stroke'] as const) {
      const role = paint[prop];
      if (role === undefined) continue;
      out += ` ${prop}="${this.color(role)}"`;
      if (this.#theme === 'auto' && this.#overrides[role] === undefined) {
        const name = `${prop[0]}-${CLASS[role]}`;
        classes.push(name);
        this.#used.add(`${name} ${prop} ${role}`);
      }
    }
    return classes.length > 0 ? `${out} class="${classes.join(' ')}"` : out;
  }

  /** The `<style>` element for `auto` (empty otherwise), scoped to the element with `scopeId`. */
  style(scopeId: string): string {
    if (this.#used.size === 0) return '';
    const rules = [...this.#used]
      .sort()
      .map((entry) => {
        const [name, prop, role] = entry.split(' ') as [string, string, Role];
        return `#${scopeId} .${name}{${prop}:${PALETTES.dark[role]}}`;
      })
      .join('');
    return `<style>@media (prefers-color-scheme:dark){${rules}}</style>`;
  }
}

/**
 * The font stack of every text (the one Shields' badges use). Widths are measured with Verdana's
 * metrics (anafanafo), the widest common sans-serif: measured in Chromium, DejaVu Sans (Linux)
 * runs at most 1 % wider than those metrics and Liberation Sans / generic sans-serif narrower, so
 * measured text does not overflow whichever of them the viewer has. (Geneva, for old macOS
 * without Verdana, was not measured.)
 */
export const FONT_FAMILY = 'Verdana, Geneva, DejaVu Sans, sans-serif';
