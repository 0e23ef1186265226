/**
 * An ONNX graph under construction: nodes in execution order, float32 initializers and unique tensor
 * names, plus the views of values the exporter passes around. A value is an (N × width) tensor, one
 * column of one (a neuron of a layer computed as one Gemm), or several such side by side; a view
 * becomes a tensor (Slice, Concat) only where an operator needs one, so a layer of neurons feeding
 * the next layer whole costs no extra node.
 */
import {
  type AttributeProto,
  AttributeType,
  floatTensor,
  int64Tensor,
  type NodeProto,
  type TensorProto,
} from './proto';

export type Value =
  | { tensor: string; width: number }
  | { columnOf: string; index: number; total: number; width: 1 }
  | { parts: Value[]; width: number };

export const attr = {
  float: (name: string, f: number): AttributeProto => ({ name, type: AttributeType.FLOAT, f }),
  int: (name: string, i: number): AttributeProto => ({ name, type: AttributeType.INT, i }),
};

export class OnnxGraph {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private readonly names = new Set<string>();
  private readonly columns = new Map<string, string>();
  private counter = 0;

  /** A tensor name not used yet: `hint`, or `hint_2`, `hint_3`, … */
  fresh(hint: string): string {
    const base = hint.trim() || 'value';
    let name = base;
    for (let k = 2; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  /** Reserves a name exactly as given (graph inputs, outputs); false if it is taken. */
  claim(name: string): boolean {
    if (this.names.has(name)) return false;
    this.names.add(name);
    return true;
  }

  /** Appends `opType(inputs)` and returns the name of its one output. */
  op(opType: string, inputs: string[], hint: string, attribute: AttributeProto[] = []): string {
    const output = this.fresh(hint);
    this.nodes.push({
      op_type: opType,
      name: `${opType}_${++this.counter}`,
      input: inputs,
      output: [output],
      ...(attribute.length > 0 ? { attribute } : {}),
    });
    return output;
  }

  /** A float32 initializer. */
  floats(hint: string, dims: number[], values: ArrayLike<number>): string {
    const name = this.fresh(hint);
    this.initializers.push(floatTensor(name, dims, values));
    return name;
  }

  /** An int64 initializer. */
  ints(hint: string, values: readonly number[]): string {
    const name = this.fresh(hint);
    this.initializers.push(int64Tensor(name, [values.length], values));
    return name;
  }

  /** A view as one tensor: a column is sliced out (once per column), parts are concatenated. */
  tensor(value: Value): string {
    if ('tensor' in value) return value.tensor;
    if ('columnOf' in value) {
      const key = `${value.columnOf}\u0000${value.index}`;
      let name = this.columns.get(key);
      if (!name) {
        name = this.op(
          'Slice',
          [
            value.columnOf,
            this.ints('start', [value.index]),
            this.ints('end', [value.index + 1]),
            this.ints('axis', [1]),
          ],
          `${value.columnOf}[${value.index}]`,
        );
        this.columns.set(key, name);
      }
      return name;
    }
    return this.concat(value.parts);
  }

  /**
   * Values side by side as one (N × Σ width) tensor. Columns 0…k−1 of one k-wide tensor, in order,
   * are that tensor itself.
   */
  concat(values: readonly Value[]): string {
    const flat: Value[] = [];
    const spread = (v: Value): void => {
      if ('parts' in v) for (const p of v.parts) spread(p);
      else flat.push(v);
    };
    for (const v of values) spread(v);
    const runs: Value[] = [];
    for (let i = 0; i < flat.length; ) {
      const v = flat[i];
      if ('columnOf' in v && v.index === 0) {
        let j = 1;
        while (j < v.total) {
          const w = flat[i + j];
          if (!w || !('columnOf' in w) || w.columnOf !== v.columnOf || w.index !== j) break;
          j++;
        }
        if (j === v.total) {
          runs.push({ tensor: v.columnOf, width: v.total });
          i += j;
          continue;
        }
      }
      runs.push(v);
      i++;
    }
    const tensors = runs.map((r) => this.tensor(r));
    if (tensors.length === 1) return tensors[0];
    return this.op('Concat', tensors, 'concat', [attr.int('axis', 1)]);
  }
}
