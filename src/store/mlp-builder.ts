/**
 * The "Build an MLP" form: its fields as typed, the defaults each dataset's task calls for, and
 * the check that turns the form into a spec for buildMlp — or says, field by field, what is wrong.
 * Pure: the dialog shows what this returns.
 */
import { DATASETS, type DatasetId, type DatasetInfo, datasetInfo } from '../engine/datasets/builtin';
import type { Task } from '../engine/datasets/table';
import { buildMlp, type MlpSpec } from '../engine/examples/mlp';
import type { AnyKind } from '../engine/kind';
import { ELEMENTWISE, ELEMENTWISE_IDS, type ElementwiseId } from '../engine/kinds/activation-functions';
import { getKind, KINDS } from '../engine/registry';

/** The optimizer a new form starts with: a reliable default for these small networks. */
const DEFAULT_OPTIMIZER = 'opt.adam';

export type MlpLevel = 'neuron' | 'dense';
/** The output activation: an elementwise function, or a softmax node over a linear layer. */
export type MlpOutput = ElementwiseId | 'softmax';

export interface MlpForm {
  /** Empty: named after its sizes and dataset. */
  name: string;
  dataset: DatasetId;
  /** Layer sizes as typed, e.g. "2-4-4-1". */
  sizes: string;
  hidden: ElementwiseId;
  output: MlpOutput;
  level: MlpLevel;
  loss: string;
  optimizer: string;
  /** As typed. */
  learningRate: string;
}

export type MlpField = keyof MlpForm;

export interface MlpCheck {
  /** What is wrong, by field; empty when the form can be built. */
  errors: Partial<Record<MlpField, string>>;
  /** Set when there is no error. */
  spec?: MlpSpec;
  /** Set with `spec`: how big the drawn network is. */
  counts?: { nodes: number; edges: number };
}

/** Neuron by neuron, every weight is an edge on the canvas: past this it is no longer readable. */
export const MAX_NEURONS_PER_LAYER = 32;
export const MAX_NEURON_EDGES = 1200;
export const MAX_UNITS = 1024;

export const ACTIVATION_CHOICES: readonly { value: ElementwiseId; label: string }[] = ELEMENTWISE_IDS.map(
  (id) => ({ value: id, label: ELEMENTWISE[id].label }),
);

const LOSSES_BY_TASK: Record<Task, readonly string[]> = {
  binary: ['loss.bce', 'loss.mse', 'loss.mae'],
  regression: ['loss.mse', 'loss.mae', 'loss.huber', 'loss.msle'],
  multiclass: ['loss.cce', 'loss.mse'],
};

/** Every optimizer of the registry, the default first (kinds declare their suggested learning rate). */
const OPTIMIZERS: readonly AnyKind[] = [
  ...KINDS.filter((k) => k.id === DEFAULT_OPTIMIZER),
  ...KINDS.filter((k) => k.role === 'optimizer' && k.id !== DEFAULT_OPTIMIZER),
];

const kindLabel = (id: string) => getKind(id)?.label ?? id;

export function lossChoices(dataset: DatasetId): { value: string; label: string }[] {
  return LOSSES_BY_TASK[info(dataset).task].map((id) => ({ value: id, label: kindLabel(id) }));
}

export function optimizerChoices(): { value: string; label: string }[] {
  return OPTIMIZERS.map((k) => ({ value: k.id, label: k.label }));
}

export function outputChoices(dataset: DatasetId): readonly { value: MlpOutput; label: string }[] {
  if (info(dataset).task === 'multiclass')
    return [{ value: 'softmax', label: 'Softmax (one probability per class)' }];
  return ACTIVATION_CHOICES;
}

export function suggestedLearningRate(optimizer: string): string {
  return String(getKind(optimizer)?.suggestedLearningRate ?? 0.01);
}

const TASK_WORDS: Record<Task, string> = {
  binary: 'two classes',
  regression: 'a number to predict',
  multiclass: 'several classes',
};

export function taskDescription(dataset: DatasetId): string {
  const d = info(dataset);
  const classes = d.task === 'multiclass' ? ` (${d.nTargets})` : '';
  return `${TASK_WORDS[d.task]}${classes}, ${d.nFeatures} input${d.nFeatures === 1 ? '' : 's'}`;
}

function info(dataset: DatasetId): DatasetInfo {
  return datasetInfo(dataset) ?? DATASETS[0];
}

/** The output size a dataset needs: one number, or one per class. */
export function outputSize(d: DatasetInfo): number {
  return d.task === 'multiclass' ? d.nTargets : 1;
}

/** The form a dataset starts with; `previous` keeps the hidden sizes, hidden activation and optimizer. */
export function mlpDefaults(dataset: DatasetId, previous?: MlpForm): MlpForm {
  const d = info(dataset);
  const parsed = previous ? parseSizes(previous.sizes) : null;
  const hiddenSizes = parsed?.ok && parsed.sizes.length >= 2 ? parsed.sizes.slice(1, -1) : [4, 4];
  const sizes = [d.nFeatures, ...hiddenSizes, outputSize(d)].join('-');
  const optimizer = previous?.optimizer ?? DEFAULT_OPTIMIZER;
  const common = {
    name: previous?.name ?? '',
    dataset,
    sizes,
    hidden: previous?.hidden ?? ('tanh' as ElementwiseId),
    optimizer,
    learningRate: previous?.learningRate ?? suggestedLearningRate(optimizer),
  };
  switch (d.task) {
    case 'binary':
      return { ...common, output: 'sigmoid', loss: 'loss.bce', level: previous?.level ?? 'neuron' };
    case 'regression':
      return { ...common, output: 'linear', loss: 'loss.mse', level: previous?.level ?? 'neuron' };
    case 'multiclass':
      return { ...common, output: 'softmax', loss: 'loss.cce', level: 'dense' };
  }
}

