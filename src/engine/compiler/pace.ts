/**
 * The compiler as steps: each pass pauses (yields) every STEP nodes or edges, so the page can
 * spread a big graph's compile over several tasks between frames (store/compiled.ts). With 5,000
 * nodes a compile takes a few hundred ms; in steps no task holds the page that long.
 */
export const STEP = 64;

/** A pass that pauses now and then and ends with its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to their end, without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
