/**
 * How a trainable block gets its first values. Draws come from a generator seeded by the document
 * seed and the block's own key, so adding a node never changes another node's initial weights.
 */
import { type Rng, rngFor } from './rng';

export type Init =
  | { kind: 'values'; values: readonly number[] }
  | { kind: 'constant'; value: number }
  /** Glorot/Xavier uniform: U(±√(6/(fanIn+fanOut))). */
  | { kind: 'xavier'; fanIn: number; fanOut: number }
  /** He/Kaiming normal: N(0, 2/fanIn). */
  | { kind: 'he'; fanIn: number }
  | { kind: 'uniform'; limit: number };

export const INIT_SCHEMES = ['xavier', 'he', 'uniform', 'zeros'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

export const INIT_LABELS: Record<InitScheme, string> = {
  xavier: 'Xavier/Glorot uniform',
  he: 'He normal',
  uniform: 'Uniform ±0.5',
  zeros: 'Zeros',
};

export function schemeInit(scheme: InitScheme, fanIn: number, fanOut: number): Init {
  switch (scheme) {
    case 'xavier':
      return { kind: 'xavier', fanIn, fanOut };
    case 'he':
      return { kind: 'he', fanIn };
    case 'uniform':
      return { kind: 'uniform', limit: 0.5 };
    case 'zeros':
      return { kind: 'constant', value: 0 };
  }
}

/** Fills `out` (the block's range of θ) from its init spec. */
export function initialize(init: Init, out: Float64Array, seed: number, key: string): void {
  switch (init.kind) {
    case 'values':
      for (let i = 0; i < out.length; i++) out[i] = init.values[i % init.values.length];
      return;
    case 'constant':
      out.fill(init.value);
      return;
    case 'xavier': {
      const limit = Math.sqrt(6 / Math.max(1, init.fanIn + init.fanOut));
      fillUniform(rngFor(seed, key), out, limit);
      return;
    }
    case 'he': {
      const rng = rngFor(seed, key);
      const sd = Math.sqrt(2 / Math.max(1, init.fanIn));
      for (let i = 0; i < out.length; i++) out[i] = rng.normal() * sd;
      return;
    }
    case 'uniform':
      fillUniform(rngFor(seed, key), out, init.limit);
      return;
  }
}

function fillUniform(rng: Rng, out: Float64Array, limit: number): void {
  for (let i = 0; i < out.length; i++) out[i] = (rng.next() * 2 - 1) * limit;
}
