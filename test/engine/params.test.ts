import { describe, expect, it } from 'vitest';
import { type ParamSpecs, paramApplies } from '../../src/engine/params';
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
