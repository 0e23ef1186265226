/**
 * The activation table is the one definition of every elementwise activation: each row is complete,
 * its f′ agrees with finite differences of its f, the batch kernels compute exactly the row, its
 * Python forms compute the same f, and the kinds, the neuron's choices and its α come from the row.
 */
import { execFileSync } from 'node:child_process';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { ELEMENTWISE_OF_ONNX_OP } from '../../src/engine/export/onnx';
import { OnnxGraph } from '../../src/engine/export/onnx/builder';
import { activation, ONNX_ROWS } from '../../src/engine/export/onnx/kinds';
import { encodeModel } from '../../src/engine/export/onnx/proto';
import { preludeFor } from '../../src/engine/export/prelude';
import {
  applyElementwise,
  backElementwise,
  ELEMENTWISE,
  ELEMENTWISE_IDS,
  elementwisePython,
} from '../../src/engine/kinds/activation-functions';
import { denseKind, neuronKind } from '../../src/engine/kinds/neurons';
import { type ChoiceSpec, paramApplies, resolveParams } from '../../src/engine/params';
import { getKind } from '../../src/engine/registry';
import { ensureTorch, PYTHON } from '../export/python';

/** Away from the kink at 0, where a central difference straddles both sides. */
const POINTS = [-3.1, -1.2, -0.4, -0.01, 0.02, 0.5, 1.7, 4.2];
const EPS = 1e-6;
const ATOL = 1e-5;
const RTOL = 1e-3;
/** An α other than any default, so a form that ignored α would be caught. */
const ALPHA = 0.3;

const alphaOf = (id: (typeof ELEMENTWISE_IDS)[number]) => (ELEMENTWISE[id].alpha ? ALPHA : 0);

describe('every elementwise activation', () => {
  it.each(ELEMENTWISE_IDS)(
    '%s has a label, a description, an icon, TeX, f, f′ and both Python forms',
    (id) => {
      const row = ELEMENTWISE[id];
      expect(row.id).toBe(id);
      for (const text of [row.label, row.description, row.icon, row.tex])
        expect(text.length).toBeGreaterThan(0);
      expect(row.f(0.5, alphaOf(id))).toEqual(expect.any(Number));
      // Only the identity may go without Python forms: the exporters write it as z itself.
      if (row.python === undefined) expect(elementwisePython(id, 0, 'z')).toBe('z');
      else {
        expect(row.python.torch).toMatch(/return /);
        expect(row.python.numpy).toMatch(/return /);
      }
    },
  );

  it.each(ELEMENTWISE_IDS)('%s: f′ matches central differences of f (float64, ε = 1e-6)', (id) => {
    const { f, df } = ELEMENTWISE[id];
    const a = alphaOf(id);
    for (const x of POINTS) {
      const numeric = (f(x + EPS, a) - f(x - EPS, a)) / (2 * EPS);
      const analytic = df(x, f(x, a), a);
      expect(Math.abs(analytic - numeric), `${id}′(${x})`).toBeLessThanOrEqual(
        ATOL + RTOL * Math.abs(numeric),
      );
    }
  });

  it.each(ELEMENTWISE_IDS)('%s: the batch kernels compute exactly f and g·f′, kink included', (id) => {
    const { f, df } = ELEMENTWISE[id];
    const a = alphaOf(id);
    const xs = [...POINTS, 0];
    const n = xs.length;
    // Offsets inside larger arrays, as a layer's slots sit inside the values buffer.
    const x = new Float64Array(n + 2);
    x.set(xs, 2);
    const y = new Float64Array(n + 1);
    applyElementwise(id, a, x, 2, y, 1, n);
    const g = Float64Array.from(xs, (_, j) => 0.5 + j);
    const out = new Float64Array(n);
    backElementwise(id, a, x, 2, y, 1, g, 0, out, 0, n);
    for (let j = 0; j < n; j++) {
      expect(y[1 + j], `${id}(${xs[j]})`).toBe(f(xs[j], a));
      expect(out[j], `g·${id}′(${xs[j]})`).toBe(g[j] * df(xs[j], f(xs[j], a), a));
    }
  });

  it('every row is an activation node act.<id> with its label, TeX and α default', () => {
    for (const id of ELEMENTWISE_IDS) {
      const kind = getKind(`act.${id}`);
      expect(kind?.label).toBe(ELEMENTWISE[id].label);
      expect(kind?.formula).toBe(ELEMENTWISE[id].tex);
      expect(kind?.params.alpha?.default).toBe(ELEMENTWISE[id].alpha?.default);
    }
  });

  it("the Python forms compute the row's f, in NumPy and in PyTorch", () => {
    ensureTorch();
    const calls = ELEMENTWISE_IDS.map((id) => elementwisePython(id, alphaOf(id), 'z'));
    const script = (backend: 'torch' | 'numpy', array: string) =>
      [
        ...preludeFor(backend, calls.join('\n')),
        `z = ${array}`,
        `print(json.dumps([[float(v) for v in r] for r in [${calls.join(', ')}]]))`,
      ].join('\n\n');
    const z = `[${POINTS.join(', ')}, 0.0]`;
    const run = (code: string) =>
      JSON.parse(execFileSync(PYTHON, ['-c', code], { encoding: 'utf8', timeout: 120_000 })) as number[][];
    const numpy = run(`import json\nimport numpy as np\n\n${script('numpy', `np.array(${z})`)}`);
    const torch = run(
      `import json\nimport torch\ntorch.set_default_dtype(torch.float64)\n\n${script('torch', `torch.tensor(${z})`)}`,
    );
    for (const [i, id] of ELEMENTWISE_IDS.entries()) {
      const expected = [...POINTS, 0].map((x) => ELEMENTWISE[id].f(x, alphaOf(id)));
      for (const [j, want] of expected.entries()) {
        expect(numpy[i][j], `numpy ${id}`).toBeCloseTo(want, 12);
        expect(torch[i][j], `torch ${id}`).toBeCloseTo(want, 12);
      }
    }
  }, 180_000);
});

