/**
 * What the compare panel offers to change in a given network: its optimizers, losses, weight
 * inits and activations by their registry labels, and the neurons and dense layers an activation
 * change can name. From the registry, so a new optimizer or activation shows up here by itself.
 */
import type { Graph } from '../graph';
import { INIT_LABELS, INIT_SCHEMES, type InitScheme } from '../init';
import { ELEMENTWISE, ELEMENTWISE_IDS, type ElementwiseId } from '../kinds/activation-functions';
import { LOSS_KINDS } from '../kinds/losses';
import { OPTIMIZER_KINDS } from '../kinds/optimizers';
import type { Change } from './changes';
import { DEFAULT_STEPS } from './limits';
import type { ComparedRuns } from './runs';

export interface Choice<T> {
  value: T;
  label: string;
}

export interface ChangeChoices {
  optimizers: Choice<string>[];
  losses: Choice<string>[];
  inits: Choice<InitScheme>[];
  activations: Choice<ElementwiseId>[];
  /** Neurons and dense layers, by id, labelled as on the canvas. */
  units: Choice<string>[];
}

/** SGD with momentum 0.9 is offered as an optimizer of its own: it is what teachers compare. */
export const MOMENTUM_CHOICE = 'opt.sgd+momentum';

export function changeChoices(graph: Graph): ChangeChoices {
  const optimizers = OPTIMIZER_KINDS.map((k) => ({ value: k.id, label: k.label }));
  const sgd = optimizers.findIndex((o) => o.value === 'opt.sgd');
  optimizers.splice(sgd + 1, 0, { value: MOMENTUM_CHOICE, label: 'SGD with momentum 0.9' });
  return {
    optimizers,
    losses: LOSS_KINDS.filter((k) => k.id !== 'loss.penalty' && k.id !== 'loss.objective').map((k) => ({
      value: k.id,
      label: k.label,
    })),
    inits: INIT_SCHEMES.map((s) => ({ value: s, label: INIT_LABELS[s] })),
    activations: ELEMENTWISE_IDS.map((id) => ({ value: id, label: ELEMENTWISE[id].label })),
    units: graph.nodes
      .filter((n) => n.kind === 'neuron' || n.kind === 'dense')
      .map((n) => ({ value: n.id, label: n.label ?? n.id })),
  };
}

/** The change an optimizer choice makes (the momentum choice is SGD with μ = 0.9). */
export function optimizerChange(choice: string): Change {
  return choice === MOMENTUM_CHOICE
    ? { type: 'optimizer', kind: 'opt.sgd', params: { momentum: 0.9 } }
    : { type: 'optimizer', kind: choice };
}

/**
 * A first comparison for a network: the network as it is, and the same with another optimizer
 * (Adam, or SGD when it already uses Adam), so "Compare…" shows something worth running at once.
 */
export function firstComparison(graph: Graph): ComparedRuns {
  const usesAdam = graph.nodes.some((n) => n.kind === 'opt.adam');
  const other: Change = usesAdam
    ? { type: 'optimizer', kind: 'opt.sgd' }
    : { type: 'optimizer', kind: 'opt.adam' };
  return {
    steps: DEFAULT_STEPS,
    variants: [
      { name: 'As it is', changes: [] },
      { name: usesAdam ? 'SGD' : 'Adam', changes: [other] },
    ],
  };
}
