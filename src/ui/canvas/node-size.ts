/**
 * A node's drawn size before it is drawn, from the same numbers as node.css: used to lay out an
 * example before the canvas has measured its nodes. Keep in step with node.css.
 */
import type { GraphNode } from '../../engine/graph';
import type { ParamSpecs } from '../../engine/params';
import { nodeSpec, type Size } from '../../store';

const WIDTH = 212;
const STRIP = 4; // the family strip and the borders
const HEADER = 35;
const PORT_ROW = 22;
const PORTS_PADDING = 9;
const PARAM_ROW = 17;
const PARAMS_PADDING = 15;
const PARAM_GAP = 2;

export function estimateNodeSize(node: Pick<GraphNode, 'kind' | 'params'>): Size {
  const spec = nodeSpec(node);
  if (!spec) return { width: WIDTH, height: STRIP + HEADER };
  const rows = Math.max(spec.ports.inputs.length, spec.ports.outputs.length);
  const keys = Object.values(spec.kind.params as ParamSpecs).filter((p) => p.key).length;
  const height =
    STRIP +
    HEADER +
    (rows > 0 ? PORTS_PADDING + rows * PORT_ROW : 0) +
    (keys > 0 ? PARAMS_PADDING + keys * PARAM_ROW + (keys - 1) * PARAM_GAP : 0);
  return { width: WIDTH, height };
}
