import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  type ComparedRuns,
  evaluationSteps,
  restoring,
  runVariant,
  showVariant,
  summarizeRun,
  variantGraph,
} from '../../src/engine/compare';
import { example, trained } from '../worker/training-graphs';

const border = () => example('border-at-3');
const node = (g: ReturnType<typeof border>, id: string) => g.nodes.find((n) => n.id === id)!;

describe('applyChanges', () => {
  it('sets the learning rate of the optimizer and nothing else', () => {
    const g = border();
    const out = applyChanges(g, [{ type: 'learningRate', value: 1e-6 }]);
    expect(node(out, 'sgd').params).toEqual({ lr: 1e-6 });
    expect(node(g, 'sgd').params).toEqual({ lr: 1e-4 }); // the original is untouched
    expect(out.nodes.filter((n) => n.id !== 'sgd')).toEqual(g.nodes.filter((n) => n.id !== 'sgd'));
    expect(out.edges).toBe(g.edges);
  });

  it('swaps the optimizer, keeping its learning rate, and adds the parameters given', () => {
    const g = border();
    const adam = applyChanges(g, [{ type: 'optimizer', kind: 'opt.adam' }]);
    // Named after its kind, the node is renamed with it: the canvas does not call Adam "SGD".
    expect(node(adam, 'sgd')).toMatchObject({ kind: 'opt.adam', label: 'Adam', params: { lr: 1e-4 } });
    const momentum = applyChanges(g, [
      { type: 'optimizer', kind: 'opt.sgd', params: { momentum: 0.9 } },
      { type: 'learningRate', value: 0.01 },
    ]);
    expect(node(momentum, 'sgd')).toMatchObject({ kind: 'opt.sgd', params: { lr: 0.01, momentum: 0.9 } });
  });

  it("changes one node's activation, every loss, the init, the seed and the batch size", () => {
    const out = applyChanges(border(), [
      { type: 'activation', node: 'neuron', activation: 'sigmoid' },
      { type: 'loss', kind: 'loss.bce', params: { input: 'probabilities' } },
      { type: 'init', scheme: 'he' },
      { type: 'seed', value: 7 },
      { type: 'batchSize', value: 4 },
    ]);
    expect(node(out, 'neuron').params).toEqual({ activation: 'sigmoid', bias: 1, init: 'he' });
    expect(node(out, 'loss')).toMatchObject({ kind: 'loss.bce', params: { input: 'probabilities' } });
    expect(out.seed).toBe(7);
    expect(node(out, 'data').params.batchSize).toBe(4);
  });

  it('refuses a change that cannot apply, naming it', () => {
    const g = border();
    expect(() => applyChanges(g, [{ type: 'optimizer', kind: 'loss.mse' }])).toThrow(
      'change 1 (optimizer): "loss.mse" is not an optimizer',
    );
    expect(() =>
      applyChanges(g, [
        { type: 'seed', value: 2 },
        { type: 'activation', node: 'loss', activation: 'tanh' },
      ]),
    ).toThrow('change 2 (activation): the network has no neuron or dense layer "loss"');
    expect(() => applyChanges(g, [{ type: 'learningRate', value: 0 }])).toThrow('must be above 0');
    expect(() => applyChanges(g, [{ type: 'batchSize', value: 1.5 }])).toThrow('whole number');
  });
});

describe('showing a variant on the canvas', () => {
  const runs: ComparedRuns = {
    steps: 10,
    variants: [
      { name: 'SGD', changes: [] },
      {
        name: 'Adam, η = 0.1',
        changes: [
          { type: 'optimizer', kind: 'opt.adam' },
          { type: 'learningRate', value: 0.1 },
        ],
      },
      {
        name: 'sigmoid',
        changes: [
          { type: 'activation', node: 'neuron', activation: 'sigmoid' },
          { type: 'seed', value: 3 },
        ],
      },
    ],
  };

  it('shows the variant, then any other, then the network, without drift', () => {
    const g = border();
    const adam = showVariant(g, runs, 1);
    expect(node(adam.graph, 'sgd')).toMatchObject({ kind: 'opt.adam', params: { lr: 0.1 } });
    expect(adam.runs.shown?.variant).toBe(1);
    expect(variantGraph(adam.graph, adam.runs, 2)).toEqual(variantGraph(g, runs, 2));

    const sigmoid = showVariant(adam.graph, adam.runs, 2);
    expect(node(sigmoid.graph, 'sgd')).toMatchObject({ kind: 'opt.sgd', params: { lr: 1e-4 } });
    expect(node(sigmoid.graph, 'neuron').params.activation).toBe('sigmoid');
    expect(sigmoid.graph.seed).toBe(3);

    // The variant starts from seed 3 but keeps the network's order of batches (seed 1).
    expect(sigmoid.graph.orderSeed).toBe(1);

    const back = showVariant(sigmoid.graph, sigmoid.runs, null);
    expect(back.runs).toEqual(runs);
    expect(back.graph.seed).toBe(1);
    expect(back.graph).not.toHaveProperty('orderSeed');
    expect(node(back.graph, 'neuron').params.activation).toBe('relu');
    expect(node(back.graph, 'sgd')).toMatchObject({ kind: 'opt.sgd', label: 'SGD' });
    // The network trains exactly as before the round trip.
    expect(trained(back.graph, 6).theta).toEqual(trained(g, 6).theta);
  });

  it('restores what the graph held, as changes of the same kinds', () => {
    expect(
      restoring(border(), [
        { type: 'batchSize', value: 2 },
        { type: 'seed', value: 9 },
      ]),
    ).toEqual([
      { type: 'batchSize', value: 1 },
      { type: 'seed', value: 1 },
    ]);
  });
});

