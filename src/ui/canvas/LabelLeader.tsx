/**
 * The leader line of a weight label placed beside its edge (label-slots.ts): from the label's near
 * side to the point of the edge it belongs to, so a learner sees which edge a label reads. Drawn
 * inside the label (it moves and scales with it); the label's own box is what is clicked.
 */
import type { CSSProperties } from 'react';
import type { LabelOffset } from './label-slots';

export function LabelLeader({ offset }: { offset: LabelOffset | null }) {
  if (!offset) return null;
  const style = { '--lead': `${Math.abs(offset.dy)}px` } as CSSProperties;
  return (
    <span
      className="ng-weight__leader"
      data-side={offset.dy < 0 ? 'above' : 'below'}
      style={style}
      aria-hidden="true"
    />
  );
}
