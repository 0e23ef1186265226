/**
 * Snapshot packing: what the canvas shows of a training step, in compact typed arrays (one value
 * per buffer number, for one example and for the batch mean), and the buffers to transfer with
 * postMessage. The session (session.ts) decides what goes into a snapshot; this packs it.
 */
import type { Plan } from '../compiler/plan';
import type { Runtime } from '../runtime/runtime';
import type { ArenaSnapshot, TrainingSnapshot } from './session';

/** Per buffer number j: example e's value and the batch mean, laid out at slot.base + j. */
export function compact(plan: Plan, rt: Runtime, arena: Float64Array, e: number): ArenaSnapshot {
  const example = new Float64Array(plan.slotWidth);
  const mean = new Float64Array(plan.slotWidth);
  const n = rt.n;
  if (n === 0) return { example, mean };
  for (const node of plan.order) {
    for (const slots of [node.outputs, node.scratch]) {
      for (const slot of Object.values(slots)) {
        const off = rt.offset(slot);
        const w = slot.width;
        for (let j = 0; j < w; j++) {
          example[slot.base + j] = arena[off + e * w + j];
          let s = 0;
          for (let b = 0; b < n; b++) s += arena[off + b * w + j];
          mean[slot.base + j] = s / n;
        }
      }
    }
  }
  return { example, mean };
}

/** The buffers of a snapshot's typed arrays, for postMessage's transfer list. */
export function snapshotTransferables(s: TrainingSnapshot): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    s.theta,
    s.thetaGrad,
    s.delta,
    s.batch.indices,
    s.values.example,
    s.values.mean,
    s.grads.example,
    s.grads.mean,
    s.losses.values,
    ...(s.losses.penalties ? [s.losses.penalties] : []),
    ...(s.optimizer?.state ?? []),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
