/**
 * Each node of a big network as a box in its family's group, at its measured size or else its
 * estimated one: what the light minimap and the overview of nodes draw, and what a press on the
 * overview is tested against. Kept while the node object and its measured size stay the same: a
 * drag frame changes one node, and estimating a size (the kind's ports and parameters) is not free.
 */
import type { GraphNode } from '../../engine/graph';
import { getKind } from '../../engine/registry';
import type { Size } from '../../store';
import type { GroupedBox } from './minimap-shapes';
import { estimateNodeSize } from './node-size';

const familyOf = (kind: string) => getKind(kind)?.family ?? 'unknown';

const boxCache = new WeakMap<GraphNode, { size: Size | undefined; box: GroupedBox }>();

export function nodeBox(n: GraphNode, measured: Size | undefined): GroupedBox {
  const hit = boxCache.get(n);
  if (hit && hit.size === measured) return hit.box;
  const size = measured ?? estimateNodeSize(n);
  const box = { ...n.position, width: size.width, height: size.height, group: familyOf(n.kind) };
  boxCache.set(n, { size: measured, box });
  return box;
}
