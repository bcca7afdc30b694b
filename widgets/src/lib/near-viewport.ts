/**
 * Calls back once when an element comes within `NEAR` of the viewport, so a page full of cards
 * fetches only what readers scroll towards (model-viewer's approach). One observer for the page.
 * One screen ahead (browsers' own lazy images start further out still): data are there by the
 * time a reader scrolling at a normal pace gets to them.
 */
const NEAR = '100% 0px';

const callbacks = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | undefined;

/** Returns a function that stops watching. Without IntersectionObserver, calls back at once. */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver !== 'function') {
    callback();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer!.unobserve(entry.target);
        const near = callbacks.get(entry.target);
        callbacks.delete(entry.target);
        near?.();
      }
    },
    { rootMargin: NEAR },
  );
  callbacks.set(element, callback);
  observer.observe(element);
  return () => {
    callbacks.delete(element);
    observer!.unobserve(element);
  };
}
