/**
 * What an edge's label and a node's rows print, as one string each: they subscribe to it instead
 * of to their numbers, so a readout that moves a number without changing its shown digits
 * re-renders nothing there (every changed text run costs a layout of the canvas).
 */
import type { EdgeOverlay, NodeOverlay, OverlayState } from '../../store/training-overlay';
import { cellColor, fmt, maxAbs, norm, type Sign, signOf } from './format';

export interface EdgePrinted {
  value: string;
  grad: string;
  delta: string;
  sign: Sign;
}

const SEP = '\u0000';

/** The number an edge's block is drawn by: itself, or (several) its norm with the first one's sign. */
export function headline(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  return xs.length === 1 ? xs[0] : norm(xs) * Math.sign(xs[0]);
}

/** The texts of an edge's label as one key (null: the edge owns no weight). */
export function printedKey(entry: EdgeOverlay | undefined): string | null {
  const p = entry?.param;
  if (!p) return null;
  const many = p.value.length > 1;
  const value = many ? `‖${p.label}‖ ${fmt(norm(p.value))}` : fmt(p.value[0]);
  const grad = many ? fmt(norm(p.grad)) : fmt(p.grad[0]);
  const delta = many ? fmt(norm(p.delta)) : fmt(p.delta[0]);
  return [value, grad, delta, signOf(headline(p.value))].join(SEP);
}

export function parsePrinted(key: string): EdgePrinted {
  const [value, grad, delta, sign] = key.split(SEP);
  return { value, grad, delta, sign: sign as Sign };
}

const selectors = new Map<string, (s: OverlayState) => string | null>();

/** One selector per edge id: the printed key of its entry (compared as a string by the store). */
export function selectEdgePrinted(id: string): (s: OverlayState) => string | null {
  let sel = selectors.get(id);
  if (!sel) {
    sel = (s) => printedKey(s.edges.get(id));
    selectors.set(id, sel);
  }
  return sel;
}

/** A unit of a layer's heat strip: its colour and its printed value. */
export interface PrintedCell {
  color: string;
  text: string;
}

/** A row under a node: one output port, printed as numbers (one unit) or as heat strips (several). */
export interface PrintedRow {
  port: string;
  name: string;
  value: string;
  grad: string;
  sign: Sign;
  /** Set for a port of several units (then `value` and `grad` are empty). */
  cells: { value: PrintedCell[]; grad: PrintedCell[] } | null;
}

/** How many units of a layer the strip shows. */
export const MAX_CELLS = 64;

function cells(values: readonly number[]): PrintedCell[] {
  const shown = values.slice(0, MAX_CELLS);
  const scale = maxAbs(shown);
  return shown.map((v) => ({ color: cellColor(v, scale), text: fmt(v) }));
}

/** A parameter's name on its own node: its label ("b"), not the long default ("h1.1.bias" → "b"). */
function shortParamName(label: string, name: string): string {
  if (!label.includes('.')) return label;
  return name === 'bias' ? 'b' : name;
}

/**
 * The rows a node prints for its output ports `ports` (`id=label`, comma-separated), as one key
 * (JSON), or null when it has none to show.
 */
export function nodePrintedKey(entry: NodeOverlay | undefined, ports: string): string | null {
  if (!entry) return null;
  const names = new Map(ports.split(',').map((p) => p.split('=') as [string, string]));
  const rows: PrintedRow[] = [];
  for (const p of entry.outputs) {
    if (!names.has(p.port)) continue;
    const name = names.get(p.port) || p.port;
    if (p.values.length > 1) {
      rows.push({
        port: p.port,
        name,
        value: '',
        grad: '',
        sign: 'zero',
        cells: { value: cells(p.values), grad: cells(p.grads) },
      });
    } else {
      rows.push({
        port: p.port,
        name,
        value: fmt(p.values[0]),
        grad: fmt(p.grads[0]),
        sign: signOf(p.values[0]),
        cells: null,
      });
    }
  }
  // A parameter of one number the node owns (a neuron's bias) is printed on the node, under its
  // output: b and ∂L/∂b, where a learner looks for them. Larger blocks (a layer's W, b) stay in the inspector.
  for (const p of entry.params) {
    if (p.value.length !== 1) continue;
    rows.push({
      port: `param:${p.name}`,
      name: shortParamName(p.label, p.name),
      value: fmt(p.value[0]),
      grad: fmt(p.grad[0]),
      sign: signOf(p.value[0]),
      cells: null,
    });
  }
  return rows.length === 0 ? null : JSON.stringify(rows);
}

const nodeSelectors = new Map<string, (s: OverlayState) => string | null>();

/** One selector per node and its ports: the printed key of its entry. */
export function selectNodePrinted(id: string, ports: string): (s: OverlayState) => string | null {
  const k = `${id}\u0000${ports}`;
  let sel = nodeSelectors.get(k);
  if (!sel) {
    sel = (s) => nodePrintedKey(s.nodes.get(id), ports);
    nodeSelectors.set(k, sel);
  }
  return sel;
}
