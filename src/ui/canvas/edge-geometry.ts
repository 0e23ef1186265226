/**
 * Where to put an edge's weight label: 70% of the way along React Flow's bezier, nearer the target,
 * where the edges fanning into a neuron are still apart (at the middle, edges of a dense layer cross).
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
