/**
 * The optimizer's path: θ after each step, from a fresh run of the document's own training (which
 * is reproducible bit for bit, so it is the path the app's run takes).
 */
import type { Plan } from '../compiler/plan';
import { Trainer } from '../runtime/trainer';
import { checkPhase } from '../training/finite';

/** θ at steps 0…steps; shorter when a step produced a number that is not finite. */
export function trainPath(plan: Plan, steps: number): Float64Array[] {
  const trainer = new Trainer(plan);
  const path = [Float64Array.from(trainer.theta)];
  for (let s = 0; s < steps; s++) {
    let report = null;
    do report = checkPhase(trainer, trainer.runPhase());
    while (!report && trainer.nextPhase !== 'forward');
    if (report) break;
    path.push(Float64Array.from(trainer.theta));
  }
  return path;
}
