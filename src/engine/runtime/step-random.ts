/**
 * The random numbers a kind draws while it runs (Dropout's masks): a pure function of the
 * document's order seed (Graph.orderSeed), the node, the training step and the number's index in
 * the batch. No generator state moves, so a replay, a seek to any step in the history, a finite-difference check (which
 * runs the same step's forward many times) and the exported PyTorch script (export/rng.ts ports
 * `uniformAt`) all see the very same masks, and drawing allocates nothing.
 */
import { hashString } from '../rng';

/** Whether a runtime trains (Dropout drops, BatchNorm uses the batch) or evaluates (test set, plane). */
export type RunMode = 'train' | 'eval';

/** The step the runtime is on, shared by every node's stream of one runtime. */
export interface StepClock {
  /** Completed training steps when this forward pass began: step t's pass draws with t. */
  step: number;
}

/** MurmurHash3's finaliser: every input bit flips each output bit with probability about ½. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** A node's key: its id hashed, mixed with the document's order seed (as rngFor mixes a seed). */
export function streamKey(seed: number, nodeId: string): number {
  return hashString(`stream:${nodeId}`) ^ Math.imul(seed | 0, 0x9e3779b1);
}

/** Uniform in [0, 1), with 32 random bits: number `i` of step `step` of the stream `key`. */
export function uniformAt(key: number, step: number, i: number): number {
  const s = fmix32((key + Math.imul(step, 0x9e3779b1)) | 0);
  const h = fmix32(s ^ ((Math.imul(i, 0x85ebca6b) + 0x27d4eb2f) | 0));
  return (h >>> 0) / 4294967296;
}

/** One node's numbers for the runtime's current step. */
export class StepRandom {
  constructor(
    readonly key: number,
    private readonly clock: StepClock,
  ) {}

  get step(): number {
    return this.clock.step;
  }

  /** Number `i` of this step (a batch's numbers are indexed example by example, b·width + j). */
  uniform(i: number): number {
    return uniformAt(this.key, this.clock.step, i);
  }
}
