import { memo } from 'react';
import type { Example } from '../../engine/examples';
import { layoutLibrary } from '../../store';
import { LazyView } from '../lazy/LazyView';
import { previewOf } from './preview';

/** The example's network in miniature, once the layout engine (loaded on first use) has come. */
export const GraphPreview = memo(function GraphPreview({ example }: { example: Example }) {
  return <LazyView lib={layoutLibrary}>{() => <Drawing example={example} />}</LazyView>;
});

/** Boxes in their family's colour, wired. */
function Drawing({ example }: { example: Example }) {
  const p = previewOf(example);
  const pad = 24;
  return (
    <svg
      className="graph-preview"
      viewBox={`${-pad} ${-pad} ${p.width + 2 * pad} ${p.height + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`${p.nodeCount} nodes`}
      data-testid={`gallery-preview-${example.id}`}
    >
      {p.edges.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed drawing.
        <path key={i} d={d} className="graph-preview__edge" />
      ))}
      {p.boxes.map((b) => (
        <g key={b.id} className={`graph-preview__node family-${b.family}`}>
          <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={16} />
          <rect x={b.x} y={b.y} width={b.width} height={14} rx={7} className="graph-preview__strip" />
        </g>
      ))}
    </svg>
  );
}
