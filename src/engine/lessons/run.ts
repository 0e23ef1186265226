/**
 * Running a lesson through the engine: what each action does to a Trainer, and whether what a step
 * or a variant states holds. The UI drives its own training session with the same meanings; the
 * tests replay every lesson with these functions, so a lesson's words are held to the engine's numbers.
 *
 * Meanings:
 *   reset                 a new run from the document's initial parameters (step 0, next phase forward)
 *   step { count = 1 }    `count` complete steps, shown one by one; a step begun phase by phase is finished and counts as one
 *   phase { phase? }      the next phase only: forward, loss, backward or update
 *   train { steps }       `steps` complete steps at full speed
 * A lesson starts as after a reset; steps without an action change nothing.
 */
import { compile } from '../compiler/compile';
import type { Plan } from '../compiler/plan';
import type { Graph } from '../graph';
import { Trainer } from '../runtime/trainer';
import { nodeBuffer } from '../training/prediction';
import { approxTolerance, approxValue, type CheckResult, evaluateChecks, matchesApprox } from './checks';
import type {
  Approx,
  Lesson,
  LessonAction,
  LessonCheck,
  LessonDocument,
  LessonVariant,
  StepAfter,
} from './types';

/** A stated number that does not hold (or a statement that cannot be judged). */
export interface Mismatch {
  /** Where the statement is, e.g. "steps[4].after.parameters.w". */
  path: string;
  message: string;
}

/** The plan of a lesson's or a variant's document; throws when it does not compile (the loader reports why). */
export function compileLessonDocument(doc: LessonDocument | Graph): Plan {
  const graph = 'graph' in doc ? doc.graph : doc;
  const { plan, diagnostics } = compile(graph);
  if (!plan) {
    const first = diagnostics.find((d) => d.severity === 'error');
    throw new Error(`the lesson's document does not compile: ${first?.message ?? 'unknown error'}`);
  }
  return plan;
}

/** Runs an action; returns the trainer to continue with (a new one after a reset). */
export function applyAction(trainer: Trainer, action: LessonAction | undefined): Trainer {
  if (!action) return trainer;
  switch (action.type) {
    case 'reset':
      return new Trainer(trainer.plan);
    case 'phase':
      trainer.runPhase();
      return trainer;
    case 'step':
      for (let i = 0; i < (action.count ?? 1); i++) trainer.trainStep();
      return trainer;
    case 'train':
      for (let i = 0; i < action.steps; i++) trainer.trainStep();
      return trainer;
  }
}

/** The mismatches between what a step (or a variant) states and the trainer's state. */
export function verifyAfter(
  trainer: Trainer,
  after: StepAfter,
  checks: readonly LessonCheck[],
  path = 'after',
): Mismatch[] {
  const out: Mismatch[] = [];
  const compare = (where: string, actual: number | undefined, approx: Approx) => {
    if (actual === undefined) {
      out.push({ path: where, message: 'not found in the document' });
    } else if (!matchesApprox(actual, approx)) {
      out.push({
        path: where,
        message: `states ${approxValue(approx)} (±${approxTolerance(approx).toPrecision(2)}), the engine gives ${actual}`,
      });
    }
  };
  if (after.step !== undefined && trainer.step !== after.step) {
    out.push({
      path: `${path}.step`,
      message: `states step ${after.step}, the run is at step ${trainer.step}`,
    });
  }
  if (after.loss !== undefined) compare(`${path}.loss`, trainer.loss, after.loss);
  const block = (label: string) => trainer.plan.blocks.find((b) => b.label === label);
  for (const [label, approx] of Object.entries(after.parameters ?? {})) {
    const b = block(label);
    compare(`${path}.parameters.${label}`, b && trainer.theta[b.offset], approx);
  }
  for (const [label, approx] of Object.entries(after.gradients ?? {})) {
    const b = block(label);
    compare(`${path}.gradients.${label}`, b && trainer.thetaGrad[b.offset], approx);
  }
  for (const [key, approx] of Object.entries(after.outputs ?? {})) {
    compare(`${path}.outputs.${key}`, readOutput(trainer, key), approx);
  }
  if (after.checks) {
    const results = evaluateChecks(trainer, checks);
    after.checks.forEach((stated, i) => {
      const r = results[i];
      if (!r || r.pass !== stated) {
        out.push({
          path: `${path}.checks[${i}]`,
          message: `states that “${checks[i]?.label}” ${stated ? 'passes' : 'fails'}, but it ${stated ? 'fails' : 'passes'} (value ${r?.value})`,
        });
      }
    });
  }
  return out;
}

/** "neuron:z" → node "neuron", port "z"; "neuron" → its first output. */
export function splitOutputKey(key: string): { node: string; port?: string } {
  const colon = key.lastIndexOf(':');
  return colon < 0 ? { node: key } : { node: key.slice(0, colon), port: key.slice(colon + 1) };
}

/** A buffer of the last forward pass for the batch's first example: "node" or "node:port". */
export function readOutput(trainer: Trainer, key: string): number | undefined {
  const { node: id, port } = splitOutputKey(key);
  const node = trainer.plan.nodes.get(id as never);
  if (!node) return undefined;
  const slot = port === undefined ? Object.values(node.outputs)[0] : nodeBuffer(node, port);
  return slot ? trainer.runtime.values[trainer.runtime.offset(slot)] : undefined;
}

export interface LessonReplay {
  /** The run after the last replayed step. */
  trainer: Trainer;
  /** Every stated number that does not hold, in order. */
  mismatches: Mismatch[];
}

/**
 * Replays a lesson's steps from the start (as after a reset) up to and including step `last`
 * (default: all), checking every `after` on the way. Also how a UI jumps back to a step.
 */
export function replayLesson(lesson: Lesson, last = lesson.steps.length - 1): LessonReplay {
  let trainer = new Trainer(compileLessonDocument(lesson.document));
  const mismatches: Mismatch[] = [];
  lesson.steps.slice(0, last + 1).forEach((step, i) => {
    trainer = applyAction(trainer, step.action);
    if (step.after) mismatches.push(...verifyAfter(trainer, step.after, lesson.checks, `steps[${i}].after`));
  });
  return { trainer, mismatches };
}

export interface VariantRun {
  trainer: Trainer;
  results: CheckResult[];
  /** Where the variant's `passes` or `after` is not what training gives. */
  mismatches: Mismatch[];
}

/** Trains a variant for its stated number of steps and judges its checks and statements. */
export function runVariant(variant: LessonVariant, path = 'variant'): VariantRun {
  const trainer = new Trainer(compileLessonDocument(variant.document));
  for (let i = 0; i < variant.trainSteps; i++) trainer.trainStep();
  const results = evaluateChecks(trainer, variant.checks);
  const mismatches: Mismatch[] = [];
  variant.passes.forEach((stated, i) => {
    const r = results[i];
    if (!r || r.pass !== stated) {
      mismatches.push({
        path: `${path}.passes[${i}]`,
        message: `states that “${variant.checks[i]?.label}” ${stated ? 'passes' : 'fails'} after ${variant.trainSteps} steps, but it ${stated ? 'fails' : 'passes'} (value ${r?.value})`,
      });
    }
  });
  if (variant.after) mismatches.push(...verifyAfter(trainer, variant.after, variant.checks, `${path}.after`));
  return { trainer, results, mismatches };
}
