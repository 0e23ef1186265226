import { describe, expect, it } from 'vitest';
import {
  bool,
  choice,
  num,
  numbers,
  type ParamSpecs,
  paramApplies,
  resolveParams,
  strings,
  text,
} from '../../src/engine/params';
import { getKind } from '../../src/engine/registry';

describe('parameters that only apply to some settings', () => {
  const neuronAlpha = (getKind('neuron')!.params as ParamSpecs).alpha;
  const denseAlpha = (getKind('dense')!.params as ParamSpecs).alpha;

  it('a neuron’s α applies with leaky ReLU and ELU only', () => {
    for (const spec of [neuronAlpha, denseAlpha]) {
      expect(paramApplies(spec, { activation: 'leaky_relu' })).toBe(true);
      expect(paramApplies(spec, { activation: 'elu' })).toBe(true);
      for (const other of ['linear', 'relu', 'sigmoid', 'tanh']) {
        expect(paramApplies(spec, { activation: other })).toBe(false);
      }
    }
  });

  it('a parameter without a condition always applies', () => {
    expect(paramApplies((getKind('neuron')!.params as ParamSpecs).activation, {})).toBe(true);
  });
});

describe('what a wrong parameter value is told', () => {
  // zod/mini carries no English messages: each one below is written by params.ts itself.
  const specs = {
    rate: num('Rate', 0.1, { min: 0, max: 1 }),
    steps: num('Steps', 1, { integer: true }),
    mode: choice('Mode', 'a', ['a', 'b']),
    shuffle: bool('Shuffle', true),
    note: text('Note', '', { maxLength: 5 }),
    caption: text('Caption', ''),
    init: numbers('Initial values'),
    columns: strings('Columns'),
  } satisfies ParamSpecs;
  const messageFor = (name: string, value: unknown) =>
    resolveParams(specs, { [name]: value }).issues.map((i) => i.message);

  it('a value of the wrong type names what was expected and what was given', () => {
    expect(messageFor('rate', '0.5')).toEqual(['Rate must be a number, not a string']);
    expect(messageFor('shuffle', 1)).toEqual(['Shuffle must be a boolean, not a number']);
    expect(messageFor('mode', null)).toEqual(['Mode must be a string, not null']);
    expect(messageFor('init', { x: 1 })).toEqual(['Initial values must be an array, not an object']);
    expect(messageFor('init', [1, '2'])).toEqual(['Initial values must be a number, not a string']);
    expect(messageFor('columns', ['a', 3])).toEqual(['Columns must be a string, not a number']);
  });

  it('NaN and infinities are numbers to a learner, but not finite ones', () => {
    expect(messageFor('rate', Number.POSITIVE_INFINITY)).toEqual(['Rate must be a finite number']);
    expect(messageFor('rate', Number.NaN)).toEqual(['Rate must be a finite number']);
  });

  it('a value out of range, or not whole, or not an option, says the rule', () => {
    expect(messageFor('rate', 2)).toEqual(['Rate must be at most 1']);
    expect(messageFor('rate', -1)).toEqual(['Rate must be at least 0']);
    expect(messageFor('steps', 1.5)).toEqual(['Steps must be a whole number']);
    expect(messageFor('mode', 'c')).toEqual(['Mode must be one of a, b']);
  });

  it('text and lists too long say their limit', () => {
    expect(messageFor('note', 'abcdef')).toEqual(['Note must be at most 5 characters']);
    expect(messageFor('caption', 'x'.repeat(2001))).toEqual(['Caption must be at most 2000 characters']);
    expect(messageFor('columns', ['x'.repeat(201)])).toEqual([
      'Columns must hold names of at most 200 characters each',
    ]);
    expect(
      messageFor(
        'columns',
        Array.from({ length: 1001 }, (_, i) => `c${i}`),
      ),
    ).toEqual(['Columns must list at most 1000 names']);
  });

  it('a valid value is taken, an unknown parameter reported', () => {
    const { values, issues } = resolveParams(specs, { rate: 0.5, colour: 'red' });
    expect(values.rate).toBe(0.5);
    expect(issues).toEqual([{ param: 'colour', message: 'unknown parameter "colour"' }]);
  });
});
