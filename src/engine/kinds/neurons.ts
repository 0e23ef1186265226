/**
 * Neurons and dense layers: y = f(w·x + b).
 *
 * A neuron sums any number of incoming edges, and each edge owns its weight (a number, or a
 * vector when it comes from a vector port): in a neuron-level graph the edges *are* the weights.
 * A dense layer holds one weight matrix for n units and concatenates its inputs in edge order.
 */
import type { PyContext } from '../export/emit';
import { INIT_LABELS, INIT_SCHEMES, type Init, schemeInit } from '../init';
import {
  type BuildContext,
  type DeadUnitSite,
  defineKind,
  type ParamBlockRequest,
  type ResolvedInput,
  type ShapeContext,
  ShapeError,
} from '../kind';
import { choice, num, numbers, type ParamValues } from '../params';
import { VALUE_TYPES } from '../ports';
import {
  ALPHA_IDS,
  applyElementwise,
  backElementwise,
  ELEMENTWISE,
  ELEMENTWISE_IDS,
  type ElementwiseId,
  elementwiseFunction,
  elementwisePython,
} from './activation-functions';

const activationParam = () =>
  choice(
    'Activation',
    'linear',
    ELEMENTWISE_IDS.map((id) => ({ value: id, label: ELEMENTWISE[id].label })),
    {
      key: true,
      help: 'The function f applied to z = w·x + b.',
    },
  );

/**
 * α of the activations that take one (activation-functions.ts): offered only with those, and when
 * the document gives none, the chosen activation's own default (leaky ReLU 0.01, ELU 1).
 */
const alphaParam = () =>
  num('α', ELEMENTWISE[ALPHA_IDS[0]].alpha!.default, {
    help: ALPHA_IDS.map((id) => `${ELEMENTWISE[id].label}: ${ELEMENTWISE[id].alpha!.help}`).join(' '),
    min: 0,
    max: 10,
    appliesWhen: (p) => elementwiseFunction(p.activation)?.alpha !== undefined,
    defaultFrom: (p) => elementwiseFunction(p.activation)?.alpha?.default,
  });

const initParam = () =>
  choice(
    'Weight init',
    'xavier',
    INIT_SCHEMES.map((id) => ({ value: id, label: INIT_LABELS[id] })),
    { help: 'How weights without an explicit value are drawn (seeded by the document seed).' },
  );

/** A neuron without inputs (reported by the compiler as a missing input) still has a shape. */
const NO_EDGES: readonly ResolvedInput[] = [];
/** Every neuron's output and scratch widths: shared, as the compiler only reads a shape. */
const NEURON_OUTPUTS: Readonly<Record<string, number>> = Object.freeze({ out: 1 });
const NEURON_SCRATCH: Readonly<Record<string, number>> = Object.freeze({ z: 1 });

const neuronParams = {
  activation: activationParam(),
  alpha: alphaParam(),
  bias: num('Initial bias', 0, { help: 'The bias b before training.' }),
  init: initParam(),
};

