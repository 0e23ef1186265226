/**
 * ONNX in: a model Neurograph wrote comes back as the same network (export → import → export gives
 * the same weights, drawn as dense layers or neuron by neuron), and models that are not an MLP, or
 * not whole, are refused with every problem listed.
 */
import { describe, expect, it } from 'vitest';
import { compile, type Graph, type Plan, Trainer } from '../../src/engine';
import {
  decodeModel,
  encodeModel,
  exportOnnx,
  type ModelProto,
  tensorValues,
} from '../../src/engine/export/onnx';
import { importOnnx } from '../../src/format/onnx';
import { exampleCases, randomMlpCases } from '../export/graphs';

function planOf(graph: Graph): Plan {
  const { plan, diagnostics } = compile(graph);
  if (!plan) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return plan;
}

/** Each Gemm's weights and biases, in order, as the numbers of the file. */
function layers(bytes: Uint8Array): number[][][] {
  const graph = decodeModel(bytes).graph!;
  const init = new Map(graph.initializer!.map((t) => [t.name!, [...tensorValues(t)]]));
  return graph
    .node!.filter((n) => n.op_type === 'Gemm')
    .map((n) => [init.get(n.input![1])!, init.get(n.input![2])!]);
}

const ops = (bytes: Uint8Array) => decodeModel(bytes).graph!.node!.map((n) => n.op_type);

const trainedExport = (graph: Graph, name: string) => {
  const plan = planOf(graph);
  const trainer = new Trainer(plan);
  for (let s = 0; s < 10; s++) trainer.trainStep();
  return exportOnnx(plan, { name, theta: trainer.theta });
};

const mlps = [
  ...exampleCases().filter((c) =>
    ['example spiral', 'example sine', 'example gaussians3', 'example xor'].includes(c.name),
  ),
  ...randomMlpCases(12),
];

describe('ONNX import', () => {
  it.each(mlps.map((c) => [c.name, c] as const))(
    '%s: export → import → export keeps every weight',
    (_, c) => {
      const first = trainedExport(c.graph, c.name);
      for (const level of ['dense', 'neuron'] as const) {
        const imported = importOnnx(first.bytes, level);
        if (!imported.ok) throw new Error(imported.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        const again = exportOnnx(planOf(imported.document));
        expect(layers(again.bytes), level).toEqual(layers(first.bytes));
        expect(ops(again.bytes), level).toEqual(ops(first.bytes));
        expect(again.inputs).toEqual(first.inputs);
      }
    },
  );

  it('draws dense layers, or one neuron per unit with one weighted edge per input, left to right', () => {
    const first = trainedExport(exampleCases().find((c) => c.name === 'example spiral')!.graph, 'Spiral');
    const dense = importOnnx(first.bytes, 'dense');
    const neurons = importOnnx(first.bytes, 'neuron');
    if (!dense.ok || !neurons.ok) throw new Error('refused');
    expect(dense.document.nodes.map((n) => n.kind)).toEqual([
      'dataset',
      'dense',
      'dense',
      'dense',
      'loss.bce',
      'opt.adam',
    ]);
    expect(dense.document.nodes.find((n) => n.kind === 'dataset')!.params.dataset).toBe('spiral');
    // 2-8-8-1: 17 neurons; 2·8 + 8·8 + 8·1 = 88 weighted edges.
    expect(neurons.document.nodes.filter((n) => n.kind === 'neuron')).toHaveLength(17);
    expect(neurons.document.edges.filter((e) => e.weight !== undefined)).toHaveLength(88);
    const xs = dense.document.nodes.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(dense.document.name).toBe('Spiral');
  });

  it('reads MatMul + Add, Reshape of a 1-D input and Softmax, as other tools write them', () => {
    const f32 = (name: string, dims: number[], values: number[]) => ({
      name,
      dims,
      data_type: 1,
      float_data: values,
    });
    const model: ModelProto = {
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }],
      graph: {
        name: 'torch-like',
        input: [
          { name: 'input', type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_value: 2 }] } } } },
        ],
        output: [{ name: 'probs', type: { tensor_type: { elem_type: 1 } } }],
        initializer: [
          { name: 'shape', dims: [2], data_type: 7, int64_data: [1, -1] },
          f32('W', [2, 3], [1, 2, 3, 4, 5, 6]),
          f32('b', [3], [0.5, -0.5, 0]),
        ],
        node: [
          { op_type: 'Reshape', input: ['input', 'shape'], output: ['row'] },
          { op_type: 'MatMul', input: ['row', 'W'], output: ['z0'] },
          { op_type: 'Add', input: ['z0', 'b'], output: ['z'] },
          {
            op_type: 'Softmax',
            input: ['z'],
            output: ['probs'],
            attribute: [{ name: 'axis', type: 2, i: -1 }],
          },
        ],
      },
    };
    const r = importOnnx(encodeModel(model), 'dense');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const dense = r.document.nodes.find((n) => n.kind === 'dense')!;
    // MatMul's W is inputs × units; a dense layer holds units × inputs.
    expect(dense.params.weights).toEqual([1, 4, 2, 5, 3, 6]);
    expect(dense.params.biases).toEqual([0.5, -0.5, 0]);
    expect(r.document.nodes.map((n) => n.kind)).toContain('act.softmax');
    expect(r.document.nodes.find((n) => n.kind === 'dataset')!.params.dataset).toBe('gaussians3');
  });

  it('refuses a convolutional model, listing each unsupported operator and where it is', () => {
    const model: ModelProto = {
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }],
      graph: {
        name: 'cnn',
        input: [{ name: 'image', type: { tensor_type: { elem_type: 1 } } }],
        output: [{ name: 'y', type: { tensor_type: { elem_type: 1 } } }],
        initializer: [{ name: 'k', dims: [1, 1, 3, 3], data_type: 1, float_data: Array(9).fill(0.1) }],
        node: [
          { op_type: 'Conv', name: 'conv1', input: ['image', 'k'], output: ['c'] },
          { op_type: 'MaxPool', name: 'pool1', input: ['c'], output: ['p'] },
          { op_type: 'Flatten', input: ['p'], output: ['y'] },
        ],
      },
    };
    const r = importOnnx(encodeModel(model));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual({
      path: 'graph.node[0] (“conv1”)',
      message: 'Conv: convolutions are not part of an MLP',
    });
    expect(r.problems).toContainEqual({
      path: 'graph.node[1] (“pool1”)',
      message: 'MaxPool: pooling is not part of an MLP',
    });
  });

  it('refuses a truncated file and a file that is not ONNX, saying so', () => {
    const whole = trainedExport(
      exampleCases().find((c) => c.name === 'example spiral')!.graph,
      'Spiral',
    ).bytes;
    for (const bytes of [
      whole.subarray(0, Math.floor(whole.length / 2)),
      new TextEncoder().encode('{"format":"neurograph"}'),
    ]) {
      const r = importOnnx(bytes);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].message).toMatch(/truncated/);
    }
  });

  it('refuses weights kept in an external file', () => {
    const model: ModelProto = {
      graph: {
        input: [
          {
            name: 'x',
            type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_param: 'N' }, { dim_value: 2 }] } } },
          },
        ],
        output: [{ name: 'y' }],
        initializer: [
          {
            name: 'W',
            dims: [1, 2],
            data_type: 1,
            data_location: 1,
            external_data: [{ key: 'location', value: 'w.bin' }],
          },
        ],
        node: [{ op_type: 'Gemm', input: ['x', 'W'], output: ['y'] }],
      },
    };
    const r = importOnnx(encodeModel(model));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/external file/);
  });
});
