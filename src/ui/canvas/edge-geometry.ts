/**
 * A point of React Flow's bezier for an edge, at parameter t (0 = source, 1 = target). Weight labels
 * sit at such a point; which t each label gets is chosen for all labels at once (label-placement.ts),
 * since no single t keeps the labels of edges into one neuron from stacking.
 */
const CURVATURE = 0.25;

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

export function pointAlongEdge(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  t = 0.7,
): { x: number; y: number } {
  // Source handles point right, target handles left: the controls follow React Flow's getBezierPath.
  const c1x = sx + controlOffset(tx - sx);
  const c2x = tx - controlOffset(tx - sx);
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * sx + b * c1x + c * c2x + d * tx, y: a * sy + b * sy + c * ty + d * ty };
}