/** f applied by the row's ONNX form, run by onnxruntime on `xs` (float32, one column). */
async function runOnnxForm(id: (typeof ELEMENTWISE_IDS)[number], xs: number[]): Promise<Float32Array> {
  const g = new OnnxGraph();
  g.claim('z');
  const y = activation(g, id, alphaOf(id), 'z', 'y');
  // The identity writes no node: the output copies z.
  if (y === 'z') g.nodes.push({ op_type: 'Identity', name: 'copy', input: ['z'], output: ['y'] });
  const column = (name: string) => ({
    name,
    type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_param: 'N' }, { dim_value: 1 }] } } },
  });
  const bytes = encodeModel({
    ir_version: 8,
    opset_import: [{ domain: '', version: 17 }],
    graph: { name: id, node: g.nodes, initializer: [], input: [column('z')], output: [column('y')] },
  });
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ z: new ort.Tensor('float32', Float32Array.from(xs), [xs.length, 1]) });
  await session.release();
  return out.y.data as Float32Array;
}

describe('every elementwise activation in ONNX', () => {
  it.each(ELEMENTWISE_IDS)("%s: the row's ONNX form computes f in onnxruntime (float32)", async (id) => {
    const xs = [...POINTS, 0];
    const ys = await runOnnxForm(id, xs);
    for (const [j, x] of xs.entries()) {
      // f of the float32 input, within float32's precision of the result.
      const want = ELEMENTWISE[id].f(Math.fround(x), alphaOf(id));
      expect(Math.abs(ys[j] - want), `${id}(${x})`).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(want)));
    }
  });

  it.each(ELEMENTWISE_IDS)('%s: its node exports, and the ONNX reader maps its operator back to it', (id) => {
    expect(ONNX_ROWS[`act.${id}`]).toBeDefined();
    const form = ELEMENTWISE[id].onnx;
    if (form === 'identity') expect(id).toBe('linear');
    else expect(ELEMENTWISE_OF_ONNX_OP.get(form.op)).toBe(id);
  });
});

describe("a neuron's and a dense layer's activation", () => {
  it.each([neuronKind, denseKind])('$id offers every row, and α only with the rows that have one', (kind) => {
    const options = (kind.params.activation as ChoiceSpec).options.map((o) => o.value);
    expect(options).toEqual([...ELEMENTWISE_IDS]);
    for (const id of ELEMENTWISE_IDS) {
      const { values } = resolveParams(kind.params, { activation: id });
      expect(paramApplies(kind.params.alpha, values), id).toBe(ELEMENTWISE[id].alpha !== undefined);
    }
  });

  it.each([neuronKind, denseKind])(
    "$id takes α from its activation's row unless the document gives one",
    (kind) => {
      // ELU's scale is 1, as the ELU node and torch.nn.ELU have it; leaky ReLU's slope is 0.01.
      expect(resolveParams(kind.params, { activation: 'elu' }).values.alpha).toBe(1);
      expect(resolveParams(kind.params, { activation: 'leaky_relu' }).values.alpha).toBe(0.01);
      expect(resolveParams(kind.params, { activation: 'elu', alpha: 0.5 }).values.alpha).toBe(0.5);
      // A bad α is reported and replaced by the activation's own default.
      const bad = resolveParams(kind.params, { activation: 'elu', alpha: -1 });
      expect(bad.values.alpha).toBe(1);
      expect(bad.issues).toHaveLength(1);
    },
  );
});
