import { memo } from 'react';
import type { AnyKind } from '../../engine/kind';
import { addNodeAt, useDocument, useView } from '../../store';
import { DEFAULT_NODE_SIZE } from '../../store/layout';
import { viewCenter } from '../actions/flow';
import { roomFor } from '../actions/place';
import { DEFAULT_DROP_OFFSET, KIND_MIME } from '../canvas/drop';
import { estimateNodeSize } from '../canvas/node-size';

/** The middle of the view, or the nearest place around it where a new card covers no other node. */
function freeSpot(kindId: string, p: { x: number; y: number }) {
  const sizes = useView.getState().sizes;
  const taken = useDocument.getState().nodes.map((n) => ({
    ...n.position,
    ...(sizes.get(n.id) ?? DEFAULT_NODE_SIZE),
  }));
  return roomFor(p, estimateNodeSize({ kind: kindId, params: {} }), taken);
}

export const PaletteItem = memo(function PaletteItem({ kind }: { kind: AnyKind }) {
  return (
    <button
      type="button"
      className={`palette__item family-${kind.family}`}
      data-testid={`palette-${kind.id}`}
      title={kind.description}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(KIND_MIME, kind.id);
        e.dataTransfer.setData('text/plain', kind.label);
        e.dataTransfer.effectAllowed = 'copyMove';
      }}
      onClick={() => {
        const c = viewCenter();
        addNodeAt(
          kind.id,
          freeSpot(kind.id, { x: Math.round(c.x - DEFAULT_DROP_OFFSET.x), y: Math.round(c.y - 40) }),
        );
      }}
    >
      <span className="kind-icon">{kind.icon}</span>
      <span className="palette__label">{kind.label}</span>
    </button>
  );
});
