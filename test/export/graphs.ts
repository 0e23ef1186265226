/**
 * Graphs the export tests run through Python: every built-in example, seeded random MLPs (sizes,
 * activations, losses and optimizers drawn from a generator, every optimizer and loss covered), and
 * hand-made graphs for what MLPs never use (math nodes, PReLU, custom formulas, activation nodes,
 * concatenation, vector edges, untrained losses, unreachable parameters, no optimizer, …).
 */
import { buildMlp, EXAMPLES, type Graph } from '../../src/engine';
import { ELEMENTWISE_IDS, type ElementwiseId } from '../../src/engine/kinds/activation-functions';
import { createRng } from '../../src/engine/rng';
import { GraphBuilder } from '../engine/graph-builder';

export interface Case {
  name: string;
  graph: Graph;
}

export const exampleCases = (): Case[] =>
  EXAMPLES.map((e) => ({ name: `example ${e.id}`, graph: e.build() }));

const OPTIMIZERS: { kind: string; params: Record<string, unknown> }[] = [
  { kind: 'opt.sgd', params: { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 } },
  { kind: 'opt.rmsprop', params: { lr: 0.01, momentum: 0.5, centered: true, weightDecay: 0.001 } },
  { kind: 'opt.adagrad', params: { lr: 0.1, lrDecay: 0.01, initialAccumulator: 0.1, weightDecay: 0.001 } },
  { kind: 'opt.adam', params: { lr: 0.02, amsgrad: true, weightDecay: 0.001 } },
  { kind: 'opt.adamw', params: { lr: 0.01, beta1: 0.8, beta2: 0.99, weightDecay: 0.05 } },
  { kind: 'opt.sgd', params: { lr: 0.1, momentum: 0.5, dampening: 0.3 } },
  { kind: 'opt.rmsprop', params: { lr: 0.005, alpha: 0.9 } },
];

interface Head {
  loss: { kind: string; params?: Record<string, unknown> };
  output: ElementwiseId;
  softmax?: boolean;
}

const BINARY_HEADS: Head[] = [
  { loss: { kind: 'loss.bce' }, output: 'sigmoid' },
  { loss: { kind: 'loss.bce', params: { input: 'logits' } }, output: 'linear' },
  { loss: { kind: 'loss.mse', params: { half: true } }, output: 'sigmoid' },
  { loss: { kind: 'loss.msle' }, output: 'relu' },
  { loss: { kind: 'loss.mae' }, output: 'sigmoid' },
  { loss: { kind: 'loss.huber', params: { delta: 0.3 } }, output: 'tanh' },
];
const REGRESSION_HEADS: Head[] = [
  { loss: { kind: 'loss.mse' }, output: 'linear' },
  { loss: { kind: 'loss.huber', params: { delta: 0.2 } }, output: 'linear' },
  { loss: { kind: 'loss.mae' }, output: 'linear' },
];
const MULTICLASS_HEADS: Head[] = [
  { loss: { kind: 'loss.cce' }, output: 'linear', softmax: true },
  { loss: { kind: 'loss.cce', params: { input: 'logits' } }, output: 'linear' },
  { loss: { kind: 'loss.mse' }, output: 'linear', softmax: true },
];

const BINARY = [
  { dataset: 'circle', features: 2 },
  { dataset: 'xor', features: 2 },
  { dataset: 'spiral', features: 2 },
  { dataset: 'gaussians', features: 2 },
];
const REGRESSION = [
  { dataset: 'sine', features: 1 },
  { dataset: 'linear', features: 1 },
];
const MULTICLASS = [{ dataset: 'gaussians3', features: 2 }];

/** Every head, with the datasets it suits. */
const HEADS = [
  ...BINARY_HEADS.map((head) => ({ head, datasets: BINARY })),
  ...REGRESSION_HEADS.map((head) => ({ head, datasets: REGRESSION })),
  ...MULTICLASS_HEADS.map((head) => ({ head, datasets: MULTICLASS })),
];

/**
 * `count` MLPs drawn from a seeded generator; case i uses head i and optimizer i (mod their counts),
 * so twelve cases use every loss head and every optimizer setting.
 */
