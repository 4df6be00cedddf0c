// Prédire opened from a Démo verdict: its result is brought into view (on a phone it lies below the examples and the
// model's description) and focused, so that a screen reader reads it next and Tab goes on from there.

/** What the reveal needs of the element: an HTMLElement in the page, a stand-in in unit tests. */
export interface Revealable {
  focus(options?: FocusOptions): void;
  scrollIntoView(options?: ScrollIntoViewOptions): void;
}

/** Scrolls smoothly, or at once when the user asks for reduced motion; focus moves without a second, abrupt scroll. */
export function revealResult(element: Revealable, reducedMotion: boolean): void {
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'start', behavior: reducedMotion ? 'auto' : 'smooth' });
}

/** Whether the user asks for reduced motion (an environment without matchMedia counts as asking). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia !== 'function' || matchMedia('(prefers-reduced-motion: reduce)').matches;
}