export const neuronKind = defineKind({
  id: 'neuron',
  family: 'neurons',
  role: 'op',
  label: 'Neuron',
  description:
    'One neuron: y = f(w·x + b). Every incoming edge carries its own trainable weight, so drawing an edge adds a weight.',
  formula: 'y = f\\Big(\\sum_i w_i x_i + b\\Big)',
  icon: 'N',
  edgeWeights: true,
  params: neuronParams,
  outputRange: (p) => ELEMENTWISE[p.activation as ElementwiseId].range,
  ports: () => ({
    inputs: [
      {
        id: 'in',
        label: 'x',
        accepts: VALUE_TYPES,
        multiple: true,
        hint: 'connect a feature of a Dataset or the output of another neuron',
      },
    ],
    outputs: [{ id: 'out', label: 'y', type: 'scalar' }],
  }),
  shape(ctx: ShapeContext<ParamValues<typeof neuronParams>>) {
    const edges = ctx.inputs.in ?? NO_EDGES;
    let fanIn = 0;
    for (let k = 0; k < edges.length; k++) fanIn += edges[k].width;
    // One init spec for every edge without an explicit weight: it depends only on the scheme and
    // the fan-in, and blocks only read it. Each block still draws its own numbers (its key seeds them).
    const scheme = schemeInit(ctx.params.init, fanIn, 1);
    // The list is built at its final length, not spread from a mapped copy of the edges: a
    // from-scratch compile of a neuron-level graph runs this once per neuron.
    const params = new Array<ParamBlockRequest>(edges.length + 1);
    params[0] = { name: 'bias', size: 1, init: { kind: 'constant', value: ctx.params.bias } };
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k];
      params[k + 1] = {
        name: `w:${e.edgeId}`,
        size: e.width,
        edge: e.edgeId,
        init: e.weight === undefined ? scheme : edgeInit(e.weight, e.width, e.edgeId),
      };
    }
    return { outputs: NEURON_OUTPUTS, scratch: NEURON_SCRATCH, params };
  },
  build(ctx: BuildContext<ParamValues<typeof neuronParams>>) {
    const { values, grads, theta, thetaGrad } = ctx;
    const activation = ctx.params.activation;
    const alpha = ctx.params.alpha;
    const edges = ctx.inputs.in;
    // Flat copies of the edge layout: the hot loop reads typed arrays, not objects.
    const inOff = Int32Array.from(edges, (e) => e.offset);
    const inW = Int32Array.from(edges, (e) => e.width);
    const wOff = Int32Array.from(edges, (e) => e.weight!.offset);
    const bias = ctx.blocks.bias.offset;
    const zOff = ctx.scratch.z.offset;
    const yOff = ctx.outputs.out.offset;
    // ∂L/∂z of each example of the batch, computed once at the start of backward.
    const gz = new Float64Array(ctx.capacity);
    return {
      forward(n) {
        neuronForward(values, theta, inOff, inW, wOff, bias, zOff, n);
        applyElementwise(activation, alpha, values, zOff, values, yOff, n);
      },
      backward(n) {
        backElementwise(activation, alpha, values, zOff, values, yOff, grads, yOff, gz, 0, n);
        neuronBackward(values, grads, theta, thetaGrad, gz, inOff, inW, wOff, bias, zOff, n);
      },
    };
  },
  torch: neuronPython,
  numpy: neuronPython,
  deadUnits: (p) => (ELEMENTWISE[p.activation].diesBelowZero ? DEAD_NEURON : undefined),
});

const DEAD_NEURON: DeadUnitSite = { from: { scratch: 'z' }, as: 'neuron' };
const DEAD_UNITS: DeadUnitSite = { from: { scratch: 'z' }, as: 'units' };

/** Export: z = b + Σ_e w_e·x_e, adding the edges in order as neuronForward does, then f. */
function neuronPython(ctx: PyContext<ParamValues<typeof neuronParams>>): Record<string, string> {
  const terms = ctx.inputs.in.map((e) =>
    e.width === 1 ? `${e.expr} * ${e.weight}` : `_dot(${e.expr}, ${e.weight})`,
  );
  const z = [ctx.blocks.bias, ...terms].join(' + ');
  return { out: elementwisePython(ctx.params.activation, ctx.params.alpha, z) };
}

/*
 * The neuron's loops, as plain functions of their arrays (arguments live in registers; variables
 * captured by a closure are reloaded from its context inside the loops). Both go edge by edge over
 * the whole batch rather than example by example: an edge's layout and weight are read once per
 * batch, and the loop over examples has no chain of dependent additions. Every sum still adds the
 * same terms in the same order (bias, then the edges in order; examples in order), so the numbers
 * are bit-for-bit those of the example-by-example loop.
 */

/** z[b] = bias + Σ_e w_e · x_e[b] for the n examples of the batch. */
function neuronForward(
  values: Float64Array,
  theta: Float64Array,
  inOff: Int32Array,
  inW: Int32Array,
  wOff: Int32Array,
  bias: number,
  zOff: number,
  n: number,
): void {
  const b0 = theta[bias];
  for (let b = 0; b < n; b++) values[zOff + b] = b0;
  for (let e = 0; e < inOff.length; e++) {
    const w = inW[e];
    const x0 = inOff[e];
    const w0 = wOff[e];
    if (w === 1) {
      // A scalar edge, as in every neuron-level network: one weight times one number.
      const we = theta[w0];
      for (let b = 0; b < n; b++) values[zOff + b] += we * values[x0 + b];
    } else {
      for (let b = 0; b < n; b++) {
        const xb = x0 + b * w;
        let z = values[zOff + b];
        for (let j = 0; j < w; j++) z += theta[w0 + j] * values[xb + j];
        values[zOff + b] = z;
      }
    }
  }
}