export function randomMlpCases(count: number, seed = 7): Case[] {
  const rng = createRng(seed);
  const pick = <T>(a: readonly T[]) => a[rng.int(a.length)];
  return Array.from({ length: count }, (_, i) => {
    const { head, datasets } = HEADS[i % HEADS.length];
    const data = pick(datasets);
    const multiclass = data.dataset === 'gaussians3';
    const level = multiclass || i % 2 === 1 ? 'dense' : 'neuron';
    const hidden = Array.from({ length: 1 + rng.int(2) }, () => 1 + rng.int(level === 'dense' ? 6 : 4));
    const sizes = [data.features, ...hidden, multiclass ? 3 : 1];
    const optimizer = OPTIMIZERS[i % OPTIMIZERS.length];
    const spec = {
      sizes,
      hidden: pick(ELEMENTWISE_IDS),
      output: head.output,
      level,
      softmax: head.softmax,
      dataset: {
        dataset: data.dataset,
        n: 50 + rng.int(60),
        noise: 0.1,
        seed: 1 + rng.int(100),
        testFraction: 0.25,
        batchSize: 5 + rng.int(12),
        shuffle: i % 5 !== 4,
      },
      loss: head.loss,
      optimizer,
      seed: 1 + rng.int(1000),
    } as const;
    return {
      name: `random MLP ${i}: ${data.dataset} ${sizes.join('-')} ${level} ${spec.hidden}/${head.output} ${head.loss.kind} ${optimizer.kind}`,
      graph: buildMlp({ ...spec, sizes: [...sizes] }),
    };
  });
}

/** Math nodes, PReLU, custom formulas and activation nodes between neurons, into a BCE on probabilities. */
function mathAndCustom(): Case {
  const g = new GraphBuilder(3);
  const data = g.node('dataset', { dataset: 'circle', n: 50, noise: 0.1, batchSize: 8 }, { label: 'data' });
  const a = g.node(
    'neuron',
    { activation: 'elu', alpha: 0.7, init: 'he' },
    { label: 'a', paramLabels: { bias: 'β₀' } },
  );
  g.edge([data, 'x0'], a);
  g.edge([data, 'x1'], a, { label: 'w₁' });
  const v = g.node('neuron', { activation: 'leaky_relu', alpha: 0.1, bias: 0.05 }, { label: 'vector edge' });
  g.edge([data, 'features'], v, { weight: [0.3, -0.2] });
  const c = g.node('math.constant', { value: -0.5 }, { label: 'c' });
  const p = g.node('math.parameter', { value: 1.5 }, { label: 'p', paramLabels: { value: 'scale' } });
  const m = g.chain('math.multiply', {}, a, c, p);
  const sum = g.chain('math.add', {}, m, v, p);
  const prelu = g.chain('act.prelu', { alpha: 0.2 }, sum);
  const silu = g.chain('act.custom', { formula: 'x / (1 + exp(-x))' }, prelu);
  const out = g.chain('act.sigmoid', {}, silu);
  const loss = g.loss('loss.bce', out, [data, 'target']);
  g.edge([loss, 'loss'], [g.node('opt.adam', { lr: 0.05 }), 'loss']);
  return { name: 'math nodes, PReLU and a custom SiLU', graph: g.graph() };
}

/** Custom formulas over the whole vocabulary, one with a typed (deliberately wrong) derivative. */
function formulas(): Case {
  const g = new GraphBuilder(5);
  const data = g.node('dataset', { dataset: 'sine', n: 60, noise: 0.05, batchSize: 7 }, { label: 'data' });
  const d1 = g.chain('dense', { units: 3, activation: 'tanh' }, [data, 'features']);
  // Typed f′ where f has a kink: 1 for x > 0, 0.1 for x < 0, 0.55 at 0.
  const kink = g.chain('act.custom', { formula: 'max(0.1 * x, x)', derivative: '0.55 + 0.45 * sign(x)' }, d1);
  const wide = g.chain(
    'act.custom',
    {
      formula:
        'log(1 + exp(x), e) + sec(x / 10) - pi / 10 + x^2 / 20 + cube(x) / 100 + log10(2 + square(x)) + sqrt(1 + x^2) + abs(x) / 7 + atan(x) + cosh(x / 3) + log1p(x^2) + expm1(x / 5) + log2(3 + x)',
    },
    d1,
  );
  // The derivative of x² typed as x: the engine uses what is typed, and so must the export.
  const wrong = g.chain('act.custom', { formula: 'x^2', derivative: 'x' }, d1);
  const d2 = g.node('dense', { units: 1 }, { label: 'out' });
  g.edge(kink, d2);
  g.edge(wide, d2);
  g.edge(wrong, d2);
  const loss = g.loss('loss.huber', d2, [data, 'target'], { delta: 0.5 });
  g.edge([loss, 'loss'], [g.node('opt.sgd', { lr: 0.02, momentum: 0.8, nesterov: true }), 'loss']);
  return {
    name: 'custom formulas (typed and symbolic derivatives) into a concatenating dense layer',
    graph: g.graph(),
  };
}

/**
 * Activation nodes, softmax into CCE; an untrained loss (not wired to the optimizer) and a neuron no
 * loss reaches, whose parameters AdamW still shrinks.
 */
