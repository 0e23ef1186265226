/**
 * Runs an exported model with onnxruntime-node (the reference ONNX runtime, on the CPU) on a split of
 * the graph's dataset, and computes the engine's own predictions for the same rows to compare with.
 */
import * as ort from 'onnxruntime-node';
import type { Plan } from '../../../src/engine';
import type { DataTable, Split } from '../../../src/engine/datasets/table';
import type { OnnxFile } from '../../../src/engine/export/onnx';
import { onnxOutputs } from '../../../src/engine/export/onnx';
import { Runtime } from '../../../src/engine/runtime/runtime';

/** Each output of the model for the split's rows, flat (n × width, row-major). */
export async function runOnnx(
  file: OnnxFile,
  split: Split | undefined,
  nFeatures: number,
  /** How the split's features were standardized: the model takes the raw columns. */
  standardized?: DataTable['standardized'],
): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(file.bytes);
  const n = split?.count ?? 1;
  const feeds: Record<string, ort.Tensor> = {};
  file.inputs.forEach((name, j) => {
    const column = new Float32Array(n);
    for (let b = 0; b < n; b++) {
      const x = split!.x[b * nFeatures + j];
      column[b] = standardized ? x / standardized.scale[j] + standardized.mean[j] : x;
    }
    feeds[name] = new ort.Tensor('float32', column, [n, 1]);
  });
  const results = await session.run(feeds);
  await session.release();
  return file.outputs.map((name) => results[name].data as Float32Array);
}

/** The engine's forward pass (float64) on the split: each output the model has, flat. */
export function enginePredictions(plan: Plan, theta: Float64Array, split?: Split): Float64Array[] {
  const n = split ? split.count : 1;
  const rt = new Runtime(plan, theta, new Float64Array(theta.length), Math.max(1, n));
  rt.n = n;
  if (split && plan.data) rt.values.set(split.x, rt.offset(plan.data.features));
  rt.forward();
  return onnxOutputs(plan).map((ref) => {
    const slot = ref.node.outputs[ref.port];
    return rt.values.slice(rt.offset(slot), rt.offset(slot) + n * slot.width);
  });
}
