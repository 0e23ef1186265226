import { memo } from 'react';
import type { AnyKind } from '../../engine/kind';
import { addNodeAt, useDocument } from '../../store';
import { viewCenter } from '../actions/flow';
import { DEFAULT_DROP_OFFSET, KIND_MIME } from '../canvas/drop';

/** A free spot near `p`: clicking twice does not stack two nodes exactly on top of each other. */
function freeSpot(p: { x: number; y: number }) {
  const taken = useDocument.getState().nodes.map((n) => n.position);
  const spot = { ...p };
  while (taken.some((t) => Math.abs(t.x - spot.x) < 12 && Math.abs(t.y - spot.y) < 12)) {
    spot.x += 28;
    spot.y += 28;
  }
  return spot;
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
        addNodeAt(kind.id, freeSpot({ x: Math.round(c.x - DEFAULT_DROP_OFFSET.x), y: Math.round(c.y - 40) }));
      }}
    >
      <span className="kind-icon">{kind.icon}</span>
      <span className="palette__label">{kind.label}</span>
    </button>
  );
});
