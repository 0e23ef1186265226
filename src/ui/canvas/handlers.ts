/**
 * React Flow's callbacks, wired to the stores. Module-level: they read the stores when called, so
 * they never change identity and never re-render the canvas.
 */
import type {
  Connection,
  EdgeChange,
  FinalConnectionState,
  HandleType,
  IsValidConnection,
  NodeChange,
  OnConnectStartParams,
  Viewport,
} from '@xyflow/react';
import type { DragEvent, PointerEvent, MouseEvent as ReactMouseEvent } from 'react';
import type { EdgeId } from '../../engine/graph';
import {
  addNodeAt,
  checkConnection,
  requestFrom,
  useDocument,
  useSelection,
  useSession,
  useView,
} from '../../store';
import { canvasElement, screenToFlow } from '../actions/flow';
import { placed } from '../actions/place';
import { useQuickAdd } from '../quick-add/state';
import { DEFAULT_DROP_OFFSET, KIND_MIME } from './drop';
import type { FlowEdge, FlowNode } from './flow-elements';
import { followZoom } from './touch-targets';
import { useZoomDetail } from './zoom-detail';

/**
 * Arrow keys move the selected nodes (React Flow does it, inside the keydown): presses that follow
 * each other are one move, one undo entry, as one drag is.
 */
const NUDGE_PAUSE_MS = 800;
let arrowKeyDown = false;
let nudgeEnd: ReturnType<typeof setTimeout> | null = null;

/**
 * Marks the arrow keys' keydowns (capture phase, before React Flow moves anything with them); any
 * other key or a press ends the move at once, so an undo right after it undoes all of it.
 */
export function watchArrowKeys(): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.key.startsWith('Arrow')) {
      endNudge();
      return;
    }
    // Until the event is handled: not a microtask, those run between two listeners of one event.
    arrowKeyDown = true;
    setTimeout(() => {
      arrowKeyDown = false;
    }, 0);
  };
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('pointerdown', endNudge, true);
  return () => {
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('pointerdown', endNudge, true);
    endNudge();
  };
}

function endNudge(): void {
  if (!nudgeEnd) return;
  clearTimeout(nudgeEnd);
  nudgeEnd = null;
  useDocument.getState().endGesture();
}

function nudged(): void {
  if (nudgeEnd) clearTimeout(nudgeEnd);
  else useDocument.getState().beginGesture();
  nudgeEnd = setTimeout(endNudge, NUDGE_PAUSE_MS);
}

export function onNodesChange(changes: NodeChange<FlowNode>[]): void {
  const moves: { id: string; position: { x: number; y: number } }[] = [];
  const sizes: { id: string; size: { width: number; height: number } }[] = [];
  const selects: { id: string; selected: boolean }[] = [];
  for (const c of changes) {
    if (c.type === 'position' && c.position) moves.push({ id: c.id, position: c.position });
    else if (c.type === 'dimensions' && c.dimensions) sizes.push({ id: c.id, size: c.dimensions });
    else if (c.type === 'select') selects.push({ id: c.id, selected: c.selected });
    // 'remove' never comes: deleting is our own shortcut (one undo entry for nodes and edges).
  }
  if (sizes.length > 0) useView.getState().setSizes(sizes);
  if (selects.length > 0) useSelection.getState().applyChanges({ nodes: selects });
  if (moves.length > 0) {
    if (arrowKeyDown) nudged();
    useDocument.getState().moveNodes(moves);
  }
}

export function onEdgesChange(changes: EdgeChange<FlowEdge>[]): void {
  const selects: { id: string; selected: boolean }[] = [];
  for (const c of changes) if (c.type === 'select') selects.push({ id: c.id, selected: c.selected });
  if (selects.length > 0) useSelection.getState().applyChanges({ edges: selects });
}

/**
 * While the view moves or nodes are dragged, the canvas is marked `is-moving`: its content takes no
 * pointer events, so the browser does not hit-test thousands of nodes and edges on every mouse move
 * (with 1,000 nodes that alone cost ~90 ms a move), and the viewport becomes a compositor layer,
 * so a pan moves pixels instead of repainting (canvas-perf.css).
 */
function setMoving(on: boolean): void {
  canvasElement()?.classList.toggle('is-moving', on);
}

/**
 * A press that starts a pan (on the empty pane) or a node drag captures the pointer: moves then go
 * straight to that element, and the browser skips hit-testing the whole canvas on each of them.
 */
export function onPointerDown(e: PointerEvent): void {
  if (e.button !== 0 || !(e.target instanceof Element)) return;
  const t = e.target;
  if (t.closest('input, select, textarea, [contenteditable]')) return;
  // A press on the graph is about the graph: text selected earlier elsewhere (the training panel,
  // say) would otherwise grow with a Shift+drag and take Ctrl+C from the selected nodes.
  clearTextSelection();
  if (e.shiftKey) return;
  const grab = t.classList.contains('react-flow__pane')
    ? t
    : t.closest('.nodrag, .react-flow__handle, input, select, textarea, button')
      ? null
      : t.closest('.react-flow__node');
  if (grab && !grab.hasPointerCapture(e.pointerId)) grab.setPointerCapture(e.pointerId);
}

function clearTextSelection(): void {
  const selection = window.getSelection();
  if (selection && !selection.isCollapsed) selection.removeAllRanges();
}

