/**
 * Session state of the editor: toasts, the connection being dragged, open dialogs and menus.
 * Not saved, not undoable.
 */
import { create } from 'zustand';
import type { EdgeId } from '../engine/graph';
import type { NeurographDocument, Problem } from '../format';
import type { Mlp } from '../format/onnx';
import { type ConnectionStart, connectablePorts } from './connect';
import { useDocument } from './document';
import { perId } from './per-id';

export interface Toast {
  id: number;
  message: string;
  tone: 'error' | 'info';
  /** Client coordinates to show it at (near the pointer); absent: top of the canvas. */
  at?: { x: number; y: number };
  /** A button in the toast (e.g. "Undo"); clicking it runs `run` and dismisses the toast. */
  action?: { label: string; run(): void };
  /** How long it stays, in ms (default 5 s). */
  duration?: number;
}

export interface Connecting {
  from: ConnectionStart;
  /** The edge being re-dragged, if this is a reconnection. */
  edgeId?: EdgeId;
  /** Ports the connection may end on, by node id: they light up. */
  ports: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Dialogs; others add their own kinds to this union. */
export type Dialog =
  | { type: 'import-problems'; fileName: string; problems: Problem[] }
  | { type: 'shortcuts' }
  /** The command palette: every action, searched by name (src/ui/commands). */
  | { type: 'commands' }
  | { type: 'mlp' }
  /** Pasted text that is a whole network: open it, or insert its nodes. */
  | { type: 'paste-document'; text: string; document: NeurographDocument; warnings: Problem[] }
  /** A share link of the current network, to copy (src/ui/share). */
  | { type: 'share-link'; url: string; copied: boolean; warning?: string }
  /** A share link was opened while another network is open: open it, or keep the current one. */
  | { type: 'open-shared'; document: NeurographDocument; warnings: Problem[] }
  /** A CSV file to preview and apply to a CSV data node (nodeId) or to a new one placed `at` (src/ui/csv). */
  | { type: 'csv'; fileName: string; text: string; nodeId: string | null; at?: { x: number; y: number } }
  /** An ONNX MLP small enough to draw neuron by neuron: dense layers or neurons? (src/ui/code) */
  | { type: 'onnx-import'; fileName: string; mlp: Mlp };

export interface SessionState {
  toast: Toast | null;
  showToast(
    message: string,
    opts?: { tone?: Toast['tone']; at?: Toast['at']; action?: Toast['action']; duration?: number },
  ): void;
  dismissToast(id?: number): void;
  connecting: Connecting | null;
  /** Called when a connection drag starts (or an edge end is picked up, with its id). */
  startConnecting(from: ConnectionStart, edgeId?: EdgeId): void;
  stopConnecting(): void;
  dialog: Dialog | null;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  /** Counts requests to fit the view; the canvas fits once the nodes are measured. */
  fitRequest: number;
  requestFit(): void;
}

let toastCount = 0;

export const useSession = create<SessionState>()((set, get) => ({
  toast: null,
  showToast(message, opts = {}) {
    set({
      toast: {
        id: ++toastCount,
        message,
        tone: opts.tone ?? 'error',
        at: opts.at,
        action: opts.action,
        duration: opts.duration,
      },
    });
  },
  dismissToast(id) {
    const t = get().toast;
    if (t && (id === undefined || t.id === id)) set({ toast: null });
  },
  connecting: null,
  startConnecting(from, edgeId) {
    const current = get().connecting;
    // React Flow reports a reconnection twice: as a reconnect (with the edge) then as a connect.
    const edge = edgeId ?? (current && sameStart(current.from, from) ? current.edgeId : undefined);
    set({ connecting: { from, edgeId: edge, ports: connectablePorts(useDocument.getState(), from, edge) } });
  },
  stopConnecting() {
    if (get().connecting) set({ connecting: null });
  },
  dialog: null,
  openDialog(dialog) {
    set({ dialog });
  },
  closeDialog() {
    set({ dialog: null });
  },
  fitRequest: 0,
  requestFit() {
    set({ fitRequest: get().fitRequest + 1 });
  },
}));

const sameStart = (a: ConnectionStart, b: ConnectionStart) =>
  a.nodeId === b.nodeId && a.handleId === b.handleId && a.type === b.type;

const EMPTY_PORTS: ReadonlySet<string> = new Set();

/** While a connection is dragged: the ports of node `id` it may end on (empty set if none); null otherwise. */
export const selectFitPorts = perId(
  (id) =>
    (s: SessionState): ReadonlySet<string> | null =>
      s.connecting ? (s.connecting.ports.get(id) ?? EMPTY_PORTS) : null,
);

/** While a connection is dragged from a port of node `id`: that port's id; null otherwise. */
export const selectOriginPort = perId(
  (id) =>
    (s: SessionState): string | null =>
      s.connecting?.from.nodeId === id ? s.connecting.from.handleId : null,
);

/** 'source' while a connection is dragged from an output, 'target' from an input, null otherwise. */
export const selectConnectingFrom = (s: SessionState) => s.connecting?.from.type ?? null;
