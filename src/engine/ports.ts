/**
 * Port types. A value port carries `width` numbers per example: a scalar port one, a vector port n.
 * Target ports carry a dataset's targets (only losses read them); loss ports carry a loss to an optimizer.
 */
export type PortType = 'scalar' | 'vector' | 'target' | 'loss';

export interface OutputPortSpec {
  id: string;
  label: string;
  type: PortType;
}

export interface InputPortSpec {
  id: string;
  label: string;
  /** Output port types this input takes. */
  accepts: readonly PortType[];
  /** Whether several edges may end here (a neuron sums them, a dense layer concatenates them). */
  multiple: boolean;
  /** Inputs that may stay unconnected. */
  optional?: boolean;
  /** What to connect, said to a learner: used when the port is missing or a drop is refused. */
  hint: string;
}

export interface PortLayout {
  inputs: InputPortSpec[];
  outputs: OutputPortSpec[];
}

export const VALUE_TYPES: readonly PortType[] = ['scalar', 'vector'];

export function describePortType(type: PortType): string {
  switch (type) {
    case 'scalar':
      return 'a number';
    case 'vector':
      return 'a vector';
    case 'target':
      return 'a dataset target';
    case 'loss':
      return 'a loss';
  }
}
