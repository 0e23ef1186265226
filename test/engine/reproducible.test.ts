import { describe, expect, it } from 'vitest';
import { compile, findExample, type Graph, Trainer } from '../../src/engine';

function trained(graph: Graph, steps: number): Float64Array {
  const trainer = new Trainer(compile(graph).plan!);
  for (let s = 0; s < steps; s++) trainer.trainStep();
  return trainer.theta;
}

describe('a run', () => {
  const spiral = () => findExample('spiral')!.build();

  it('is reproduced bit for bit from the same document and seed', () => {
    expect(trained(spiral(), 300)).toEqual(trained(spiral(), 300));
  });

  it('changes with the seed (initial weights and shuffling)', () => {
    const other = { ...spiral(), seed: 99 };
    expect(trained(other, 0)).not.toEqual(trained(spiral(), 0));
  });

  it('keeps a node’s initial weights when an unrelated node is added', () => {
    const before = compile(spiral()).plan!;
    const graph = spiral();
    graph.nodes.push({
      id: 'extra' as Graph['nodes'][0]['id'],
      kind: 'math.parameter',
      params: {},
      position: { x: 0, y: 0 },
    });
    const after = compile(graph).plan!;
    const t0 = new Trainer(before).theta;
    const t1 = new Trainer(after).theta;
    for (const block of before.blocks) {
      const same = after.blocks.find((b) => b.key === block.key)!;
      expect(t1.subarray(same.offset, same.offset + same.size)).toEqual(
        t0.subarray(block.offset, block.offset + block.size),
      );
    }
  });
});
