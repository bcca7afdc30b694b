import { css } from './lib/css';

/** Every row has a fixed height, so `limit` decides the size in every state. */
export const rankingStyles = css`
  :host {
    width: 420px;
    max-width: 100%;
  }
  .head,
  .name,
  .source {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    line-height: 1.3;
    height: 1lh;
  }
  .head {
    font-size: 0.9375em;
    font-weight: 700;
  }
  .muted {
    color: var(--peru-color-muted);
    font-weight: 400;
  }
  ol {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
  }
  li {
    display: grid;
    grid: 1.3em 0.375em / 1.6em minmax(0, 1fr) auto 3.6em;
    gap: 0.2em 0.5em;
    height: 2.4em;
    padding-top: 0.4em;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .share {
    text-align: end;
  }
  .value {
    font-weight: 600;
  }
  .bar {
    grid-area: 2 / 2 / 3 / 5;
    width: 100%;
    height: 100%;
    border-radius: 2px;
    background: color-mix(in srgb, var(--peru-color-muted) 12%, transparent);
    fill: var(--peru-color-line);
  }
  .source {
    margin-top: 0.75em;
    font-size: 0.6875em;
  }
  .sk {
    width: 50%;
    margin: 0;
  }
  li .sk {
    grid-column: 2 / 4;
  }
`;
