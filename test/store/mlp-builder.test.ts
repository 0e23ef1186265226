import { describe, expect, it } from 'vitest';
import { buildMlp } from '../../src/engine/examples/mlp';
import { checkMlpForm, type MlpForm, mlpDefaults, parseSizes } from '../../src/store';

describe('layer sizes as typed', () => {
  it('reads dashes, commas or spaces', () => {
    expect(parseSizes('2-4-4-1')).toEqual({ ok: true, sizes: [2, 4, 4, 1] });
    expect(parseSizes(' 2, 8 ,1 ')).toEqual({ ok: true, sizes: [2, 8, 1] });
    expect(parseSizes('2 3 1')).toEqual({ ok: true, sizes: [2, 3, 1] });
  });

  it('says what is wrong', () => {
    expect(parseSizes('')).toMatchObject({ ok: false, error: expect.stringContaining('like 2-4-4-1') });
    expect(parseSizes('2-a-1')).toMatchObject({ ok: false, error: expect.stringContaining('“a”') });
    expect(parseSizes('2-1.5-1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('whole numbers'),
    });
    expect(parseSizes('2-0-1')).toMatchObject({ ok: false, error: expect.stringContaining('at least 1') });
    expect(parseSizes('2')).toMatchObject({
      ok: false,
      error: expect.stringContaining('input and an output'),
    });
  });
});

describe('defaults per task', () => {
  it('binary: sigmoid output and binary cross-entropy, neuron by neuron', () => {
    const f = mlpDefaults('circle');
    expect(f).toMatchObject({ sizes: '2-4-4-1', output: 'sigmoid', loss: 'loss.bce', level: 'neuron' });
    expect(checkMlpForm(f).errors).toEqual({});
  });

  it('regression: linear output and mean squared error, one input for a 1-D set', () => {
    const f = mlpDefaults('sine');
    expect(f).toMatchObject({ sizes: '1-4-4-1', output: 'linear', loss: 'loss.mse' });
    expect(checkMlpForm(f).errors).toEqual({});
  });

  it('multiclass: dense layers, a softmax and categorical cross-entropy, one output per class', () => {
    const f = mlpDefaults('gaussians3');
    expect(f).toMatchObject({ sizes: '2-4-4-3', output: 'softmax', loss: 'loss.cce', level: 'dense' });
    const check = checkMlpForm(f);
    expect(check.errors).toEqual({});
    expect(check.spec).toMatchObject({ softmax: true, output: 'linear', level: 'dense' });
  });

  it('switching dataset keeps the hidden layers and fits the ends to the new set', () => {
    const f = { ...mlpDefaults('circle'), sizes: '2-8-3-1', hidden: 'relu' as const };
    expect(mlpDefaults('gaussians3', f)).toMatchObject({ sizes: '2-8-3-3', hidden: 'relu' });
    expect(mlpDefaults('linear', f)).toMatchObject({ sizes: '1-8-3-1' });
  });
});

describe('checking the form', () => {
  const circle = mlpDefaults('circle');

  it('the first and last sizes must fit the dataset', () => {
    expect(checkMlpForm({ ...circle, sizes: '3-4-1' }).errors.sizes).toMatch(
      /2 inputs \(x1, x2\).*must be 2/,
    );
    expect(checkMlpForm({ ...circle, sizes: '2-4-2' }).errors.sizes).toMatch(/last size must be 1/);
    const g3 = mlpDefaults('gaussians3');
    expect(checkMlpForm({ ...g3, sizes: '2-4-1' }).errors.sizes).toMatch(/3 classes.*must be 3/);
  });

  it('neuron by neuron is impossible with several outputs, and says so', () => {
    const g3 = mlpDefaults('gaussians3');
    const check = checkMlpForm({ ...g3, level: 'neuron' });
    expect(check.errors.level).toMatch(/one output neuron.*3 classes.*dense layers/);
    expect(check.spec).toBeUndefined();
  });

  it('neuron by neuron is limited to what stays readable', () => {
    expect(checkMlpForm({ ...circle, sizes: '2-40-1' }).errors.sizes).toMatch(/At most 32 neurons/);
    expect(checkMlpForm({ ...circle, sizes: '2-30-30-30-1' }).errors.sizes).toMatch(/connections/);
    expect(checkMlpForm({ ...circle, sizes: '2-40-1', level: 'dense' }).errors).toEqual({});
  });

  it('checks the learning rate and that the loss fits the task', () => {
    expect(checkMlpForm({ ...circle, learningRate: 'fast' }).errors.learningRate).toMatch(/a number/);
    expect(checkMlpForm({ ...circle, learningRate: '0' }).errors.learningRate).toMatch(/above 0/);
    expect(checkMlpForm({ ...circle, loss: 'loss.cce' }).errors.loss).toMatch(/does not fit two classes/);
    expect(checkMlpForm({ ...circle, output: 'softmax' }).errors.output).toMatch(/several outputs/);
  });

  it('gives a spec buildMlp wires, with the counts the dialog shows', () => {
    const form: MlpForm = { ...circle, name: '', learningRate: '0.05', optimizer: 'opt.sgd' };
    const check = checkMlpForm(form);
    const graph = buildMlp(check.spec!);
    // data, 4 + 4 + 1 neurons, loss, optimizer; 8 + 16 + 4 weights, prediction, target, loss.
    expect(check.counts).toEqual({ nodes: 12, edges: 31 });
    expect(graph.nodes).toHaveLength(12);
    expect(graph.name).toBe('MLP 2-4-4-1 on Circle');
    const optimizer = graph.nodes.find((n) => n.kind === 'opt.sgd')!;
    expect(optimizer.params).toEqual({ lr: 0.05 });
  });

  it('a linear output with binary cross-entropy is read as logits', () => {
    const check = checkMlpForm({ ...circle, output: 'linear' });
    expect(check.spec!.loss).toEqual({ kind: 'loss.bce', params: { input: 'logits' } });
    expect(checkMlpForm(circle).spec!.loss).toEqual({ kind: 'loss.bce', params: {} });
  });
});