/** From gz = ∂L/∂z per example: ∂L/∂z, ∂L/∂bias, each edge's ∂L/∂w and ∂L/∂x (all accumulated). */
function neuronBackward(
  values: Float64Array,
  grads: Float64Array,
  theta: Float64Array,
  thetaGrad: Float64Array,
  gz: Float64Array,
  inOff: Int32Array,
  inW: Int32Array,
  wOff: Int32Array,
  bias: number,
  zOff: number,
  n: number,
): void {
  let gBias = thetaGrad[bias];
  for (let b = 0; b < n; b++) {
    grads[zOff + b] += gz[b];
    gBias += gz[b];
  }
  thetaGrad[bias] = gBias;
  for (let e = 0; e < inOff.length; e++) {
    const w = inW[e];
    const x0 = inOff[e];
    const w0 = wOff[e];
    if (w === 1) {
      const we = theta[w0];
      let gw = thetaGrad[w0];
      for (let b = 0; b < n; b++) {
        const g = gz[b];
        gw += g * values[x0 + b];
        grads[x0 + b] += g * we;
      }
      thetaGrad[w0] = gw;
    } else {
      for (let b = 0; b < n; b++) {
        const g = gz[b];
        const xb = x0 + b * w;
        for (let j = 0; j < w; j++) {
          thetaGrad[w0 + j] += g * values[xb + j];
          grads[xb + j] += g * theta[w0 + j];
        }
      }
    }
  }
}

/** The init of an edge whose weight the document gives: one number, or one per input. */
function edgeInit(weight: number | readonly number[], width: number, edge: string): Init {
  const values = typeof weight === 'number' ? [weight] : weight;
  if (values.length !== 1 && values.length !== width) {
    throw new ShapeError(`edge ${edge} gives ${values.length} initial weights for an input of size ${width}`);
  }
  return { kind: 'values', values };
}

const denseParams = {
  units: num('Units', 4, {
    integer: true,
    min: 1,
    max: 1024,
    key: true,
    help: 'Number of neurons in the layer.',
  }),
  activation: activationParam(),
  alpha: alphaParam(),
  init: initParam(),
  weights: numbers('Explicit weights', {
    help: 'Optional: units × inputs numbers, row by row (one row per unit). Overrides the init scheme.',
  }),
  biases: numbers('Explicit biases', { help: 'Optional: one initial bias per unit (default 0).' }),
};

