/**
 * The one way Neurograph prints a number for a reader: on the canvas, in the panels, in the
 * engine's sentences and on chart axes. Pure, so the engine, the store and the UI share it.
 *
 * - `options.digits` significant digits (default 4; an object, so `xs.map(formatNumber)` is safe), no trailing zeros: 0.5 → "0.5", 11.3137 → "11.31".
 * - Plain notation from 0.001 up to 100,000, exponents outside it: 0.0001131 → "1.131e−4",
 *   124720.3 → "1.247e5". Every minus sign is the typographic one (−), the exponent's too.
 * - ∞ and −∞ as symbols, NaN as "NaN", nothing (undefined) as "—".
 */
export function formatNumber(x: number | undefined, options: { digits?: number } = {}): string {
  const digits = options.digits ?? 4;
  if (x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  let s: string;
  if (a >= 1e-3 && a < 1e5) {
    s = String(Number(x.toPrecision(digits)));
  } else {
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
    s = `${Number(mantissa)}e${Number(exponent)}`;
  }
  return s.replaceAll('-', '−');
}