/** Shift+press is a box selection on the canvas, never the browser extending a text selection. */
export function onMouseDown(e: ReactMouseEvent): void {
  if (!e.shiftKey || !(e.target instanceof Element)) return;
  if (e.target.closest('input, select, textarea, [contenteditable]')) return;
  e.preventDefault();
}

export const beginGesture = () => {
  setMoving(true);
  useDocument.getState().beginGesture();
};
export const endGesture = () => {
  setMoving(false);
  useDocument.getState().endGesture();
};

export const isValidConnection: IsValidConnection<FlowEdge> = (c) =>
  checkConnection(useDocument.getState(), c, useSession.getState().connecting?.edgeId).ok;

export function onConnect(c: Connection): void {
  useDocument.getState().connect(c);
}

/** Where the pointer was when the connection started (a drop close to it is not a drag into empty space). */
let connectStart: { x: number; y: number } | undefined;
/** How far (px) a connection must travel before dropping it on empty canvas opens quick-add. */
const QUICK_ADD_MIN_DRAG = 24;

export function onConnectStart(e: MouseEvent | TouchEvent, p: OnConnectStartParams): void {
  connectStart = clientPoint(e);
  if (p.nodeId && p.handleType) {
    useSession.getState().startConnecting({ nodeId: p.nodeId, handleId: p.handleId, type: p.handleType });
  }
}

function clientPoint(e: MouseEvent | TouchEvent): { x: number; y: number } | undefined {
  if ('changedTouches' in e) {
    const t = e.changedTouches[0];
    return t ? { x: t.clientX, y: t.clientY } : undefined;
  }
  return { x: e.clientX, y: e.clientY };
}

/** Why a connection dropped on `state.toHandle` was refused, in a learner's words; null if it was not. */
export function refusalReason(state: FinalConnectionState, ignoreEdge?: EdgeId): string | null {
  const from = state.fromHandle;
  const to = state.toHandle;
  if (!from || !to || state.isValid) return null;
  if (from.type === to.type) {
    return from.type === 'source'
      ? 'Both ends are outputs: drag from an output (right side of a node) to an input (left side).'
      : 'Both ends are inputs: drag from an input (left side of a node) to an output (right side).';
  }
  const check = checkConnection(
    useDocument.getState(),
    requestFrom(
      { nodeId: from.nodeId, handleId: from.id ?? null, type: from.type },
      to.nodeId,
      to.id ?? null,
    ),
    ignoreEdge,
  );
  return check.ok ? null : check.reason;
}

/** Whether a connection released at `at` was dropped on empty canvas (not on a node, the minimap, a control). */
function droppedOnEmptyCanvas(at: { x: number; y: number }): boolean {
  const el = document.elementFromPoint(at.x, at.y);
  if (!el?.closest('.react-flow')) return false;
  return !el.closest('.react-flow__node, .react-flow__panel, .react-flow__minimap, .react-flow__controls');
}

export function onConnectEnd(e: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  const session = useSession.getState();
  const connecting = session.connecting;
  const reason = refusalReason(state, connecting?.edgeId);
  session.stopConnecting();
  const at = clientPoint(e);
  if (reason) {
    session.showToast(reason, { at });
    return;
  }
  // Dragged from a port into empty space: offer the kinds that fit, and connect the one chosen.
  const start = connectStart;
  connectStart = undefined;
  if (state.toHandle || !connecting || connecting.edgeId || !at || !start) return;
  if (Math.hypot(at.x - start.x, at.y - start.y) < QUICK_ADD_MIN_DRAG || !droppedOnEmptyCanvas(at)) return;
  useQuickAdd.getState().show(at, connecting.from);
}

export function onReconnectStart(_: unknown, edge: FlowEdge, handleType: HandleType): void {
  const fixed =
    handleType === 'source'
      ? { nodeId: edge.source, handleId: edge.sourceHandle ?? null, type: handleType }
      : { nodeId: edge.target, handleId: edge.targetHandle ?? null, type: handleType };
  useSession.getState().startConnecting(fixed, edge.id as EdgeId);
}

export function onReconnect(old: FlowEdge, c: Connection): void {
  useDocument.getState().reconnect(old.id as EdgeId, c);
}

/** An edge end dropped on empty canvas disconnects it (undoable), as in Blender and Node-RED. */
export function onReconnectEnd(
  _: unknown,
  edge: FlowEdge,
  _type: HandleType,
  state: FinalConnectionState,
): void {
  useSession.getState().stopConnecting();
  if (!state.toHandle) useDocument.getState().remove([], [edge.id]);
}

export function onMoveStart(): void {
  setMoving(true);
}

export function onMove(_: unknown, viewport: Viewport): void {
  useZoomDetail.getState().showZoom(viewport.zoom);
  followZoom(viewport.zoom);
}

export function onMoveEnd(_: unknown, viewport: Viewport): void {
  setMoving(false);
  useZoomDetail.getState().showZoom(viewport.zoom);
  followZoom(viewport.zoom);
  useDocument.getState().setViewport(viewport);
}

export function onDragOver(e: DragEvent): void {
  if (!e.dataTransfer.types.includes(KIND_MIME)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
}

export function onDrop(e: DragEvent): void {
  const kind = e.dataTransfer.getData(KIND_MIME);
  if (!kind) return;
  e.preventDefault();
  const p = screenToFlow({ x: e.clientX, y: e.clientY });
  addNodeAt(kind, placed({ x: p.x - DEFAULT_DROP_OFFSET.x, y: p.y - DEFAULT_DROP_OFFSET.y }));
}
