import { checkPhase, type NonFiniteReport, type Plan, parametersByLabel, Trainer } from '../../engine';
import { loadDocument } from '../load';
import { compileOrFail } from '../plan';

export interface TrainOptions {
  steps: number;
  json: boolean;
}

/** Exit status when training stopped at a non-finite number (1 is a bad file, 2 bad usage). */
export const EXIT_NON_FINITE = 3;

/**
 * `train <graph> --steps N [--json]`: trains with the document's own data, loss and optimizer.
 * The loss reported is the last step's training-batch loss, measured before its update.
 *
 * Like the app, it checks every step (the loss, ∂L/∂θ, θ) and stops at the first number that is not
 * finite: the node and the step go to stderr, the output holds the last finite step (its loss and
 * parameters), and the exit status is EXIT_NON_FINITE; with --json the object says so in `nonFinite`.
 */
export function train(source: string | undefined, options: TrainOptions): number {
  const plan = compileOrFail(loadDocument(source));
  const trainer = new Trainer(plan);
  const every = Math.max(1, Math.floor(options.steps / 10));
  // θ and the loss after the last finite step: a failed update leaves θ broken.
  const lastTheta = Float64Array.from(trainer.theta);
  let lastLoss = Number.NaN;
  let report: NonFiniteReport | null = null;
  for (let s = 1; s <= options.steps && !report; s++) {
    do report = checkPhase(trainer, trainer.runPhase());
    while (!report && trainer.nextPhase !== 'forward');
    if (report) break;
    lastTheta.set(trainer.theta);
    lastLoss = trainer.loss;
    if (!options.json && (s % every === 0 || s === options.steps)) {
      process.stdout.write(`step ${s}  epoch ${trainer.epoch}  loss ${trainer.loss}\n`);
    }
  }
  const step = report ? report.step - 1 : trainer.step;
  const parameters = parametersByLabel(plan, lastTheta);
  if (report) process.stderr.write(`neurograph: ${stoppedMessage(plan, report)}\n`);
  if (options.json) {
    const out: Record<string, unknown> = { step, loss: step === 0 ? null : lastLoss, parameters };
    if (report) out.nonFinite = describeReport(plan, report);
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    if (report) process.stdout.write(`stopped after step ${step}, the last with every number finite\n`);
    for (const [label, value] of Object.entries(parameters)) {
      process.stdout.write(`${label} = ${Array.isArray(value) ? `[${value.join(', ')}]` : value}\n`);
    }
  }
  return report ? EXIT_NON_FINITE : 0;
}

function nodeLabel(plan: Plan, report: NonFiniteReport): string | null {
  return report.nodeId ? (plan.nodes.get(report.nodeId)?.label ?? report.nodeId) : null;
}

function stoppedMessage(plan: Plan, report: NonFiniteReport): string {
  const label = nodeLabel(plan, report);
  const where = label ? ` at node “${label}”${report.nodeId !== label ? ` (id ${report.nodeId})` : ''}` : '';
  return `training stopped at step ${report.step}${where}. ${report.message}`;
}

/** The report as plain JSON (NaN and ±Infinity, which JSON cannot hold, as text). */
function describeReport(plan: Plan, report: NonFiniteReport) {
  return {
    step: report.step,
    phase: report.phase,
    what: report.what,
    node: report.nodeId ?? null,
    nodeLabel: nodeLabel(plan, report),
    edge: report.edgeId ?? null,
    parameter: report.block ?? null,
    value: String(report.value),
    message: report.message,
  };
}
