/**
 * The pages' stylesheet, served at `/assets/site.<hash>.css` (see assets.ts). Colours are
 * GitHub Primer's, as in the SVG renderers, so cards and page match in light and dark.
 * The builder shows only the fields the chosen kind uses with `:has()`, no script needed.
 */
import { PALETTES } from '@peru-exports/widgets/render';
import { PALETTE_CSS } from './palette-css';

export const SITE_CSS = `${PALETTE_CSS}
:root { --warn-bg: #fff8c5; --warn-border: #d4a72c; --danger: ${PALETTES.light.negative}; }
@media (prefers-color-scheme: dark) { :root { --warn-bg: #3b2e0a; --warn-border: #9e6a03; } }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0;
}
.skip { position: absolute; left: 1rem; top: -3rem; padding: 0.5rem 1rem; background: var(--bg); z-index: 1; }
.skip:focus { top: 0.5rem; }

.site-header { border-bottom: 1px solid var(--border); }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding-block: 0.75rem; }
.brand { font-weight: 700; font-size: 1.125rem; color: var(--fg); text-decoration: none; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.lang-switch { margin: 0 0 0 auto; }
.site-footer { border-top: 1px solid var(--border); margin-top: 3rem; padding-block: 1rem; color: var(--muted); font-size: 0.875rem; }

main { padding-block: 1rem 2rem; }
h1 { font-size: clamp(1.75rem, 4vw, 2.5rem); line-height: 1.15; margin: 1rem 0 0.75rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2.5rem 0 0.5rem; padding-top: 1rem; border-top: 1px solid var(--border); }
h3 { font-size: 1.125rem; margin: 1.25rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
.lede { font-size: 1.125rem; max-width: 48rem; }
.hint, .note { color: var(--muted); font-size: 0.875rem; margin: 0.25rem 0; }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; }

/* Two columns on a wide screen: a figure in words ("US$ 74,7 mil millones") needs the room. */
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 25rem), 1fr)); gap: 1rem; margin: 1rem 0; }
.cards > * { display: block; min-width: 0; inline-size: auto; }
.cards img, .preview img, .figure img, .latest img { max-width: 100%; height: auto; }
.latest { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1rem; align-items: start; margin: 1rem 0; }
.latest > peru-export-card { display: block; min-width: 0; }
.figures { margin: 0; }
.figures dt { font-weight: 600; margin-top: 0.5rem; }
.figures dd { margin: 0; }
.figures strong { font-size: 1.25rem; }

.builder { display: grid; grid-template-columns: minmax(0, 24rem) minmax(0, 1fr); gap: 1rem 2rem; align-items: start; }
@media (max-width: 52rem) { .builder { grid-template-columns: minmax(0, 1fr); } }
fieldset { border: 1px solid var(--border); border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 0.75rem 0.75rem; min-width: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
.field { display: flex; flex-direction: column; gap: 0.25rem; margin-bottom: 0.75rem; min-width: 0; }
.field > label { font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: flex-start; }
.choice { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.125rem 0; }
input, select, button { font: inherit; color: inherit; }
input:not([type=radio]), select {
  background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.375rem 0.5rem; max-width: 100%;
}
input[type=number] { width: 7rem; }
#b-metric { width: 100%; }
input:invalid { border-color: var(--danger); }
button {
  cursor: pointer; background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.375rem 0.875rem;
}
button:hover { border-color: var(--accent); }

/* Only the fields the chosen kind uses. */
.builder-form:has(input[name=kind][value=ranking]:checked) :is(.metric-field, .period-fields, .size-fields) { display: none; }
.builder-form:not(:has(input[name=kind][value=ranking]:checked)) .ranking-fields { display: none; }
.builder-form:has(input[name=kind][value^=card]:checked) .height-field { display: none; }

.preview { padding: 1.25rem; border: 1px dashed var(--border); border-radius: 6px; overflow-x: auto; }
.preview.theme-light { background: ${PALETTES.light.background}; color: ${PALETTES.light.text}; }
.preview.theme-dark { background: ${PALETTES.dark.background}; color: ${PALETTES.dark.text}; }
.preview > peru-export-card, .preview > peru-export-ranking { display: block; max-width: 28rem; }
.snippet { margin: 0 0 1.25rem; }
.snippet pre {
  margin: 0.25rem 0 0.5rem; padding: 0.75rem; background: var(--surface); border: 1px solid var(--border); border-radius: 6px;
  font-size: 0.8125rem; white-space: pre-wrap; overflow-wrap: anywhere;
}
.issues { background: var(--warn-bg); border: 1px solid var(--warn-border); border-radius: 6px; padding: 0.5rem 0.75rem; margin-bottom: 1rem; }
.issues p, .issues ul { margin: 0.25rem 0; }

.sources { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
.source { border: 1px solid var(--border); border-radius: 6px; padding: 0.75rem 1rem; }
.source h3 { margin-top: 0; }
.source dl { margin: 0; }
.source dt { font-weight: 600; font-size: 0.875rem; }
.source dd { margin: 0 0 0.5rem; }
.callout { border-left: 4px solid var(--accent); background: var(--surface); padding: 0.5rem 1rem; margin: 1rem 0; border-radius: 0 6px 6px 0; }

.breadcrumb ol { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.75rem 0 0; font-size: 0.875rem; }
.breadcrumb li + li::before { content: "›"; margin-right: 0.5rem; color: var(--muted); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.5rem 1.5rem; margin: 1rem 0; }
.facts div { border-top: 1px solid var(--border); padding-top: 0.25rem; }
.facts dt { color: var(--muted); font-size: 0.875rem; }
.facts dd { margin: 0; font-size: 1.25rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.metric-top { display: grid; grid-template-columns: minmax(0, 24rem) minmax(0, 1fr); gap: 1rem 2rem; align-items: start; }
@media (max-width: 52rem) { .metric-top { grid-template-columns: minmax(0, 1fr); } }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { padding: 0.25rem 0.75rem; text-align: right; border-bottom: 1px solid var(--border); }
th:first-child, td:first-child { text-align: left; }
thead th { font-size: 0.875rem; color: var(--muted); }
details summary { cursor: pointer; color: var(--accent); }
`;