export type ParsedSizes = { ok: true; sizes: number[] } | { ok: false; error: string };

/** "2-4-4-1" (dashes, commas or spaces between) → [2, 4, 4, 1]. */
export function parseSizes(text: string): ParsedSizes {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'Type the layer sizes, input first, like 2-4-4-1.' };
  const parts = trimmed.split(/\s*[-,;×\s]\s*/).filter((p) => p !== '');
  for (const p of parts) {
    if (!/^\d+$/.test(p)) {
      return {
        ok: false,
        error: `“${p}” is not a layer size: use whole numbers separated by dashes, like 2-4-4-1.`,
      };
    }
    if (Number(p) === 0) return { ok: false, error: 'Every layer needs at least 1 neuron.' };
  }
  if (parts.length < 2) {
    return {
      ok: false,
      error: 'Give at least an input and an output size, like 2-1 (2-4-1 adds a hidden layer).',
    };
  }
  return { ok: true, sizes: parts.map(Number) };
}

export function checkMlpForm(form: MlpForm): MlpCheck {
  const errors: Partial<Record<MlpField, string>> = {};
  const d = info(form.dataset);
  const parsed = parseSizes(form.sizes);
  const features = d.featureNames.join(', ');
  const outputs = outputSize(d);

  if (!parsed.ok) {
    errors.sizes = parsed.error;
  } else {
    const { sizes } = parsed;
    const last = sizes[sizes.length - 1];
    if (sizes[0] !== d.nFeatures) {
      errors.sizes = `${d.label} has ${d.nFeatures} input${d.nFeatures === 1 ? '' : 's'} (${features}): the first size must be ${d.nFeatures}.`;
    } else if (last !== outputs) {
      errors.sizes =
        d.task === 'multiclass'
          ? `${d.label} has ${outputs} classes: the last size must be ${outputs}, one output per class.`
          : `${d.label} predicts one number per example: the last size must be 1.`;
    } else if (form.level === 'neuron') {
      const widest = Math.max(...sizes);
      const edges = sizes.slice(1).reduce((sum, s, i) => sum + s * sizes[i], 0);
      if (widest > MAX_NEURONS_PER_LAYER) {
        errors.sizes = `At most ${MAX_NEURONS_PER_LAYER} neurons per layer when every neuron is drawn: choose dense layers for wider networks.`;
      } else if (edges > MAX_NEURON_EDGES) {
        errors.sizes = `That would draw ${edges} connections (at most ${MAX_NEURON_EDGES} neuron by neuron): choose dense layers.`;
      }
    } else if (Math.max(...sizes.slice(1)) > MAX_UNITS) {
      errors.sizes = `At most ${MAX_UNITS} units per layer.`;
    }
  }

  if (form.level === 'neuron' && outputs > 1) {
    errors.level = `Neuron by neuron, a network ends in one output neuron, but ${d.label} has ${outputs} classes: choose dense layers (a layer of ${outputs} with a softmax).`;
  }
  if (d.task === 'multiclass' && form.output !== 'softmax') {
    errors.output = `${d.label} has ${outputs} classes: end with a softmax.`;
  } else if (d.task !== 'multiclass' && form.output === 'softmax') {
    errors.output =
      'A softmax needs several outputs; with one output choose sigmoid (two classes) or linear.';
  }
  if (!LOSSES_BY_TASK[d.task].includes(form.loss)) {
    errors.loss = `${kindLabel(form.loss)} does not fit ${TASK_WORDS[d.task]}: choose ${LOSSES_BY_TASK[d.task].map(kindLabel).join(', ')}.`;
  }
  if (!OPTIMIZERS.some((k) => k.id === form.optimizer)) errors.optimizer = 'Choose an optimizer.';
  const lr = Number(form.learningRate.trim());
  if (form.learningRate.trim() === '' || !Number.isFinite(lr)) {
    errors.learningRate = 'The learning rate is a number, like 0.01.';
  } else if (lr <= 0 || lr > 10) {
    errors.learningRate = 'The learning rate must be above 0 and at most 10 (0.001 to 0.1 is usual).';
  }

  if (Object.keys(errors).length > 0 || !parsed.ok) return { errors };
  const spec = toSpec(form, parsed.sizes, lr, d);
  try {
    const graph = buildMlp(spec);
    return { errors, spec, counts: { nodes: graph.nodes.length, edges: graph.edges.length } };
  } catch (error) {
    return { errors: { sizes: error instanceof Error ? error.message : String(error) } };
  }
}

export function defaultMlpName(sizes: readonly number[], d: DatasetInfo): string {
  return `MLP ${sizes.join('-')} on ${d.label}`;
}

function toSpec(form: MlpForm, sizes: number[], lr: number, d: DatasetInfo): MlpSpec {
  const softmax = form.output === 'softmax';
  // A sigmoid-free output feeding binary cross-entropy is a logit: let the loss apply the sigmoid, stably.
  const lossParams: Record<string, unknown> =
    form.loss === 'loss.bce' && form.output !== 'sigmoid' ? { input: 'logits' } : {};
  const dataset: Record<string, unknown> = { dataset: d.id };
  if (d.fixedSize) Object.assign(dataset, { testFraction: 0, batchSize: d.defaultN });
  else dataset.batchSize = 20;
  return {
    name: form.name.trim() || defaultMlpName(sizes, d),
    sizes,
    hidden: form.hidden,
    output: form.output === 'softmax' ? 'linear' : form.output,
    softmax,
    level: form.level,
    dataset,
    loss: { kind: form.loss, params: lossParams },
    optimizer: { kind: form.optimizer, params: { lr } },
  };
}
