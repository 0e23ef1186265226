/**
 * Contour lines of a grid by marching squares: for each level, the segments where the grid's
 * (linearly interpolated) value crosses it, in grid coordinates (i along the first axis, j along
 * the second, both 0 … size − 1).
 */

export type Segment = [number, number, number, number];

/** Segments of the level `level` through values[i·size + j]; cells with a non-finite corner are skipped. */
export function contourSegments(values: ArrayLike<number>, size: number, level: number): Segment[] {
  const out: Segment[] = [];
  const at = (i: number, j: number) => values[i * size + j];
  for (let i = 0; i < size - 1; i++) {
    for (let j = 0; j < size - 1; j++) {
      // Corners counter-clockwise: (i, j), (i+1, j), (i+1, j+1), (i, j+1).
      const c = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
      if (!c.every(Number.isFinite)) continue;
      const px = [i, i + 1, i + 1, i];
      const py = [j, j, j + 1, j + 1];
      const points: number[] = [];
      for (let e = 0; e < 4; e++) {
        const a = c[e];
        const b = c[(e + 1) % 4];
        if (a < level === b < level) continue;
        const t = (level - a) / (b - a);
        const n = (e + 1) % 4;
        points.push(px[e] + (px[n] - px[e]) * t, py[e] + (py[n] - py[e]) * t);
      }
      if (points.length === 4) out.push([points[0], points[1], points[2], points[3]]);
      else if (points.length === 8) {
        out.push([points[0], points[1], points[2], points[3]]);
        out.push([points[4], points[5], points[6], points[7]]);
      }
    }
  }
  return out;
}

/** `count` levels evenly spaced in log(loss) between min and max (both > 0), excluding the ends. */
export function logLevels(min: number, max: number, count: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.log(min);
  const hi = Math.log(max);
  return Array.from({ length: count }, (_, k) => Math.exp(lo + ((hi - lo) * (k + 1)) / (count + 1)));
}
