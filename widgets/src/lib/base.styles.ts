import { css } from './css';

/**
 * What every element shares: a reset so the host page's inherited styles (font, colour, line
 * height, letter spacing, alignment…) cannot reach inside, the other tokens, and the loading,
 * error and screen-reader-only pieces.
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    /* The reader's own UI font; the SVG images use Verdana only because they measure text. */
    --peru-font-family: system-ui, sans-serif;
    --peru-font-size: 16px;
    --peru-radius: 6px;
    --peru-padding: 16px;
    font: var(--peru-font-size) / 1.3 var(--peru-font-family);
    color: var(--peru-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    position: relative;
  }
  .fallback {
    display: block;
    height: auto;
    padding: 0;
    border: 0;
    background: none;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .sk {
    display: block;
    height: 0.9em;
    margin: 0.2em 0;
    border-radius: 4px;
    background: var(--peru-color-muted);
    opacity: 0.22;
    animation: pulse 1.6s infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.1;
    }
  }
  .failed .sk {
    visibility: hidden;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    place-content: center;
    align-items: center;
    gap: 0.5em;
    color: var(--peru-color-muted);
    font-size: 0.875em;
  }
  .failed > .error {
    position: absolute;
    inset: 0;
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid var(--peru-color-border);
    border-radius: var(--peru-radius);
    padding: 0.2em 0.8em;
    cursor: pointer;
  }
  a {
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--peru-color-line);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    .sk {
      animation: none;
    }
  }
`;

/** The framed box of the card and the ranking. */
export const frameStyles = css`
  .base {
    padding: var(--peru-padding);
    background: var(--peru-color-bg);
    border: 1px solid var(--peru-color-border);
    border-radius: var(--peru-radius);
  }
  .error {
    padding: var(--peru-padding);
  }
`;
