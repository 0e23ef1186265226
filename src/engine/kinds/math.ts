/**
 * Math nodes, enough for micrograd-style expression graphs: constants, trainable scalars, sums
 * and products. Inputs of width 1 broadcast against wider ones.
 */
import { type PyContext, pyOperand } from '../export/emit';
import { type BuildContext, defineKind, type ShapeContext, ShapeError } from '../kind';
import { num } from '../params';
import { VALUE_TYPES } from '../ports';

const valueIn = (hint: string) => ({ id: 'in', label: 'x', accepts: VALUE_TYPES, multiple: true, hint });

export const constantKind = defineKind({
  id: 'math.constant',
  family: 'math',
  role: 'op',
  label: 'Constant',
  description: 'A fixed number. It does not learn.',
  formula: 'y = c',
  icon: 'c',
  params: { value: num('Value', 1, { key: true }) },
  ports: () => ({ inputs: [], outputs: [{ id: 'out', label: 'y', type: 'scalar' }] }),
  shape: () => ({ outputs: { out: 1 } }),
  build(ctx) {
    const { values } = ctx;
    const out = ctx.outputs.out.offset;
    const c = ctx.params.value;
    return {
      forward(n) {
        for (let b = 0; b < n; b++) values[out + b] = c;
      },
      backward() {},
    };
  },
  torch: (ctx) => ({ out: `_full(n, ${pyOperand(ctx.params.value)})` }),
  numpy: (ctx) => ({ out: `_full(n, ${pyOperand(ctx.params.value)})` }),
});

export const parameterKind = defineKind({
  id: 'math.parameter',
  family: 'math',
  role: 'op',
  label: 'Parameter',
  description: 'A trainable number: the optimizer changes it to lower the loss.',
  formula: 'y = \\theta',
  icon: 'θ',
  params: { value: num('Initial value', 1, { key: true }) },
  ports: () => ({ inputs: [], outputs: [{ id: 'out', label: 'θ', type: 'scalar' }] }),
  shape: (ctx) => ({
    outputs: { out: 1 },
    params: [{ name: 'value', size: 1, init: { kind: 'constant', value: ctx.params.value } }],
  }),
  build(ctx) {
    const { values, grads, theta, thetaGrad } = ctx;
    const out = ctx.outputs.out.offset;
    const p = ctx.blocks.value.offset;
    return {
      forward(n) {
        for (let b = 0; b < n; b++) values[out + b] = theta[p];
      },
      backward(n) {
        for (let b = 0; b < n; b++) thetaGrad[p] += grads[out + b];
      },
    };
  },
  torch: (ctx) => ({ out: `_repeat(${ctx.blocks.value}, n)` }),
  numpy: (ctx) => ({ out: `_repeat(${ctx.blocks.value}, n)` }),
});

/** Output width of an elementwise op: all inputs equal, or 1 (broadcast). */
function broadcastShape(ctx: ShapeContext<unknown>) {
  const edges = ctx.inputs.in ?? [];
  const width = Math.max(1, ...edges.map((e) => e.width));
  const bad = edges.find((e) => e.width !== 1 && e.width !== width);
  if (bad)
    throw new ShapeError(
      `inputs of sizes ${edges.map((e) => e.width).join(' and ')} cannot be combined elementwise`,
    );
  return { outputs: { out: width } };
}

interface ElementwiseLayout {
  k: number;
  width: number;
  out: number;
  inOff: Int32Array;
  /** 1 if the input broadcasts (width 1), else the output width. */
  inW: Int32Array;
}

function layout(ctx: BuildContext<unknown>): ElementwiseLayout {
  const edges = ctx.inputs.in;
  return {
    k: edges.length,
    width: ctx.outputs.out.width,
    out: ctx.outputs.out.offset,
    inOff: Int32Array.from(edges, (e) => e.offset),
    inW: Int32Array.from(edges, (e) => e.width),
  };
}

/** Export: the inputs combined in edge order, as the loops below do: `a + b + c`. */
const elementwisePython = (ctx: PyContext<unknown>, op: string) => ctx.inputs.in.map((e) => e.expr).join(op);

export const addKind = defineKind({
  id: 'math.add',
  family: 'math',
  role: 'op',
  label: 'Add',
  description: 'The sum of its inputs. Its backward pass copies the gradient to every input unchanged.',
  formula: 'y = \\sum_i x_i \\qquad \\frac{\\partial y}{\\partial x_i} = 1',
  icon: '+',
  params: {},
  ports: () => ({
    inputs: [valueIn('connect two or more values to add')],
    outputs: [{ id: 'out', label: 'y', type: 'scalar' }],
  }),
  shape: broadcastShape,
  build(ctx) {
    const { values, grads } = ctx;
    const { k, width, out, inOff, inW } = layout(ctx);
    return {
      forward(n) {
        for (let b = 0; b < n; b++) {
          for (let j = 0; j < width; j++) {
            let s = 0;
            for (let e = 0; e < k; e++) s += values[inOff[e] + (inW[e] === 1 ? b : b * width + j)];
            values[out + b * width + j] = s;
          }
        }
      },
      backward(n) {
        for (let b = 0; b < n; b++) {
          for (let j = 0; j < width; j++) {
            const g = grads[out + b * width + j];
            for (let e = 0; e < k; e++) grads[inOff[e] + (inW[e] === 1 ? b : b * width + j)] += g;
          }
        }
      },
    };
  },
  // Width-1 inputs broadcast against wider ones, as (n, 1) arrays do.
  torch: (ctx) => ({ out: elementwisePython(ctx, ' + ') }),
  numpy: (ctx) => ({ out: elementwisePython(ctx, ' + ') }),
});

export const multiplyKind = defineKind({
  id: 'math.multiply',
  family: 'math',
  role: 'op',
  label: 'Multiply',
  description:
    'The product of its inputs. Each input’s gradient is the output’s gradient times the other inputs: that is the chain rule at work.',
  formula: 'y = \\prod_i x_i \\qquad \\frac{\\partial y}{\\partial x_i} = \\prod_{j \\ne i} x_j',
  icon: '×',
  params: {},
  ports: () => ({
    inputs: [valueIn('connect two or more values to multiply')],
    outputs: [{ id: 'out', label: 'y', type: 'scalar' }],
  }),
  shape: broadcastShape,
  build(ctx) {
    const { values, grads } = ctx;
    const { k, width, out, inOff, inW } = layout(ctx);
    const at = (e: number, b: number, j: number) => inOff[e] + (inW[e] === 1 ? b : b * width + j);
    return {
      forward(n) {
        for (let b = 0; b < n; b++) {
          for (let j = 0; j < width; j++) {
            let p = 1;
            for (let e = 0; e < k; e++) p *= values[at(e, b, j)];
            values[out + b * width + j] = p;
          }
        }
      },
      backward(n) {
        for (let b = 0; b < n; b++) {
          for (let j = 0; j < width; j++) {
            const g = grads[out + b * width + j];
            // Product of the others, without dividing (an input may be 0).
            for (let e = 0; e < k; e++) {
              let p = g;
              for (let o = 0; o < k; o++) if (o !== e) p *= values[at(o, b, j)];
              grads[at(e, b, j)] += p;
            }
          }
        }
      },
    };
  },
  torch: (ctx) => ({ out: elementwisePython(ctx, ' * ') }),
  numpy: (ctx) => ({ out: elementwisePython(ctx, ' * ') }),
});

export const MATH_KINDS = [constantKind, parameterKind, addKind, multiplyKind];
