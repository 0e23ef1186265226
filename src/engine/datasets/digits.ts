/**
 * The built-in handwritten digits (digits-data.ts): 1,797 greyscale 8 × 8 images of the digits
 * 0…9. Each pixel, a count 0…16 of inked cells, is scaled to [0, 1] so that a network sees inputs
 * of the same size as the 2-D sets'; targets are one-hot over the ten digits. The gzip'd CSV
 * (digits-decode.ts, with fflate) is a chunk of its own, loaded and decoded on first use, so a
 * page that never opens the digits never downloads it: a graph with the digits `requires` it.
 */
import { lazy } from '../lazy';
import type { Generate } from './generators';
import type { Split } from './table';

export const DIGIT_SIDE = 8;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const DIGIT_CLASSES = 10;
export const DIGIT_COUNT = 1797;

/** "r3c5": the pixel in row 3, column 5 (both from 0), as the features are named. */
export const DIGIT_FEATURE_NAMES: readonly string[] = Array.from(
  { length: DIGIT_PIXELS },
  (_, i) => `r${Math.floor(i / DIGIT_SIDE)}c${i % DIGIT_SIDE}`,
);

/** The data and its decoder, loaded on first use (see lazy.ts; the dataset kind requires it). */
export const digitsSupport = lazy('the handwritten digits', () => import('./digits-decode'));

let decoded: Split | undefined;

/** Every digit in the file's order (the generator ignores n and noise: the set is fixed). */
export const digitImages: Generate = () => {
  if (!decoded) {
    const support = digitsSupport.current();
    if (!support) throw new Error('the handwritten digits are still loading');
    decoded = support.decodeDigits();
  }
  // Callers own what they get (split.ts copies rows out, but a caller might not).
  return { x: decoded.x.slice(), y: decoded.y.slice(), count: decoded.count };
};