function classifier(): Case {
  const g = new GraphBuilder(11);
  const data = g.node('dataset', { dataset: 'gaussians3', n: 60, noise: 1, batchSize: 9 }, { label: 'data' });
  const d1 = g.chain('dense', { units: 4, init: 'uniform' }, [data, 'features']);
  const r = g.chain('act.leaky_relu', { alpha: 0.2 }, d1);
  const e = g.chain('act.elu', { alpha: 1.3 }, r);
  const t = g.chain('act.tanh', {}, e);
  const l = g.chain('act.linear', {}, t);
  const rl = g.chain('act.relu', {}, l);
  const d2 = g.node('dense', { units: 3, biases: [0.1, 0, -0.1] }, { label: 'logits' });
  g.edge(rl, d2);
  g.edge(t, d2);
  const s = g.chain('act.softmax', {}, d2);
  const trained = g.loss('loss.cce', s, [data, 'target']);
  g.loss('loss.cce', d2, [data, 'target'], { input: 'logits' });
  g.chain('neuron', { activation: 'sigmoid' }, [data, 'x0']);
  g.edge([trained, 'loss'], [g.node('opt.adamw', { lr: 0.02, weightDecay: 0.1 }), 'loss']);
  return {
    name: 'activation nodes and softmax into CCE, an untrained loss, an unreached neuron',
    graph: g.graph(),
  };
}

/** No optimizer: every loss counts in L, nothing learns. */
function noOptimizer(): Case {
  const g = new GraphBuilder(2);
  const data = g.node('dataset', { dataset: 'linear', n: 40, noise: 0.3, batchSize: 6 }, { label: 'data' });
  const y = g.chain('neuron', { activation: 'linear' }, [data, 'x0']);
  g.loss('loss.mse', y, [data, 'target']);
  g.loss('loss.mae', y, [data, 'target']);
  return { name: 'two losses and no optimizer', graph: g.graph() };
}

/** The objective over a value computed from data; logits exactly 0 at the start (zero init). */
function objectiveAndZeroLogits(): Case[] {
  const g = new GraphBuilder(4);
  const data = g.node('dataset', { dataset: 'sine', n: 45, noise: 0.1, batchSize: 8 }, { label: 'data' });
  const d = g.chain('dense', { units: 2, activation: 'tanh' }, [data, 'features']);
  const n = g.chain('neuron', { bias: 0.3 }, d);
  const sq = g.chain('math.multiply', {}, n, n);
  const obj = g.loss('loss.objective', sq);
  g.edge([obj, 'loss'], [g.node('opt.rmsprop', { lr: 0.01 }), 'loss']);

  const h = new GraphBuilder(6);
  const xor = h.node('dataset', { dataset: 'xor', n: 40, batchSize: 16 }, { label: 'data' });
  const z = h.chain('neuron', { init: 'zeros' }, [xor, 'x0'], [xor, 'x1']);
  const bce = h.loss('loss.bce', z, [xor, 'target'], { input: 'logits' });
  h.edge([bce, 'loss'], [h.node('opt.adagrad', { lr: 0.1 }), 'loss']);
  return [
    { name: 'the objective of a squared output', graph: g.graph() },
    { name: 'BCE on logits that start at exactly 0', graph: h.graph() },
  ];
}

/** A CSV data node (three classes, one-hot, standardized features) into softmax cross-entropy. */
function csvData(): Case {
  const g = new GraphBuilder(8);
  const rows = Array.from(
    { length: 30 },
    (_, i) => `${(i * 7) % 11},${(i * 0.37) % 2},${['a', 'b', 'c'][i % 3]}`,
  );
  const data = g.node(
    'dataset.csv',
    { csv: `u,v,kind\n${rows.join('\n')}\n`, features: ['u', 'v'], target: 'kind', batchSize: 7 },
    { label: 'data' },
  );
  const d = g.chain('dense', { units: 3 }, [data, 'features']);
  g.edge([data, 'x1'], d);
  const loss = g.loss('loss.cce', d, [data, 'target'], { input: 'logits' });
  g.edge([loss, 'loss'], [g.node('opt.adam', { lr: 0.05 }), 'loss']);
  return { name: 'CSV data, three classes', graph: g.graph() };
}

/** LayerNorm and Dropout between dense layers: the script must draw the engine's masks, step by step. */
function dropout(): Case {
  const g = new GraphBuilder(9);
  const data = g.node('dataset', { dataset: 'gaussians3', n: 60, noise: 1, batchSize: 8 }, { label: 'data' });
  const d1 = g.chain('dense', { units: 6, activation: 'relu' }, [data, 'features']);
  const norm = g.chain('layernorm', { eps: 1e-3 }, d1);
  const drop = g.chain('dropout', { rate: 0.3 }, norm);
  const d2 = g.chain('dense', { units: 3 }, drop);
  const loss = g.loss('loss.cce', d2, [data, 'target'], { input: 'logits' });
  g.edge([loss, 'loss'], [g.node('opt.sgd', { lr: 0.1, momentum: 0.9 }), 'loss']);
  return { name: 'LayerNorm and Dropout between dense layers', graph: g.graph() };
}

