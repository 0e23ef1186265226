import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args';
import { parseVariant } from '../../src/cli/variant-spec';
import { neurograph } from './neurograph';

/** The border example's training-set loss, ½(relu(w·x + b) − y)² over its four points, by hand. */
function borderLoss(w: number, b: number): number {
  const xs = [2.9, -1, 3, 1000];
  const ys = [0, 0, 1, 1];
  return xs.reduce((s, x, k) => s + 0.5 * (Math.max(0, w * x + b) - ys[k]) ** 2, 0) / 4;
}

describe('the --variant grammar', () => {
  it('reads the engine’s change types, with short names and a name of its own', () => {
    expect(parseVariant('name=fast SGD, lr=0.1, batch=32')).toEqual({
      name: 'fast SGD',
      changes: [
        { type: 'learningRate', value: 0.1 },
        { type: 'batchSize', value: 32 },
      ],
    });
    expect(parseVariant('optimizer=adam,learningRate=0.01').changes).toEqual([
      { type: 'optimizer', kind: 'opt.adam' },
      { type: 'learningRate', value: 0.01 },
    ]);
    expect(parseVariant('optimizer=momentum').changes).toEqual([
      { type: 'optimizer', kind: 'opt.sgd', params: { momentum: 0.9 } },
    ]);
    expect(parseVariant('activation=h1:tanh, loss=mse, init=he, seed=7').changes).toEqual([
      { type: 'activation', node: 'h1', activation: 'tanh' },
      { type: 'loss', kind: 'loss.mse' },
      { type: 'init', scheme: 'he' },
      { type: 'seed', value: 7 },
    ]);
  });

  it('refuses what it cannot read, saying what', () => {
    expect(() => parseVariant('momentum=0.9')).toThrow(UsageError);
    expect(() => parseVariant('momentum=0.9')).toThrow('unknown change "momentum"');
    expect(() => parseVariant('lr')).toThrow('"lr" is not key=value');
    expect(() => parseVariant('lr=fast')).toThrow('learningRate=fast is not a number');
    expect(() => parseVariant('activation=tanh')).toThrow('must name its node');
    expect(() => parseVariant('name=only a name')).toThrow('no change besides its name');
  });
});

describe('neurograph compare', { timeout: 60_000 }, () => {
  it('prints one JSON object: each run’s result, its changes and its judged points', async () => {
    const r = await neurograph(
      'compare',
      'example:border-at-3',
      '--variant',
      'lr=1e-8',
      '--variant',
      'name=Adam, optimizer=adam',
      '--steps',
      '4',
      '--target',
      '2000',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['steps', 'target', 'judgedEvery', 'runs']);
    expect(out).toMatchObject({ steps: 4, target: 2000, judgedEvery: 1 });
    expect(out.runs.map((x: { name: string }) => x.name)).toEqual([
      'as it is',
      'learning rate η = 1e−8',
      'Adam',
    ]);
    for (const run of out.runs) {
      expect(Object.keys(run)).toEqual([
        'name',
        'changes',
        'step',
        'trainLoss',
        'testLoss',
        'accuracy',
        'accuracyOn',
        'stepsToTarget',
        'stepsToTargetExact',
        'stoppedAt',
        'points',
      ]);
      // Steps 0…4, each judged; every run starts from the same w = 1, b = 1.
      expect(run.points.map((p: { step: number }) => p.step)).toEqual([0, 1, 2, 3, 4]);
      expect(run.points[0].trainLoss).toBeCloseTo(borderLoss(1, 1), 9);
      expect(run.testLoss).toBeNull(); // the border example has no test set
      expect(run.accuracyOn).toBe('train');
    }
    expect(out.runs[1].changes).toEqual([{ type: 'learningRate', value: 1e-8 }]);
    // As it is, step 4 (x = 1000) throws w to −98.799 and b to 0.8995: the loss falls below 2000 then.
    const [asItIs, timid] = out.runs;
    expect(asItIs.trainLoss).toBeCloseTo(borderLoss(-98.799, 0.8995), 0);
    expect(asItIs.stepsToTarget).toBe(4);
    // η = 1e−8 moves w by 1e−8 · (1001 − 1) · 1000 = 0.01 at step 4 (steps 1–3 by under 1e−6): no jump.
    expect(timid.trainLoss).toBeCloseTo(borderLoss(0.99, 1), 0);
    expect(timid.trainLoss).toBeGreaterThan(2000);
    expect(timid.stepsToTarget).toBeNull();
  });

  it('prints a table with a row a run and what the columns measure', async () => {
    const r = await neurograph(
      'compare',
      'example:border-at-3',
      '--variant',
      'lr=1e-8',
      '--steps',
      '4',
      '--target',
      '2000',
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^run\s+training loss\s+test loss\s+accuracy\s+loss ≤ 2000 at$/);
    expect(lines[1]).toMatch(/^as it is\s+\S+\s+—\s+\S+ % \(train\)\s+step 4$/);
    expect(lines[2]).toMatch(/^learning rate η = 1e−8\s+\S+\s+—\s+.*not reached$/);
    expect(lines.at(-1)).toBe('Judged on the whole training (and test) set at every step of 4.');
  });

  it('says which variant does not fit the network, and exits 1; a bad flag exits 2', async () => {
    const bad = await neurograph('compare', 'example:border-at-3', '--variant', 'activation=loss:tanh');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      '--variant 1: change 1 (activation): the network has no neuron or dense layer "loss"',
    );
    const none = await neurograph('compare', 'example:border-at-3');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give at least one --variant');
    const many = ['a', 'b', 'c', 'd'].flatMap((_, k) => ['--variant', `lr=0.${k + 1}`]);
    expect((await neurograph('compare', 'example:border-at-3', ...many)).stderr).toContain(
      'at most 3 --variant',
    );
  });
});
