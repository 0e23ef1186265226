import { Trainer } from '../../engine';
import { loadDocument } from '../load';
import { compileOrFail } from '../plan';

/** `grad <graph>`: one forward/backward pass on the first batch; every parameter's value and ∂L/∂θ. */
export function grad(source: string | undefined): number {
  const plan = compileOrFail(loadDocument(source));
  const trainer = new Trainer(plan);
  trainer.gradientStep();
  const parameters: Record<string, { value: number | number[]; grad: number | number[] }> = {};
  for (const b of plan.blocks) {
    const pick = (a: Float64Array) =>
      b.size === 1 ? a[b.offset] : Array.from(a.subarray(b.offset, b.offset + b.size));
    parameters[b.label] = { value: pick(trainer.theta), grad: pick(trainer.thetaGrad) };
  }
  process.stdout.write(`${JSON.stringify({ loss: trainer.loss, parameters })}\n`);
  return 0;
}
