/**
 * The editor's state. Stores:
 * - `useDocument`: the saved document, with undo/redo (`useDocument.temporal`).
 * - `useCompiled`: the compiled graph and its diagnostics by node and edge id.
 * - `useSelection`, `useSession`, `useView`, `useTheme`: session state, never undoable.
 */

export { edgeName, type PortChoice, portChoices, portName, type WeightFormat } from './accessible-names';
export {
  CLIPBOARD_MARK,
  type ClipboardContent,
  classifyClipboard,
  copyText,
  duplicateSelection,
  mayBeOurs,
  parseClipboard,
  pasteText,
} from './clipboard';
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
export {
  type CompiledState,
  createCompiledStore,
  selectEdgeDiagnostics,
  selectNodeDiagnostics,
  selectNodeHasError,
  useCompiled,
} from './compiled';
export {
  type ConnectionCheck,
  type ConnectionRequest,
  type ConnectionStart,
  checkConnection,
  connectablePorts,
  requestFrom,
} from './connect';
export {
  type ConnectResult,
  createDocumentStore,
  type DocumentActions,
  type DocumentData,
  type DocumentState,
  type DocumentStore,
  emptyDocument,
  sameTracked,
  type TrackedDocument,
  toDocument,
  UNTITLED,
  useDocument,
} from './document';
export { type Fragment, uniqueLabel } from './graph-ops';
export { idbStorage } from './idb-storage';
export { layoutLibrary, layoutPositions } from './layout';
export { reportLoadFailure, withLibraries } from './load-libraries';
export { edgeById, nodeById } from './lookup';
export {
  ACTIVATION_CHOICES,
  checkMlpForm,
  defaultMlpName,
  lossChoices,
  type MlpCheck,
  type MlpField,
  type MlpForm,
  type MlpLevel,
  type MlpOutput,
  mlpDefaults,
  optimizerChoices,
  outputChoices,
  parseSizes,
  suggestedLearningRate,
  taskDescription,
} from './mlp-builder';
export {
  checkParam,
  formatNumbers,
  type Parsed,
  parseNumber,
  parseNumberList,
  parseWeight,
  rangeHint,
} from './param-edit';
export {
  AUTOSAVE_DELAY,
  AUTOSAVE_KEY,
  type Autosave,
  type AutosaveOptions,
  type DocumentStorage,
  type PageEvents,
  RETRY_DELAYS,
  type RestoreOutcome,
  type SaveStatus,
  startAutosave,
  UNREADABLE_KEY,
  useSaveStatus,
} from './persistence';
export { edgesCarryWeights, inputPort, type NodeSpec, nodeName, nodeSpec, outputPort } from './ports';
export { GRID, type Prefs, usePrefs } from './prefs';
export { addConnectedNode, allKindChoices, type KindChoice, kindsFitting, rankKinds } from './quick-add';
export {
  type Focus,
  focusOf,
  parseFocusKey,
  type SelectionState,
  selectFocusKey,
  useSelection,
} from './selection';
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
export { type Structure, sameStructure } from './structure';
export {
  broadcastChannel,
  type SavedMessage,
  type TabChannel,
  type TabConflict,
  type TabSync,
  useTabConflict,
} from './tab-sync';
export { type ThemePreference, useTheme } from './theme';
export { type Size, selectNodeSize, useView } from './view';
