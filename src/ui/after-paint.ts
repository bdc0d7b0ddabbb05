/**
 * Run `fn` once the browser has painted the current changes: the next animation frame, then a
 * task after it. For work the officer need not wait for (derived figures, names): what a tap
 * changed is drawn first, and the main thread is free again sooner for the next tap.
 */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
