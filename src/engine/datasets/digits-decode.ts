/**
 * Decodes the built-in digits (digits-data.ts, a gzip'd CSV in base64) into pixels and one-hot
 * targets. Its own chunk, with fflate and the data: loaded through `digitsSupport` (digits.ts).
 */
import { gunzipSync, strFromU8 } from 'fflate';
import { DIGIT_CLASSES, DIGIT_PIXELS } from './digits';
import { DIGITS_CSV_GZ_BASE64 } from './digits-data';
import type { Split } from './table';

/** The largest pixel count in the source (a 4 × 4 block of a 32 × 32 bitmap, all inked). */
const PIXEL_MAX = 16;

export function decodeDigits(): Split {
  return parseDigits(strFromU8(gunzipSync(fromBase64(DIGITS_CSV_GZ_BASE64))));
}

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
