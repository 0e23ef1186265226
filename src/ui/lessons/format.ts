/** Numbers in the lesson panel: six significant digits (0.998869, −98.7989), exponents beyond. */
export function fmtValue(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  const s =
    a >= 1e-4 && a < 1e7
      ? String(Number(x.toPrecision(6)))
      : x
          .toExponential(3)
          .replace(/\.?0+e/, 'e')
          .replace('e+', 'e');
  return s.replaceAll('-', '−');
}

/** "all 4 pass", "3 of 4 pass", "none of 4 pass". */
export function passSummary(passes: readonly boolean[]): string {
  const n = passes.length;
  const k = passes.filter(Boolean).length;
  if (n === 0) return 'no checks';
  if (k === n) return n === 1 ? 'the check passes' : n === 2 ? 'both pass' : `all ${n} pass`;
  if (k === 0) return n === 1 ? 'the check fails' : `none of ${n} pass`;
  return `${k} of ${n} pass`;
}
