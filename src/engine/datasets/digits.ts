/**
 * The built-in handwritten digits (digits-data.ts): 1,797 greyscale 8 × 8 images of the digits
 * 0…9. Each pixel, a count 0…16 of inked cells, is scaled to [0, 1] so that a network sees inputs
 * of the same size as the 2-D sets'; targets are one-hot over the ten digits. The gzip'd CSV is
 * decoded once, on first use, so a page that never opens the digits never pays for it.
 */
import { gunzipSync, strFromU8 } from 'fflate';
import { DIGITS_CSV_GZ_BASE64 } from './digits-data';
import type { Generate } from './generators';
import type { Split } from './table';

export const DIGIT_SIDE = 8;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const DIGIT_CLASSES = 10;
export const DIGIT_COUNT = 1797;
/** The largest pixel count in the source (a 4 × 4 block of a 32 × 32 bitmap, all inked). */
const PIXEL_MAX = 16;

/** "r3c5": the pixel in row 3, column 5 (both from 0), as the features are named. */
export const DIGIT_FEATURE_NAMES: readonly string[] = Array.from(
  { length: DIGIT_PIXELS },
  (_, i) => `r${Math.floor(i / DIGIT_SIDE)}c${i % DIGIT_SIDE}`,
);

let decoded: Split | undefined;

/** Every digit in the file's order (the generator ignores n and noise: the set is fixed). */
export const digitImages: Generate = () => {
  decoded ??= parseDigits(strFromU8(gunzipSync(fromBase64(DIGITS_CSV_GZ_BASE64))));
  // Callers own what they get (split.ts copies rows out, but a caller might not).
  return { x: decoded.x.slice(), y: decoded.y.slice(), count: decoded.count };
};

function parseDigits(csv: string): Split {
  const lines = csv.split('\n').filter((l) => l.trim() !== '');
  const x = new Float64Array(lines.length * DIGIT_PIXELS);
  const y = new Float64Array(lines.length * DIGIT_CLASSES);
  lines.forEach((line, row) => {
    const cells = line.split(',').map(Number);
    if (cells.length !== DIGIT_PIXELS + 1)
      throw new Error(`digits: row ${row + 1} has ${cells.length} cells`);
    for (let j = 0; j < DIGIT_PIXELS; j++) x[row * DIGIT_PIXELS + j] = cells[j] / PIXEL_MAX;
    y[row * DIGIT_CLASSES + cells[DIGIT_PIXELS]] = 1;
  });
  return { x, y, count: lines.length };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with = padding) to bytes; the engine runs where atob may not exist. */
function fromBase64(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) lookup[BASE64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let k = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | lookup[clean.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
