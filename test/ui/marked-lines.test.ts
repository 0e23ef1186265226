/** The Code view marks the lines that compute a selected node or edge, found by the exporters' comments. */
import { describe, expect, it } from 'vitest';
import { compile, EXAMPLES } from '../../src/engine';
import { exportNumpy, exportPyTorch } from '../../src/engine/export';
import { markedLines } from '../../src/ui/code/marked-lines';

const plan = compile(EXAMPLES.find((e) => e.id === 'spiral')!.build()).plan!;
const torch = exportPyTorch(plan).source.split('\n');
const numpy = exportNumpy(plan).source.split('\n');
const text = (lines: string[], marked: Set<number>) => [...marked].sort((a, b) => a - b).map((i) => lines[i]);

describe('marked lines', () => {
  it('a neuron: its bias, the weights of its edges, its forward statement and L.backward()', () => {
    const lines = text(torch, markedLines(torch, { node: 'h2.3' }));
    expect(lines.filter((l) => l.trim().startsWith('#'))).toEqual([
      '# Neuron “h2.3”: bias',
      ...Array.from({ length: 8 }, (_, i) => `# weight of the edge h1.${i + 1} → h2.3`),
      '    # Neuron “h2.3”',
    ]);
    expect(lines.filter((l) => /^\s*h2_3 = /.test(l))).toHaveLength(1);
    expect(lines.at(-1)?.trim()).toBe('L.backward()');
  });

  it('an edge: its weight and the forward statement of the neuron it feeds', () => {
    const lines = text(torch, markedLines(torch, { edge: { source: 'h1.2', target: 'h2.3' } }));
    expect(lines).toContain('# weight of the edge h1.2 → h2.3');
    expect(lines).not.toContain('# weight of the edge h1.1 → h2.3');
    expect(lines.some((l) => /^\s*h2_3 = /.test(l))).toBe(true);
  });

  it('NumPy has no backward pass to mark; nothing selected marks nothing', () => {
    const lines = text(numpy, markedLines(numpy, { node: 'h3.1' }));
    expect(lines.some((l) => /^\s*h3_1 = /.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('backward'))).toBe(false);
    expect(markedLines(torch, {}).size).toBe(0);
  });
});