export const denseKind = defineKind({
  id: 'dense',
  family: 'neurons',
  role: 'op',
  label: 'Dense layer',
  description:
    'A fully connected layer of n neurons sharing one weight matrix: y = f(Wx + b). For networks too large to draw neuron by neuron.',
  formula: '\\mathbf{y} = f(W\\mathbf{x} + \\mathbf{b})',
  icon: 'D',
  params: denseParams,
  outputRange: (p) => ELEMENTWISE[p.activation as ElementwiseId].range,
  ports: () => ({
    inputs: [
      {
        id: 'in',
        label: 'x',
        accepts: VALUE_TYPES,
        multiple: true,
        hint: 'connect the Dataset’s features vector or another layer',
      },
    ],
    outputs: [{ id: 'out', label: 'y', type: 'vector' }],
  }),
  shape(ctx: ShapeContext<ParamValues<typeof denseParams>>) {
    const p = ctx.params;
    const nIn = (ctx.inputs.in ?? []).reduce((s, e) => s + e.width, 0);
    if (p.weights && p.weights.length !== p.units * nIn) {
      throw new ShapeError(
        `Explicit weights need units × inputs = ${p.units} × ${nIn} = ${p.units * nIn} numbers, but ${p.weights.length} are given`,
      );
    }
    if (p.biases && p.biases.length !== p.units) {
      throw new ShapeError(
        `Explicit biases need ${p.units} numbers (one per unit), but ${p.biases.length} are given`,
      );
    }
    const multi = (ctx.inputs.in ?? []).length > 1;
    return {
      outputs: { out: p.units },
      scratch: (multi ? { z: p.units, x: nIn } : { z: p.units }) as Record<string, number>,
      params: [
        {
          name: 'W',
          size: p.units * nIn,
          init: p.weights ? { kind: 'values', values: p.weights } : schemeInit(p.init, nIn, p.units),
        },
        {
          name: 'b',
          size: p.units,
          init: p.biases ? { kind: 'values', values: p.biases } : { kind: 'constant', value: 0 },
        },
      ],
    };
  },
  build(ctx: BuildContext<ParamValues<typeof denseParams>>) {
    const { values, grads, theta, thetaGrad } = ctx;
    const activation = ctx.params.activation;
    const alpha = ctx.params.alpha;
    const units = ctx.params.units;
    const edges = ctx.inputs.in;
    // Several inputs are gathered into one contiguous row per example, and their gradients scattered back.
    const gathered = ctx.scratch.x;
    const nIn = gathered ? gathered.width : edges[0].width;
    const xOff = gathered ? gathered.offset : edges[0].offset;
    const W = ctx.blocks.W.offset;
    const B = ctx.blocks.b.offset;
    const zOff = ctx.scratch.z.offset;
    const yOff = ctx.outputs.out.offset;
    const inOff = Int32Array.from(edges, (e) => e.offset);
    const inW = Int32Array.from(edges, (e) => e.width);
    const k = edges.length;
    // ∂L/∂z of the batch (examples × units), computed once at the start of backward.
    const gz = new Float64Array(ctx.capacity * units);
    // Fed by the data alone: training never needs ∂L/∂x (see compiler/on-demand-gradients.ts).
    const onDemand = edges.every((e) => e.gradientOnDemand === true);
    const scope = ctx.gradients;
    /** ∂L/∂x from gz and W, scattered back to the inputs when they were gathered. */
    const inputGradient = (n: number) => {
      denseInputGradient(grads, theta, gz, xOff, nIn, W, units, n);
      if (gathered) {
        for (let b = 0; b < n; b++) {
          let c = xOff + b * nIn;
          for (let e = 0; e < k; e++) {
            const w = inW[e];
            const dst = inOff[e] + b * w;
            for (let j = 0; j < w; j++) grads[dst + j] += grads[c++];
          }
        }
      }
    };
    return {
      forward(n) {
        if (gathered) {
          for (let b = 0; b < n; b++) {
            let c = xOff + b * nIn;
            for (let e = 0; e < k; e++) {
              const w = inW[e];
              const src = inOff[e] + b * w;
              for (let j = 0; j < w; j++) values[c++] = values[src + j];
            }
          }
        }
        denseForward(values, theta, xOff, nIn, W, B, zOff, units, n);
        applyElementwise(activation, alpha, values, zOff, values, yOff, n * units);
      },
      backward(n) {
        backElementwise(activation, alpha, values, zOff, values, yOff, grads, yOff, gz, 0, n * units);
        denseParameterGradient(values, grads, thetaGrad, gz, xOff, nIn, W, B, zOff, units, n);
        if (!onDemand || scope.all) inputGradient(n);
      },
    };
  },
  torch: densePython,
  numpy: densePython,
  deadUnits: (p) => (ELEMENTWISE[p.activation].diesBelowZero ? DEAD_UNITS : undefined),
  inputGradientsOnDemand: true,
});

/** Export: y = f(x Wᵀ + b), the inputs concatenated in edge order; W is flat in θ, so reshaped. */
function densePython(ctx: PyContext<ParamValues<typeof denseParams>>): Record<string, string> {
  const edges = ctx.inputs.in;
  const nIn = edges.reduce((s, e) => s + e.width, 0);
  const x = edges.length === 1 ? edges[0].expr : `_cat([${edges.map((e) => e.expr).join(', ')}])`;
  const z = `${x} @ ${ctx.blocks.W}.reshape(${ctx.params.units}, ${nIn}).T + ${ctx.blocks.b}`;
  return { out: elementwisePython(ctx.params.activation, ctx.params.alpha, z) };
}

/*
 * The dense layer's matrix loops. They are plain functions of typed arrays and offsets (one copy of
 * the code, monomorphic, compiled once for every layer) and are arranged for speed without changing
 * a single bit of the results: every sum adds the same terms in the same order as the textbook loops
 * (inputs i = 0, 1, …; examples b = 0, 1, …; units u = 0, 1, …). What changes is what runs side by
 * side. A lone running sum waits on each addition before starting the next; the loops below keep
 * eight independent sums in registers — a tile of two units × four examples, or four units × two
 * examples — so the additions overlap, and every number loaded (a weight, an input) serves several
 * sums. This roughly doubles the speed of large layers. Leftover units and examples that do not
 * fill a tile take the plain loop.
 */

