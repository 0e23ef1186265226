import { type ConnectionState, useConnection } from '@xyflow/react';
import { checkConnection, requestFrom, useDocument, useSession } from '../../store';

/**
 * While a connection hovers a port it cannot end on, says why next to the pointer — before the drop.
 * The selector returns a string, so the hint re-renders only when the hovered port or pointer changes.
 */
function hintKey(c: ConnectionState): string | null {
  if (!c.inProgress || !c.toHandle || c.isValid !== false) return null;
  const f = c.fromHandle;
  const t = c.toHandle;
  return [
    f.nodeId,
    f.id ?? '',
    f.type,
    t.nodeId,
    t.id ?? '',
    t.type,
    Math.round(c.pointer.x),
    Math.round(c.pointer.y),
  ].join('\u0000');
}

export function ConnectionHint() {
  const key = useConnection(hintKey);
  if (!key) return null;
  const [fromNode, fromHandle, fromType, toNode, toHandle, toType, x, y] = key.split('\u0000');
  let reason: string;
  if (fromType === toType) {
    reason =
      fromType === 'source'
        ? 'Outputs connect to inputs (left side of a node).'
        : 'Inputs take outputs (right side of a node).';
  } else {
    const check = checkConnection(
      useDocument.getState(),
      requestFrom(
        { nodeId: fromNode, handleId: fromHandle || null, type: fromType as 'source' | 'target' },
        toNode,
        toHandle || null,
      ),
      useSession.getState().connecting?.edgeId,
    );
    if (check.ok) return null;
    reason = check.reason;
  }
  return (
    <div
      className="connection-hint"
      style={{ left: Number(x) + 16, top: Number(y) + 16 }}
      data-testid="connection-hint"
    >
      {reason}
    </div>
  );
}