describe('compared runs', () => {
  it('are judged at step 0 and about a hundred steps up to the last', () => {
    expect(evaluationSteps(5)).toEqual([0, 1, 2, 3, 4, 5]);
    const long = evaluationSteps(1000);
    expect(long.slice(0, 3)).toEqual([0, 10, 20]);
    expect(long.at(-1)).toBe(1000);
    expect(long).toHaveLength(101);
    expect(evaluationSteps(1001).at(-1)).toBe(1001);
  });

  it('give identical curves for identical variants: the same data order, the same numbers', () => {
    const circle = example('circle');
    const runs: ComparedRuns = {
      steps: 60,
      variants: [
        { name: 'A', changes: [{ type: 'learningRate', value: 0.05 }] },
        { name: 'B', changes: [{ type: 'learningRate', value: 0.05 }] },
      ],
    };
    const a = runVariant(variantGraph(circle, runs, 0), runs.steps);
    const b = runVariant(variantGraph(circle, runs, 1), runs.steps);
    expect(a.points).toHaveLength(61);
    expect(a.points.at(-1)!.testLoss).not.toBeNull();
    expect(b).toEqual(a);
  });

  it('see the same batches in the same order when they differ only in initialisation', () => {
    const circle = example('circle');
    const runs: ComparedRuns = {
      steps: 0,
      variants: [
        { name: 'network', changes: [] },
        { name: 'seed 7', changes: [{ type: 'seed', value: 7 }] },
        {
          name: 'He init, seed 8',
          changes: [
            { type: 'init', scheme: 'he' },
            { type: 'seed', value: 8 },
          ],
        },
      ],
    };
    const trainers = runs.variants.map((_, k) => trained(variantGraph(circle, runs, k), 0));
    // The starts differ: each variant draws its own initial weights…
    expect(trainers[1].theta).not.toEqual(trainers[0].theta);
    expect(trainers[2].theta).not.toEqual(trainers[1].theta);
    // …but over three epochs (a new shuffle each), every step hands out the same rows.
    const loader = trainers[0].loader!;
    const steps = 3 * Math.ceil(loader.table.train.count / loader.batchSize);
    for (let s = 0; s < steps; s++) {
      const batches = trainers.map((t) => {
        t.trainStep();
        return Array.from(t.loader!.batch.subarray(0, t.loader!.count));
      });
      expect(batches[1], `step ${s + 1}`).toEqual(batches[0]);
      expect(batches[2], `step ${s + 1}`).toEqual(batches[0]);
    }
    expect(loader.epoch).toBe(3);
    // The dropout masks come from the same order seed as the batches.
    expect(trainers.map((t) => t.plan.orderSeed)).toEqual([1, 1, 1]);
  });

  it('train a network without an order seed exactly as one whose order seed is its seed', () => {
    const circle = example('circle');
    const pinned = { ...circle, orderSeed: circle.seed };
    expect(trained(pinned, 40).theta).toEqual(trained(circle, 40).theta);
    // And a different order seed gives a different order, from the same start.
    const other = { ...circle, orderSeed: circle.seed + 1 };
    expect(trained(other, 0).theta).toEqual(trained(circle, 0).theta);
    expect(trained(other, 40).theta).not.toEqual(trained(circle, 40).theta);
  });

  it("follow the trainer's own steps: the border run's loss at step 4 is that of w ≈ −98.8", () => {
    const run = runVariant(border(), 4);
    // After step 4, w = −98.799 and b = 0.8995: relu(w·x + b) is 0 for 2.9, 3 and 1000 and
    // relu(98.799 + 0.8995) = 99.6985 at x = −1, so the mean of ½(ŷ − y)² over the four points is
    // (0 + ½·99.6985² + ½ + ½) / 4.
    const expected = (0.5 * 99.6985 ** 2 + 1) / 4;
    expect(run.points.at(-1)!.trainLoss).toBeCloseTo(expected, 1);
    expect(run.points[0].trainLoss).toBeCloseTo((0.5 * 3.9 ** 2 + 0 + 0.5 * 3 ** 2 + 0.5 * 1000 ** 2) / 4, 6);
  });

  it('summarise into a row: final losses, accuracy and the first step at the target', () => {
    const points = [
      { step: 0, trainLoss: 1, testLoss: 1.1, trainAccuracy: 0.5, testAccuracy: 0.4 },
      { step: 10, trainLoss: 0.3, testLoss: 0.4, trainAccuracy: 0.8, testAccuracy: 0.75 },
      { step: 20, trainLoss: 0.2, testLoss: 0.35, trainAccuracy: 0.9, testAccuracy: 0.85 },
    ];
    expect(summarizeRun(points, 0.3)).toEqual({
      step: 20,
      trainLoss: 0.2,
      testLoss: 0.35,
      accuracy: 0.85,
      accuracyOn: 'test',
      stepsToTarget: 10,
    });
    expect(summarizeRun(points, 0.1)?.stepsToTarget).toBeNull();
    expect(summarizeRun([], 0.1)).toBeNull();
  });
});
