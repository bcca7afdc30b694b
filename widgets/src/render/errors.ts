/**
 * Thrown by the renderers when an option is out of what they can draw safely (a colour
 * that is not a hex colour or a CSS name, an unknown theme, yMin ≥ yMax…). The worker
 * turns it into an error image; `option` and `allowed` let it say what to fix.
 */
export class RenderOptionError extends Error {
  override readonly name = 'RenderOptionError';
  constructor(
    /** The option's name as the caller spells it, e.g. `color`, `theme`. */
    readonly option: string,
    /** What the option accepts, in words, e.g. `light, dark or auto`. */
    readonly allowed: string,
    /** The rejected value, as text (for messages only; never trusted). */
    readonly value: string,
  ) {
    super(`Option "${option}" must be ${allowed}; got ${JSON.stringify(truncate(value, 40))}`);
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
