import { parametersByLabel, Trainer } from '../../engine';
import { loadDocument } from '../load';
import { compileOrFail } from '../plan';

export interface TrainOptions {
  steps: number;
  json: boolean;
}

/**
 * `train <graph> --steps N [--json]`: trains with the document's own data, loss and optimizer.
 * The loss reported is the last step's training-batch loss, measured before its update.
 */
export function train(source: string | undefined, options: TrainOptions): number {
  const plan = compileOrFail(loadDocument(source));
  const trainer = new Trainer(plan);
  const every = Math.max(1, Math.floor(options.steps / 10));
  for (let s = 1; s <= options.steps; s++) {
    trainer.trainStep();
    if (!options.json && (s % every === 0 || s === options.steps)) {
      process.stdout.write(`step ${s}  epoch ${trainer.epoch}  loss ${trainer.loss}\n`);
    }
  }
  const parameters = parametersByLabel(plan, trainer.theta);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ step: trainer.step, loss: trainer.loss, parameters })}\n`);
  } else {
    for (const [label, value] of Object.entries(parameters)) {
      process.stdout.write(`${label} = ${Array.isArray(value) ? `[${value.join(', ')}]` : value}\n`);
    }
  }
  return 0;
}