/** z[b][u] = b[u] + Σ_i W[u][i] x[b][i]; each pair of rows of W is read once per four examples. */
function denseForward(
  values: Float64Array,
  theta: Float64Array,
  xOff: number,
  nIn: number,
  W: number,
  B: number,
  zOff: number,
  units: number,
  n: number,
): void {
  let u = 0;
  for (; u + 2 <= units; u += 2) {
    const wa = W + u * nIn;
    const wb = wa + nIn;
    const ba = theta[B + u];
    const bb = theta[B + u + 1];
    let b = 0;
    for (; b + 4 <= n; b += 4) {
      const x0 = xOff + b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      let a0 = ba;
      let a1 = ba;
      let a2 = ba;
      let a3 = ba;
      let c0 = bb;
      let c1 = bb;
      let c2 = bb;
      let c3 = bb;
      for (let i = 0; i < nIn; i++) {
        const wai = theta[wa + i];
        const wbi = theta[wb + i];
        const p0 = values[x0 + i];
        const p1 = values[x1 + i];
        const p2 = values[x2 + i];
        const p3 = values[x3 + i];
        a0 += wai * p0;
        a1 += wai * p1;
        a2 += wai * p2;
        a3 += wai * p3;
        c0 += wbi * p0;
        c1 += wbi * p1;
        c2 += wbi * p2;
        c3 += wbi * p3;
      }
      const z = zOff + b * units + u;
      values[z] = a0;
      values[z + 1] = c0;
      values[z + units] = a1;
      values[z + units + 1] = c1;
      values[z + 2 * units] = a2;
      values[z + 2 * units + 1] = c2;
      values[z + 3 * units] = a3;
      values[z + 3 * units + 1] = c3;
    }
    for (; b < n; b++) {
      const x0 = xOff + b * nIn;
      let a = ba;
      let c = bb;
      for (let i = 0; i < nIn; i++) {
        const p = values[x0 + i];
        a += theta[wa + i] * p;
        c += theta[wb + i] * p;
      }
      values[zOff + b * units + u] = a;
      values[zOff + b * units + u + 1] = c;
    }
  }
  if (u < units) {
    // The last unit of an odd count (a single output, say): four examples at a time.
    const w0 = W + u * nIn;
    const bu = theta[B + u];
    let b = 0;
    for (; b + 4 <= n; b += 4) {
      const x0 = xOff + b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      let z0 = bu;
      let z1 = bu;
      let z2 = bu;
      let z3 = bu;
      for (let i = 0; i < nIn; i++) {
        const w = theta[w0 + i];
        z0 += w * values[x0 + i];
        z1 += w * values[x1 + i];
        z2 += w * values[x2 + i];
        z3 += w * values[x3 + i];
      }
      const z = zOff + b * units + u;
      values[z] = z0;
      values[z + units] = z1;
      values[z + 2 * units] = z2;
      values[z + 3 * units] = z3;
    }
    for (; b < n; b++) {
      const x0 = xOff + b * nIn;
      let z = bu;
      for (let i = 0; i < nIn; i++) z += theta[w0 + i] * values[x0 + i];
      values[zOff + b * units + u] = z;
    }
  }
}

/**
 * From gz = ∂L/∂z (examples × units), accumulates ∂L/∂z (shown as the layer's internals),
 * ∂L/∂b[u] += Σ_b gz[b][u] and ∂L/∂W[u][i] += Σ_b gz[b][u] x[b][i].
 */
