/**
 * Registers a custom element unless the tag is taken already: by this bundle loaded twice, by
 * another version of it, or by the page itself. The first definition wins; nothing throws.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
