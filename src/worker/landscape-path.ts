/**
 * The run's path as the landscape worker keeps it: θ after each step of the document's own
 * (reproducible) training, thinned as it grows — every step up to MAX_POINTS of them, then every
 * 2nd, 4th, … — so a long run stays within a few MB. The θ of the step shown is always exact:
 * a step back that was thinned away is trained again from step 0.
 */
import type { Plan } from '../engine/compiler/plan';
import { Trainer } from '../engine/runtime/trainer';
import { checkPhase } from '../engine/training/finite';

export const MAX_POINTS = 2048;

export class RecordedPath {
  private trainer: Trainer;
  private points: Float64Array[] = [];
  private steps: number[] = [];
  private stride = 1;
  /** The step at which a number stopped being finite (training stops before it), or null. */
  private stoppedAt: number | null = null;

  constructor(private readonly plan: Plan) {
    this.trainer = this.restart();
  }

  private restart(): Trainer {
    this.trainer = new Trainer(this.plan);
    this.points = [Float64Array.from(this.trainer.theta)];
    this.steps = [0];
    this.stride = 1;
    return this.trainer;
  }

  /** θ at the kept steps up to `step`, ending exactly at `step` (or where training stopped). */
  to(step: number): { step: number; thetas: Float64Array[] } {
    const target = this.stoppedAt === null ? step : Math.min(step, this.stoppedAt - 1);
    const kept = this.steps.lastIndexOf(target);
    if (target < this.trainer.step && kept < 0) this.restart();
    while (this.trainer.step < target && this.advance());
    const upTo = Math.min(target, this.trainer.step);
    const thetas: Float64Array[] = [];
    for (let i = 0; i < this.steps.length && this.steps[i] <= upTo; i++) thetas.push(this.points[i]);
    if (this.steps[thetas.length - 1] !== upTo) thetas.push(Float64Array.from(this.trainer.theta));
    return { step: upTo, thetas };
  }

  /** One step; false when it produced a number that is not finite (θ then stays at the step before). */
  private advance(): boolean {
    const t = this.trainer;
    const before = Float64Array.from(t.theta);
    let report = null;
    do report = checkPhase(t, t.runPhase());
    while (!report && t.nextPhase !== 'forward');
    if (report) {
      this.stoppedAt = report.step;
      t.theta.set(before);
      t.step = report.step - 1;
      t.nextPhase = 'forward';
      return false;
    }
    if (t.step % this.stride === 0) {
      this.points.push(Float64Array.from(t.theta));
      this.steps.push(t.step);
      if (this.points.length > MAX_POINTS) this.thin();
    }
    return true;
  }

  private thin(): void {
    this.stride *= 2;
    const keep = this.steps.map((s, i) => (s % this.stride === 0 ? i : -1)).filter((i) => i >= 0);
    this.points = keep.map((i) => this.points[i]);
    this.steps = keep.map((i) => this.steps[i]);
  }
}
