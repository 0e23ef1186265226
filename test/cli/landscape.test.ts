import { describe, expect, it } from 'vitest';
import { neurograph } from './neurograph';

describe('neurograph landscape', { timeout: 60_000 }, () => {
  it('prints the border example’s loss over (w, b) and its path as JSON', async () => {
    const r = await neurograph('landscape', 'example:border-at-3', '--steps', '4', '--size', '7', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['axes', 'loss', 'path']);
    expect(out.axes.map((a: { name: string }) => a.name)).toEqual(['w', 'b']);
    for (const a of out.axes) expect(a.values).toHaveLength(7);
    expect(out.loss).toHaveLength(7);
    for (const row of out.loss) expect(row).toHaveLength(7);
    // Steps 0…4: from (1, 1), the first step worked out by hand, and the jump to w ≈ −98.8.
    expect(out.path).toHaveLength(5);
    expect(out.path[0]).toEqual([1, 1]);
    expect(out.path[1][0]).toBeCloseTo(0.998869, 12);
    expect(out.path[1][1]).toBeCloseTo(0.99961, 12);
    expect(out.path[4][0]).toBeCloseTo(-98.8, 0);
    // loss[i][j] is at (w_i, b_j): mean over the four points of ½(relu(w·x + b) − y)².
    const [w, b] = [out.axes[0].values[2], out.axes[1].values[5]];
    const xs = [2.9, -1, 3, 1000];
    const ys = [0, 0, 1, 1];
    const expected = xs.reduce((s, x, k) => s + 0.5 * (Math.max(0, w * x + b) - ys[k]) ** 2, 0) / 4;
    expect(out.loss[2][5]).toBeCloseTo(expected, 6);
  });

  it('names the directions of a bigger network’s plane', async () => {
    const r = await neurograph(
      'landscape',
      'example:xor',
      '--steps',
      '3',
      '--size',
      '3',
      '--directions',
      'pca',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.axes.map((a: { name: string }) => a.name)).toEqual([
      'principal direction 1',
      'principal direction 2',
    ]);
    expect(out.path).toHaveLength(4);
  });

  it('draws a text heatmap with the path’s start and end', async () => {
    const r = await neurograph('landscape', 'example:border-at-3', '--steps', '8', '--size', '21');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(21);
    expect(r.stdout).toContain('S');
    expect(r.stdout).toContain('X');
    expect(r.stdout).toMatch(/^loss over w .* and b /);
  });

  it('refuses a grid too small to draw', async () => {
    const r = await neurograph('landscape', 'example:border-at-3', '--size', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--size must be between 2 and');
  });
});
