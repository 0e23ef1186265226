/** Fresh ids for nodes and edges: random UUIDs, so ids never collide across tabs, pastes or files. */
import { type EdgeId, edgeId, type NodeId, nodeId } from '../engine/graph';

export const newNodeId = (): NodeId => nodeId(crypto.randomUUID());
export const newEdgeId = (): EdgeId => edgeId(crypto.randomUUID());
