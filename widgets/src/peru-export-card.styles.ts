import { css } from './lib/css';

/**
 * One box in every state, the API's card.svg's (measureCard: 360 × 209 px at 16 px), so nothing
 * moves when the fallback image, the loading state and the data replace each other. The height
 * scales with the font size (13.0625em = 209 px at 16 px) and the sparkline takes what the other
 * rows leave. An inline-block whose baseline is its bottom edge (overflow) sits in a line as the
 * snippet's fallback `<img width height>` does before the script runs.
 */
export const cardStyles = css`
  :host {
    display: inline-block;
    overflow: hidden;
    width: 360px;
    max-width: 100%;
    height: 13.0625em;
  }
  .base {
    height: 100%;
    display: flex;
    flex-flow: column;
  }
  .label,
  .value,
  .line,
  .source {
    overflow: hidden;
    line-height: 1.3;
    height: 1lh;
  }
  .label,
  .source {
    height: 2lh;
    color: var(--peru-color-muted);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
  }
  .label {
    font-size: 0.8125em;
    font-weight: 600;
  }
  .value {
    font-size: 1.5em;
    line-height: 1.5;
    font-weight: 700;
  }
  .value,
  .line {
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .line {
    font-size: 0.8125em;
    line-height: 1.4;
    display: flex;
    gap: 0.6em;
  }
  .change {
    font-weight: 700;
  }
  .up {
    color: var(--peru-color-positive);
  }
  .down {
    color: var(--peru-color-negative);
  }
  .period {
    color: var(--peru-color-muted);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sk {
    width: 60%;
  }
  .spark {
    width: 100%;
    flex: 1;
    margin: 0.625em 0 0.3125em;
    /* The sparkline takes the card's tokens (page overrides and theme included), not its own defaults. */
    --peru-color-text: inherit;
    --peru-color-muted: inherit;
    --peru-color-bg: inherit;
    --peru-color-line: inherit;
    --peru-font-family: inherit;
    --peru-font-size: inherit;
  }
  .source {
    font-size: 0.625em;
  }
  .previous {
    display: flex;
    align-items: flex-end;
    color: var(--peru-color-muted);
  }
  .previous span {
    font-size: 0.8125em;
  }
  .value .sk {
    width: 45%;
    height: 0.8lh;
  }
  .source .sk {
    width: 80%;
  }
`;
