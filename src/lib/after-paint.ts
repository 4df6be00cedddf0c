// Work a screen does not need for its first paint waits until that paint: on a slow laptop a chart library or the
// first network request of a page (the models list's, 80 ms of the main thread) otherwise holds the screen back.

/** Resolves once the browser has painted the next frame (at once where there are no frames: Node, the tests). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
