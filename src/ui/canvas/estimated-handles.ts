/**
 * A node's size and ports before it was ever drawn, in the form React Flow takes them on a node
 * (`measured`, `handles`). React Flow draws every node it has not measured, wherever it is, just to
 * measure it: opening 5,000 nodes drew 5,000 full cards in one task of several seconds, though a
 * screenful shows. A node given its size and handles is drawn only once it is on screen; its full
 * card is then measured for real (port-measure.ts), as a plain card's is.
 */
import { type NodeHandle, Position } from '@xyflow/react';
import type { GraphNode } from '../../engine/graph';
import { nodeSpec, type Size } from '../../store';
import { estimateNodeSize, estimatePortBox } from './node-size';

/** A handle with its size: what React Flow measures, estimated. */
export type EstimatedHandle = NodeHandle & { width: number; height: number };

export function estimatedHandles(node: Pick<GraphNode, 'kind' | 'params'>, size: Size): EstimatedHandle[] {
  const spec = nodeSpec(node);
  if (!spec) return [];
  const side = (type: 'source' | 'target', ports: readonly { id: string }[]): EstimatedHandle[] =>
    ports.map((port, row) => ({
      id: port.id,
      type,
      position: type === 'target' ? Position.Left : Position.Right,
      ...estimatePortBox(type === 'target' ? 'in' : 'out', row, size.width),
    }));
  return [...side('target', spec.ports.inputs), ...side('source', spec.ports.outputs)];
}

export { estimateNodeSize };