function denseParameterGradient(
  values: Float64Array,
  grads: Float64Array,
  thetaGrad: Float64Array,
  gz: Float64Array,
  xOff: number,
  nIn: number,
  W: number,
  B: number,
  zOff: number,
  units: number,
  n: number,
): void {
  for (let j = 0; j < n * units; j++) grads[zOff + j] += gz[j];
  for (let u = 0; u < units; u++) {
    let gb = thetaGrad[B + u];
    for (let b = 0; b < n; b++) gb += gz[b * units + u];
    thetaGrad[B + u] = gb;
  }
  // ∂L/∂W: two rows, four examples per pass.
  let u = 0;
  for (; u + 2 <= units; u += 2) {
    const wa = W + u * nIn;
    const wb = wa + nIn;
    let b = 0;
    for (; b + 4 <= n; b += 4) {
      const ga0 = gz[b * units + u];
      const ga1 = gz[(b + 1) * units + u];
      const ga2 = gz[(b + 2) * units + u];
      const ga3 = gz[(b + 3) * units + u];
      const gb0 = gz[b * units + u + 1];
      const gb1 = gz[(b + 1) * units + u + 1];
      const gb2 = gz[(b + 2) * units + u + 1];
      const gb3 = gz[(b + 3) * units + u + 1];
      const x0 = xOff + b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      for (let i = 0; i < nIn; i++) {
        const p0 = values[x0 + i];
        const p1 = values[x1 + i];
        const p2 = values[x2 + i];
        const p3 = values[x3 + i];
        let sa = thetaGrad[wa + i];
        sa += ga0 * p0;
        sa += ga1 * p1;
        sa += ga2 * p2;
        sa += ga3 * p3;
        thetaGrad[wa + i] = sa;
        let sb = thetaGrad[wb + i];
        sb += gb0 * p0;
        sb += gb1 * p1;
        sb += gb2 * p2;
        sb += gb3 * p3;
        thetaGrad[wb + i] = sb;
      }
    }
    for (; b < n; b++) {
      const ga = gz[b * units + u];
      const gb = gz[b * units + u + 1];
      const x0 = xOff + b * nIn;
      for (let i = 0; i < nIn; i++) {
        const p = values[x0 + i];
        thetaGrad[wa + i] += ga * p;
        thetaGrad[wb + i] += gb * p;
      }
    }
  }
  if (u < units) {
    const w0 = W + u * nIn;
    for (let b = 0; b < n; b++) {
      const g = gz[b * units + u];
      const x0 = xOff + b * nIn;
      for (let i = 0; i < nIn; i++) thetaGrad[w0 + i] += g * values[x0 + i];
    }
  }
}

/** From gz = ∂L/∂z (examples × units), accumulates ∂L/∂x[b][i] += Σ_u gz[b][u] W[u][i]. */
function denseInputGradient(
  grads: Float64Array,
  theta: Float64Array,
  gz: Float64Array,
  xOff: number,
  nIn: number,
  W: number,
  units: number,
  n: number,
): void {
  // Two examples, four rows of W per pass.
  let b = 0;
  for (; b + 2 <= n; b += 2) {
    const xa = xOff + b * nIn;
    const xb = xa + nIn;
    const za = b * units;
    const zb = za + units;
    let v = 0;
    for (; v + 4 <= units; v += 4) {
      const w0 = W + v * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      const ga0 = gz[za + v];
      const ga1 = gz[za + v + 1];
      const ga2 = gz[za + v + 2];
      const ga3 = gz[za + v + 3];
      const gb0 = gz[zb + v];
      const gb1 = gz[zb + v + 1];
      const gb2 = gz[zb + v + 2];
      const gb3 = gz[zb + v + 3];
      for (let i = 0; i < nIn; i++) {
        const t0 = theta[w0 + i];
        const t1 = theta[w1 + i];
        const t2 = theta[w2 + i];
        const t3 = theta[w3 + i];
        let sa = grads[xa + i];
        sa += ga0 * t0;
        sa += ga1 * t1;
        sa += ga2 * t2;
        sa += ga3 * t3;
        grads[xa + i] = sa;
        let sb = grads[xb + i];
        sb += gb0 * t0;
        sb += gb1 * t1;
        sb += gb2 * t2;
        sb += gb3 * t3;
        grads[xb + i] = sb;
      }
    }
    for (; v < units; v++) {
      const w0 = W + v * nIn;
      const ga = gz[za + v];
      const gb = gz[zb + v];
      for (let i = 0; i < nIn; i++) {
        const t = theta[w0 + i];
        grads[xa + i] += ga * t;
        grads[xb + i] += gb * t;
      }
    }
  }
  for (; b < n; b++) {
    const x0 = xOff + b * nIn;
    for (let v = 0; v < units; v++) {
      const g = gz[b * units + v];
      const w0 = W + v * nIn;
      for (let i = 0; i < nIn; i++) grads[x0 + i] += g * theta[w0 + i];
    }
  }
}