/**
 * BatchNorm after each hidden layer, with Adam and weight decay (which must not reach the running
 * statistics): the script's F.batch_norm must give the engine's numbers and running statistics,
 * unbiased variance included. 70 training rows in batches of 16 end each epoch on a batch of 6.
 */
function batchNorm(): Case {
  const g = new GraphBuilder(21);
  const data = g.node(
    'dataset',
    { dataset: 'spiral', n: 100, noise: 0.1, batchSize: 16, testFraction: 0.3 },
    { label: 'data' },
  );
  const d1 = g.chain('dense', { units: 8, activation: 'relu' }, [data, 'features']);
  const bn1 = g.chain('batchnorm', { momentum: 0.1 }, d1);
  const d2 = g.chain('dense', { units: 6, activation: 'tanh' }, bn1);
  const bn2 = g.chain('batchnorm', { momentum: 0.3, eps: 1e-3 }, d2);
  const out = g.chain('dense', { units: 1 }, bn2);
  const loss = g.loss('loss.bce', out, [data, 'target'], { input: 'logits' });
  g.edge([loss, 'loss'], [g.node('opt.adamw', { lr: 0.02, weightDecay: 0.1 }), 'loss']);
  return { name: 'BatchNorm after two hidden layers, AdamW', graph: g.graph() };
}

/** L1 on one layer and L2 on every weight, trained by Adam, beside the data loss. */
function penalties(): Case {
  const g = new GraphBuilder(12);
  const data = g.node('dataset', { dataset: 'circle', n: 60, noise: 0.2, batchSize: 10 }, { label: 'data' });
  const n = g.node('neuron', { activation: 'tanh' }, { label: 'edge neuron' });
  g.edge([data, 'x0'], n, { label: 'v' });
  const hidden = g.chain('dense', { units: 5, activation: 'tanh' }, [data, 'features']);
  const out = g.chain('dense', { units: 1 }, hidden, n);
  const opt = g.node('opt.adam', { lr: 0.03 });
  const fit = g.loss('loss.bce', out, [data, 'target'], { input: 'logits' });
  const l1 = g.node('loss.penalty', { norm: 'l1', lambda: 0.01 });
  g.edge([fit, 'loss'], [l1, 'loss']);
  g.edge(hidden, [l1, 'layers']);
  const l2 = g.node('loss.penalty', { norm: 'l2', lambda: 0.03 });
  g.edge([l1, 'loss'], [l2, 'loss']);
  g.edge([l2, 'loss'], [opt, 'loss']);
  return { name: 'L1 on a layer and L2 on every weight, with Adam', graph: g.graph() };
}

/**
 * The Dropout network as a compared run that changed the initialisation: new initial weights (seed
 * 10) over the network's batch order and masks (order seed 9); the script must keep the two apart.
 */
function dropoutOtherStart(): Case {
  const { graph } = dropout();
  return {
    name: 'Dropout, started from another seed over the same order',
    graph: { ...graph, seed: 10, orderSeed: 9 },
  };
}

export const handMadeCases = (): Case[] => [
  dropout(),
  dropoutOtherStart(),
  batchNorm(),
  penalties(),
  csvData(),
  mathAndCustom(),
  formulas(),
  classifier(),
  hugeLogitGap(),
  noOptimizer(),
  ...objectiveAndZeroLogits(),
];

/**
 * A softmax read only by a cross-entropy, at a logit gap of 1000: the engine fuses the pair
 * (compiler/fusion.ts) and the export works from the logits too, so both keep the true loss (1000
 * per misclassified example, where −log p would be ∞) and the exact gradient p − y.
 */
function hugeLogitGap(): Case {
  const g = new GraphBuilder(5);
  const data = g.node(
    'dataset',
    { dataset: 'gaussians3', n: 45, noise: 0.8, batchSize: 8 },
    { label: 'data' },
  );
  const logits = g.chain('dense', { units: 3, biases: [1000, 0, 0] }, [data, 'features']);
  const s = g.chain('act.softmax', {}, logits);
  const loss = g.loss('loss.cce', s, [data, 'target']);
  g.edge([loss, 'loss'], [g.node('opt.sgd', { lr: 0.5 }), 'loss']);
  return { name: 'softmax into CCE at a logit gap of 1000 (fused)', graph: g.graph() };
}
