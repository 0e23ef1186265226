/**
 * A node's sizes and parameter blocks (its kind's `shape`), remembered per node object. A kind's
 * shape is a pure function of the node's parameter values and its resolved inputs, so when both
 * are what they were at the last compile, the last answer stands. Inputs are compared field by
 * field (edge, source, port, type, width, initial weight) without building them: on a recompile
 * of a large graph that is most of the garbage a compile used to make. A WeakMap keyed by the node
 * object: an entry goes when its node does.
 */
import type { GraphNode } from '../graph';
import type { AnyKind, ResolvedInput, Shape } from '../kind';
import type { NodeInfo } from './node-info';

interface Entry {
  kind: AnyKind;
  values: Record<string, unknown>;
  /** The inputs the shape was computed from, per input port (same order as the node's ports). */
  inputs: ResolvedInput[][];
  shape: Shape;
}

const memo = new WeakMap<GraphNode, Entry>();

/**
 * The node's shape, or undefined while one of its sources has no size (that source's problem is
 * reported already). Throws what the kind's shape throws (a ShapeError for sizes that do not fit).
 */
export function shapeOf(info: NodeInfo): Shape | undefined {
  const entry = memo.get(info.node);
  if (entry && entry.kind === info.kind && entry.values === info.params && sameInputs(entry.inputs, info)) {
    return entry.shape;
  }
  const inputs = resolveInputs(info);
  if (!inputs) return undefined;
  const byPort: Record<string, ResolvedInput[]> = {};
  const ports = info.ports.inputs;
  for (let k = 0; k < ports.length; k++) byPort[ports[k].id] = inputs[k];
  const shape = info.kind.shape!({ params: info.params, inputs: byPort });
  memo.set(info.node, { kind: info.kind, values: info.params, inputs, shape });
  return shape;
}

/** The edges into each input port as a kind's `shape` sees them, or undefined while a source has no size. */
function resolveInputs(info: NodeInfo): ResolvedInput[][] | undefined {
  const inputs: ResolvedInput[][] = [];
  for (const port of info.incoming) {
    const resolved: ResolvedInput[] = [];
    for (const { edge, src, out } of port) {
      const width = src.shape?.outputs[edge.sourceHandle];
      if (width === undefined) return undefined;
      resolved.push({
        edgeId: edge.id,
        sourceNode: edge.source,
        sourceKind: src.kind.id,
        sourcePort: edge.sourceHandle,
        type: out.type,
        width,
        weight: edge.weight,
      });
    }
    inputs.push(resolved);
  }
  return inputs;
}

/** Whether resolving the node's inputs now would give exactly `cached` (false if a source has no size). */
function sameInputs(cached: ResolvedInput[][], info: NodeInfo): boolean {
  if (cached.length !== info.incoming.length) return false;
  for (let k = 0; k < cached.length; k++) {
    const port = info.incoming[k];
    const was = cached[k];
    if (port.length !== was.length) return false;
    for (let j = 0; j < port.length; j++) {
      const { edge, src, out } = port[j];
      const r = was[j];
      if (
        r.edgeId !== edge.id ||
        r.sourceNode !== edge.source ||
        r.sourcePort !== edge.sourceHandle ||
        r.weight !== edge.weight ||
        r.sourceKind !== src.kind.id ||
        r.type !== out.type ||
        r.width !== src.shape?.outputs[edge.sourceHandle]
      ) {
        return false;
      }
    }
  }
  return true;
}
