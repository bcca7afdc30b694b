import { css } from './lib/css';

export const sparklineStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    width: var(--peru-sparkline-width, 120px);
    height: var(--peru-sparkline-height, 32px);
  }
  .base,
  .sk,
  svg {
    display: block;
    width: 100%;
    height: 100%;
    margin: 0;
    overflow: visible;
  }
  .fallback {
    height: auto;
  }
  /* The renderer draws in the light palette; the theme's tokens recolour it (CSS beats SVG attributes). */
  [fill='none'] {
    stroke: var(--peru-color-line);
  }
  path:not([fill='none']),
  circle,
  rect {
    fill: var(--peru-color-line);
  }
  text {
    fill: var(--peru-color-muted);
  }
  .cursor {
    fill: color-mix(in srgb, var(--peru-color-line) 20%, transparent);
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    bottom: calc(100% + 4px);
    left: 0;
    padding: 0.1em 0.4em;
    border-radius: 4px;
    background: var(--peru-color-text);
    color: var(--peru-color-bg);
    font-size: 0.75em;
    white-space: nowrap;
    pointer-events: none;
  }
  .end {
    left: auto;
    right: 0;
  }
  .tooltip:empty {
    opacity: 0;
  }
  .error {
    font-size: 0.75em;
  }
  .error span {
    position: absolute;
    clip-path: inset(50%);
  }
`;
