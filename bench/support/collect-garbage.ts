/**
 * Runs a full garbage collection when node was started with --expose-gc (npm run bench does): a timed
 * section should not pay for the garbage of the one before it (loading a million certificates leaves a lot).
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}
