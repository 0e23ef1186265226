import { describe, expect, it } from 'vitest';
import type { GraphNode, NodeId } from '../../src/engine/graph';
import { BIG_NETWORK_FROM } from '../../src/ui/canvas/big-network';
import { warmUpNodes } from '../../src/ui/canvas/warm-up';

const neurons = (count: number): GraphNode[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `n${i}` as NodeId,
    kind: 'neuron',
    position: { x: 0, y: i * 110 },
    params: { activation: 'tanh', bias: i },
  }));

/** A clock that moves 1 ms each time it is read, and the pauses between slices counted. */
function fakeTime() {
  let t = 0;
  const run = { pauses: 0, readsAtPause: [] as number[] };
  return {
    run,
    now: () => t++,
    pause: () => {
      run.pauses++;
      run.readsAtPause.push(t);
      return Promise.resolve();
    },
  };
}

describe('working out a big network’s nodes before it opens', () => {
  it('goes through every node, a slice of sliceMs at a time', async () => {
    const nodes = neurons(1000);
    const time = fakeTime();
    await warmUpNodes(nodes, 10, time.now, time.pause);
    // Each slice reads the clock once to start, then once after each node: 10 nodes in 10 ms,
    // so 1,000 nodes are 100 slices with a pause between each two.
    expect(time.run.pauses).toBe(99);
    expect(time.run.readsAtPause.slice(0, 3)).toEqual([11, 22, 33]);
  });

  it('does a small network at once, in no slice', async () => {
    const time = fakeTime();
    await warmUpNodes(neurons(BIG_NETWORK_FROM), 10, time.now, time.pause);
    expect(time.run.pauses).toBe(0);
  });
});
