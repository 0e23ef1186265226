/**
 * The parameters the network has now: the training run's θ when one has run (as its overlay shows
 * them, block by block), else the initial values the seed draws. Exports write these, so a model
 * saved after training carries what it learned.
 */
import type { Plan } from '../engine';
import { initialParameters } from '../engine';
import type { OverlayState } from './training-overlay';

export interface CurrentParameters {
  theta: Float64Array;
  /** The training step θ belongs to; 0 for the initial values. */
  step: number;
}

/** `overlay` and `shown` are the training run's: its numbers and the step they belong to. */
export function currentParameters(
  plan: Plan,
  overlay: Pick<OverlayState, 'edges' | 'nodes'>,
  shown: { step: number; ran: boolean },
): CurrentParameters {
  const theta = initialParameters(plan);
  if (!shown.ran || shown.step === 0) return { theta, step: 0 };
  let found = 0;
  for (const b of plan.blocks) {
    const param = b.edgeId
      ? overlay.edges.get(b.edgeId)?.param
      : overlay.nodes.get(b.nodeId)?.params.find((p) => p.name === b.name);
    if (!param || param.value.length !== b.size) continue;
    theta.set(param.value, b.offset);
    found++;
  }
  // A run of another structure (the graph just changed): its numbers are not this plan's.
  return found === plan.blocks.length
    ? { theta, step: shown.step }
    : { theta: initialParameters(plan), step: 0 };
}
