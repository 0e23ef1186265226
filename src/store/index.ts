/**
 * The editor's state. Stores:
 * - `useDocument`: the saved document, with undo/redo (`useDocument.temporal`).
 * - `useCompiled`: the compiled graph and its diagnostics by node and edge id.
 * - `useSelection`, `useSession`, `useView`, `useTheme`: session state, never undoable.
 */
export {
  checkConnection,
  type ConnectionCheck,
  type ConnectionRequest,
  type ConnectionStart,
  connectablePorts,
  requestFrom,
} from './connect';
export { type CompiledState, createCompiledStore, sameStructure, selectEdgeDiagnostics, selectNodeDiagnostics, useCompiled } from './compiled';
export {
  addNodeAt,
  autoLayout,
  deleteSelection,
  newDocument,
  openDocument,
  redo,
  selectAll,
  undo,
} from './commands';
export { copyText, duplicateSelection, parseClipboard, pasteText } from './clipboard';
export {
  type ConnectResult,
  createDocumentStore,
  type DocumentActions,
  type DocumentData,
  type DocumentState,
  type DocumentStore,
  emptyDocument,
  toDocument,
  type TrackedDocument,
  UNTITLED,
  useDocument,
} from './document';
export { type Fragment, uniqueLabel } from './graph-ops';
export { layoutPositions } from './layout';
export {
  checkParam,
  formatNumbers,
  type Parsed,
  parseNumber,
  parseNumberList,
  parseWeight,
  rangeHint,
} from './param-edit';
export { inputPort, type NodeSpec, nodeName, nodeSpec, outputPort } from './ports';
export { type Focus, focusOf, parseFocusKey, selectFocusKey, type SelectionState, useSelection } from './selection';
export {
  type Connecting,
  type Dialog,
  type SessionState,
  selectConnectingFrom,
  selectFitPorts,
  selectOriginPort,
  type Toast,
  useSession,
} from './session';
export { type ThemePreference, useTheme } from './theme';
export { type Size, useView } from './view';
export { edgeById, nodeById } from './lookup';
export { edgesCarryWeights } from './ports';
export {
  selectEdge,
  selectEdgeLabel,
  selectEdgeTargetKind,
  selectEdgeType,
  selectEdgeWeight,
  selectNode,
  selectNodeExists,
  selectNodeKind,
  selectNodeLabel,
  selectNodeParams,
} from './selectors';
