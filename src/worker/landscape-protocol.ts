/** Messages between the Landscape panel and its worker (landscape.worker.ts). */
import type { Graph } from '../engine/graph';
import type { PlaneKind } from '../engine/landscape';

export interface LandscapeRequest {
  id: number;
  graph: Graph;
  /** The step shown: the path runs from step 0 to here. */
  step: number;
  directions: 'random' | 'pca';
  /** Grid sizes to compute in turn, coarse first (e.g. [11, 41]); one reply each. */
  sizes: number[];
}

export interface LandscapeGrid {
  kind: PlaneKind;
  names: [string, string];
  /** The step whose θ the plane passes through (random and principal planes). */
  centerStep: number;
  size: number;
  values: [number[], number[]];
  /** size² losses, loss[i·size + j] at (values[0][i], values[1][j]); NaN where not finite. */
  loss: Float64Array;
  min: number;
  max: number;
}

export type LandscapeReply =
  | {
      id: number;
      ok: true;
      /** Whether a finer grid follows for this request. */
      final: boolean;
      grid: LandscapeGrid;
      /**
       * The path in plane coordinates from step 0 to `step`: every step of a short run, every 2nd,
       * 4th, … of a long one (see landscape-path.ts); the last point is exactly `step`'s θ.
       */
      path: [number, number][];
      /** The step the path ends at: the one asked for, or the last finite one before it. */
      step: number;
      /** Training stopped before the step asked for (a number was not finite there). */
      stopped: boolean;
      /** The training-set loss at the θ shown (NaN when it is not finite). */
      loss: number;
    }
  | { id: number; ok: false; error: string };
