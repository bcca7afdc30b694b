/**
 * Calls back once when an element comes within one screen of the viewport, so a page full of
 * cards fetches only what readers scroll towards (model-viewer's approach). One screen ahead
 * (browsers' own lazy images start further out still): data are there by the time a reader
 * scrolling at a normal pace gets to them. It watches until then, in the page or out of it.
 */
export function whenNearViewport(element: Element, callback: () => void): void {
  const observer = new IntersectionObserver(
    ([entry]) => {
      if (entry!.isIntersecting) {
        observer.disconnect();
        callback();
      }
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(element);
}
