import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import type { InputPortSpec, OutputPortSpec, PortType } from '../../engine/ports';
import { describePortType } from '../../engine/ports';

/** While a connection is dragged: this port is where it started, fits it, or does not. */
export type PortState = 'idle' | 'origin' | 'fit' | 'unfit';

type Props =
  | { side: 'target'; port: InputPortSpec; state: PortState }
  | { side: 'source'; port: OutputPortSpec; state: PortState };

/** The type tag and handle shape: what flows through the port. An input taking numbers and vectors takes a "value". */
function portShape(props: Props): { shape: PortType | 'value'; tag: string; title: string } {
  if (props.side === 'source') {
    const t = props.port.type;
    return { shape: t, tag: t, title: `${props.port.label}: gives ${describePortType(t)}` };
  }
  const { accepts, hint, label } = props.port;
  const shape =
    accepts.length === 1
      ? accepts[0]
      : accepts.includes('scalar') && accepts.includes('vector')
        ? 'value'
        : accepts[0];
  const what = shape === 'value' ? 'a number or a vector' : describePortType(accepts[0]);
  return {
    shape,
    tag: shape,
    title: `${label}: takes ${what}${props.port.multiple ? ' (several connections)' : ''} — ${hint}`,
  };
}

export const NodePort = memo(function NodePort(props: Props) {
  const { side, port, state } = props;
  const { shape, tag, title } = portShape(props);
  const input = side === 'target';
  return (
    <div className={`ng-port ng-port--${input ? 'in' : 'out'}`} title={title}>
      <Handle
        type={side}
        position={input ? Position.Left : Position.Right}
        id={port.id}
        className={`ng-handle ng-handle--${shape} is-${state}`}
        data-testid={`port-${input ? 'in' : 'out'}-${port.id}`}
      />
      <span className="ng-port__label">{port.label}</span>
      <span className={`ng-port__type ng-port__type--${shape}`}>{tag}</span>
    </div>
  );
});
