/**
 * Edge ends that meet at one place share one grab circle (WCAG 2.5.8: targets that cover one
 * another are no targets). Ends meet at a port with several connections; zoomed out, where a
 * node's ports are under 24 px apart on screen (data-crowded-ports, touch-targets.ts), all the
 * ends at one side of a node meet. Of each such group one end keeps its circle — the selected
 * connection's, else the first — and the others are hidden (canvas.css). A drag on that circle
 * moves that connection's end; a tap offers the group's connections, and the one chosen is
 * selected, so its circle is the one shown.
 */
import type { GraphEdge } from '../../engine/graph';

/** Classes an edge wears where its ends give up their circle to another edge's. */
export function sharedEndClasses(
  edges: readonly GraphEdge[],
  selected: ReadonlySet<string>,
): Map<string, string> {
  // The end that keeps its circle, by place: a port ("node|handle"), or a side of a node ("node|").
  const keeper = new Map<string, string>();
  const claim = (key: string, e: GraphEdge) => {
    const held = keeper.get(key);
    if (held === undefined || (selected.has(e.id) && !selected.has(held))) keeper.set(key, e.id);
  };
  for (const e of edges) {
    claim(`s|${e.source}|${e.sourceHandle}`, e);
    claim(`s|${e.source}|`, e);
    claim(`t|${e.target}|${e.targetHandle}`, e);
    claim(`t|${e.target}|`, e);
  }
  const classes = new Map<string, string>();
  for (const e of edges) {
    const names: string[] = [];
    if (keeper.get(`s|${e.source}|${e.sourceHandle}`) !== e.id) names.push('ng-shares-source-port');
    if (keeper.get(`s|${e.source}|`) !== e.id) names.push('ng-shares-source-side');
    if (keeper.get(`t|${e.target}|${e.targetHandle}`) !== e.id) names.push('ng-shares-target-port');
    if (keeper.get(`t|${e.target}|`) !== e.id) names.push('ng-shares-target-side');
    if (names.length > 0) classes.set(e.id, names.join(' '));
  }
  return classes;
}

/** The connections whose `end` shares the grab circle of edge `id` (itself included, first). */
export function edgesSharingEnd(
  edges: readonly GraphEdge[],
  id: string,
  end: 'source' | 'target',
  crowded: boolean,
): GraphEdge[] {
  const edge = edges.find((e) => e.id === id);
  if (!edge) return [];
  const node = end === 'source' ? edge.source : edge.target;
  const port = end === 'source' ? edge.sourceHandle : edge.targetHandle;
  const others = edges.filter(
    (e) =>
      e.id !== id &&
      (end === 'source'
        ? e.source === node && (crowded || e.sourceHandle === port)
        : e.target === node && (crowded || e.targetHandle === port)),
  );
  return [edge, ...others];
}
