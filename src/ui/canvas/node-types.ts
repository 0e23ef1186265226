/** The one node type and the one edge type, defined once at module level (React Flow requires stable objects). */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { NeuroEdge } from './NeuroEdge';
import { NeuroNode } from './NeuroNode';

export const nodeTypes: NodeTypes = { neuro: NeuroNode };
export const edgeTypes: EdgeTypes = { neuro: NeuroEdge };
