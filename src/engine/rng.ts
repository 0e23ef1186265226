/**
 * Seeded randomness for everything the engine draws (initial weights, datasets, shuffling).
 * Backed by pure-rand's xoroshiro128+; never Math.random, so a seed reproduces a run bit for bit.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle in place. */
  shuffle(a: Int32Array | number[]): void;
  /** The generator's whole state (a copy), so a checkpoint can carry on exactly from here. */
  getState(): number[];
  /** Continues from a state `getState` returned. */
  setState(state: readonly number[]): void;
}

export function createRng(seed: number): Rng {
  let gen = xoroshiro128plus(seed | 0);
  let spare: number | null = null;
  const next = () => uniformFloat64(gen);
  return {
    next,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = next();
      while (u <= Number.MIN_VALUE) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n) {
      return Math.floor(next() * n);
    },
    getState() {
      return [...gen.getState(), spare ?? Number.NaN];
    },
    setState(state) {
      gen = xoroshiro128plusFromState(state.slice(0, -1));
      const last = state[state.length - 1];
      spare = Number.isNaN(last) ? null : last;
    },
    shuffle(a) {
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
    },
  };
}

/** A generator for one purpose (a parameter block, a dataset), independent of every other key. */
export function rngFor(seed: number, key: string): Rng {
  return createRng(hashString(key) ^ Math.imul(seed | 0, 0x9e3779b1));
}

/** FNV-1a, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
