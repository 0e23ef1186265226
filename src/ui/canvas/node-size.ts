/**
 * A node's drawn size before it is drawn, from the same numbers as node.css: used to lay out an
 * example before the canvas has measured its nodes. Keep in step with node.css.
 */
import type { GraphNode } from '../../engine/graph';
import type { ParamSpecs } from '../../engine/params';
import { type NodeSpec, nodeSpec, type Size } from '../../store';

const WIDTH = 212;
const STRIP = 4; // the family strip and the borders
/** The family strip, drawn over the card's top border. */
const TOP_STRIP = 3;
const HEADER = 35;
/** How far the middle of a card's header (its title) is below the card's top. */
export const HEADER_MIDDLE = TOP_STRIP + HEADER / 2;
const PORT_ROW = 22;
const PORTS_PADDING = 9;
/** The ports block's top border and padding: the first row starts this far below the header. */
const PORTS_TOP = 4;
/** The card's border: ports sit on its inner edge; absolutely placed content starts inside it. */
export const CARD_BORDER = 1;
/** A port handle's diameter, centred on the card's edge. */
const HANDLE = 11;
const PARAM_ROW = 17;
const PARAMS_PADDING = 15;
const PARAM_GAP = 2;

/**
 * Heights worked out, by the node's spec (itself kept while the node's parameters are the same
 * object): a big network's thousands of nodes are estimated again by the minimap, the overview
 * edges, the fitted view and every slice of their drawing.
 */
const heights = new WeakMap<NodeSpec, number>();

export function estimateNodeSize(node: Pick<GraphNode, 'kind' | 'params'>): Size {
  const spec = nodeSpec(node);
  if (!spec) return { width: WIDTH, height: STRIP + HEADER };
  let height = heights.get(spec);
  if (height === undefined) {
    height = heightOf(spec);
    heights.set(spec, height);
  }
  return { width: WIDTH, height };
}

function heightOf(spec: NodeSpec): number {
  const rows = Math.max(spec.ports.inputs.length, spec.ports.outputs.length);
  const keys = Object.values(spec.kind.params as ParamSpecs).filter((p) => p.key).length;
  return (
    STRIP +
    HEADER +
    (rows > 0 ? PORTS_PADDING + rows * PORT_ROW : 0) +
    (keys > 0 ? PARAMS_PADDING + keys * PARAM_ROW + (keys - 1) * PARAM_GAP : 0)
  );
}

/**
 * Where a port's handle sits on a node of `width` before anything is measured: relative to the
 * node's outer corner, as React Flow measures handles.
 */
export function estimatePortBox(side: 'in' | 'out', row: number, width: number) {
  const y = TOP_STRIP + HEADER + PORTS_TOP + row * PORT_ROW + PORT_ROW / 2;
  const x = side === 'in' ? CARD_BORDER : width - CARD_BORDER;
  return { x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE };
}
