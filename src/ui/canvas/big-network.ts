/**
 * Past this many nodes the network is "big": only what is on screen is drawn, zoomed out its
 * edges are drawn as a few paths (OverviewEdges) instead of React Flow edges, the minimap is
 * one path per family (OverviewMinimap) instead of a component per node, and nodes start from
 * their estimated size and ports (flow-elements.ts) instead of each being drawn once to be
 * measured. Every drawn node and edge costs React Flow work on each frame of a pan or drag
 * (bench/UI-RESULTS.md). Smaller networks draw everything, always.
 */
export const BIG_NETWORK_FROM = 250;

export function isBigNetwork(nodeCount: number): boolean {
  return nodeCount > BIG_NETWORK_FROM;
}

/**
 * Past this many nodes, zoomed out (below FAR_ZOOM), React Flow is not given the nodes at all: they
 * are drawn as a few paths (OverviewNodes), and only the selected ones are React Flow nodes. At the
 * view such a network opens with all of them are on screen, and thousands of plain cards still cost
 * React Flow's bookkeeping and the browser's style, layout and paint of each (tasks of 150–350 ms).
 * Networks up to here (the 1,000-node bench, bench:ui) keep their plain cards.
 */
export const NODE_OVERVIEW_FROM = 1500;
