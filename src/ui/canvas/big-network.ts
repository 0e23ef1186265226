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
