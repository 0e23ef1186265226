/**
 * Before a big document opens, each node's ports, estimated size and box are worked out a slice at
 * a time (nodeSpec checks the node's parameters; size and spec are kept by the parameters object,
 * the box by the node object, which the opened document keeps). Left to the opening, they came in
 * its one task — the minimap, the overview of nodes and edges and the fitted view each ask for
 * every node's size at once — some 100 ms of it for 5,000 nodes on a busy machine.
 */
import type { GraphNode } from '../../engine/graph';
import { isBigNetwork } from './big-network';
import { nodeBox } from './node-boxes';

/** How long one slice works before the page may answer again (ms). */
export const WARM_SLICE_MS = 30;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Works out every node's size in slices of `sliceMs`, each in a task of its own; small networks at once. */
export async function warmUpNodes(
  nodes: readonly GraphNode[],
  sliceMs = WARM_SLICE_MS,
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = nextTask,
): Promise<void> {
  if (!isBigNetwork(nodes.length)) return;
  let i = 0;
  while (i < nodes.length) {
    const end = now() + sliceMs;
    do nodeBox(nodes[i++], undefined);
    while (i < nodes.length && now() < end);
    if (i < nodes.length) await pause();
  }
}
