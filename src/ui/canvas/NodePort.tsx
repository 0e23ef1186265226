import { Handle, Position, useNodeId } from '@xyflow/react';
import { type KeyboardEvent, memo } from 'react';
import type { InputPortSpec, OutputPortSpec, PortType } from '../../engine/ports';
import { describePortType } from '../../engine/ports';
import { useConnectMenu } from '../connect/state';

/** The id of the one hidden sentence every port points to for its description (Canvas renders it). */
export const PORT_HELP_ID = 'ng-port-help';

/** While a connection is dragged: this port is where it started, fits it, or does not. */
export type PortState = 'idle' | 'origin' | 'fit' | 'unfit';

/** `owner` is the node's name as shown: a port is read as "h1.1 input x". */
type Props =
  | { side: 'target'; port: InputPortSpec; state: PortState; owner: string }
  | { side: 'source'; port: OutputPortSpec; state: PortState; owner: string };

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
  const { side, port, state, owner } = props;
  const { shape, tag, title } = portShape(props);
  const input = side === 'target';
  const nodeId = useNodeId();
  // Enter or Space on a focused port opens the list of ports that fit it (the keyboard's drag).
  // The key stays here: it neither selects the node around it nor opens quick-add.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.key !== 'Enter' && e.key !== ' ') || !nodeId) return;
    e.preventDefault();
    e.stopPropagation();
    useConnectMenu.getState().show({ nodeId, handleId: port.id, type: side }, e.currentTarget);
  };
  return (
    <div className={`ng-port ng-port--${input ? 'in' : 'out'}`} title={title}>
      <Handle
        type={side}
        position={input ? Position.Left : Position.Right}
        id={port.id}
        className={`ng-handle ng-handle--${shape} is-${state}`}
        data-testid={`port-${input ? 'in' : 'out'}-${port.id}`}
        tabIndex={0}
        role="button"
        aria-label={`${owner} ${input ? 'input' : 'output'} ${port.label}`}
        aria-haspopup="dialog"
        aria-describedby={PORT_HELP_ID}
        onKeyDown={onKeyDown}
      >
        {/* The port's target, 24 px on screen (node.css): an element of its own, so a press lands on it. */}
        <span className="ng-handle__area" />
      </Handle>
      <span className="ng-port__label">{port.label}</span>
      <span className={`ng-port__type ng-port__type--${shape}`}>{tag}</span>
    </div>
  );
});
