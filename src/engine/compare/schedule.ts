/**
 * When a compared run is judged: on the whole training and test sets at step 0 and then at about a
 * hundred evenly spaced steps up to the last one. Both runners (the app's workers and the
 * headless one) follow this one list, so their curves have the same points.
 */
export const EVALUATIONS = 100;

export function evaluationSteps(steps: number): number[] {
  const every = Math.max(1, Math.ceil(steps / EVALUATIONS));
  const out = [0];
  for (let s = every; s < steps; s += every) out.push(s);
  if (steps > 0) out.push(steps);
  return out;
}
