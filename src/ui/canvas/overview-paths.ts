/**
 * The edges of a big network seen from far away, as a few SVG paths instead of 2,000 elements.
 * One `<svg>` per edge (what React Flow draws) makes the browser re-layerise thousands of paint
 * chunks on every frame of a drag or a pan; one path per edge style makes it a handful
 * (bench/UI-RESULTS.md). Pure: geometry in, path data out.
 */

/** A port's box, relative to its node (React Flow's measured handle bounds). */
export interface PortBox {
  id?: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a node is and how big, with its measured ports when React Flow has them. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
  outputs?: readonly PortBox[] | null;
  inputs?: readonly PortBox[] | null;
}

export interface EdgeEnds {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
  targetHandle: string | null | undefined;
}

/** The point where an edge leaves (right side) or enters (left side) a node; the side's middle if the port is unmeasured. */
export function portPoint(node: NodeBox, side: 'out' | 'in', portId: string | null | undefined) {
  const ports = side === 'out' ? node.outputs : node.inputs;
  const port = ports?.find((p) => (p.id ?? null) === (portId ?? null)) ?? ports?.[0];
  if (!port) return { x: side === 'out' ? node.x + node.width : node.x, y: node.y + node.height / 2 };
  return {
    x: node.x + port.x + (side === 'out' ? port.width : 0),
    y: node.y + port.y + port.height / 2,
  };
}

/** A left-to-right curve between two points, like React Flow's bezier edges but without the label maths. */
export function curve(sx: number, sy: number, tx: number, ty: number): string {
  const dx = Math.max(Math.abs(tx - sx) / 2, 24);
  const r = Math.round;
  return `M${r(sx)} ${r(sy)}C${r(sx + dx)} ${r(sy)} ${r(tx - dx)} ${r(ty)} ${r(tx)} ${r(ty)}`;
}

/**
 * Path data per style: every edge whose two nodes are known is drawn in the path of its style
 * (`styleOf`, e.g. its CSS classes). Styles keep the order in which they first appear; `drawn`
 * counts the edges drawn.
 */
export function overviewPaths<E extends EdgeEnds>(
  edges: readonly E[],
  nodeBox: (id: string) => NodeBox | undefined,
  styleOf: (edge: E) => string,
): { paths: Map<string, string>; drawn: number } {
  const parts = new Map<string, string[]>();
  let drawn = 0;
  for (const e of edges) {
    const a = nodeBox(e.source);
    const b = nodeBox(e.target);
    if (!a || !b) continue;
    const s = portPoint(a, 'out', e.sourceHandle);
    const t = portPoint(b, 'in', e.targetHandle);
    const style = styleOf(e);
    let list = parts.get(style);
    if (!list) {
      list = [];
      parts.set(style, list);
    }
    list.push(curve(s.x, s.y, t.x, t.y));
    drawn++;
  }
  return { paths: new Map([...parts].map(([style, list]) => [style, list.join('')])), drawn };
}
