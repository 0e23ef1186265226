/**
 * What every activation node shares: one input, one output of the same width.
 */
import type { Shape, ShapeContext } from '../kind';
import { type PortLayout, type PortType, VALUE_TYPES } from '../ports';

export function activationPorts(out: PortType): PortLayout {
  return {
    inputs: [
      {
        id: 'in',
        label: 'x',
        accepts: VALUE_TYPES,
        multiple: false,
        hint: 'connect a neuron, a layer or another value to apply the function to',
      },
    ],
    outputs: [{ id: 'out', label: 'y', type: out }],
  };
}

/** The input's width, or 1 while it is unconnected (the compiler reports that separately). */
export function inputWidth(ctx: ShapeContext<unknown>): number {
  return ctx.inputs.in?.[0]?.width ?? 1;
}

export function sameWidth(ctx: ShapeContext<unknown>): Shape {
  return { outputs: { out: inputWidth(ctx) } };
}
