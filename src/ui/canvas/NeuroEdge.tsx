import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import {
  edgesCarryWeights,
  selectEdgeDiagnostics,
  selectEdgeTargetKind,
  selectEdgeType,
  selectEdgeWeight,
  useCompiled,
  useDocument,
  useSelection,
} from '../../store';
import { selectEdgeLit } from '../../store/lesson';
import { useLesson } from '../lessons/lesson-app';
import { EdgeTraining } from '../training/EdgeTraining';
import { pointAlongEdge } from './edge-geometry';
import { EdgeLabelRenderer } from './edge-label-layer';
import type { FlowEdge } from './flow-elements';
import { compactNumber } from './format-value';

function weightText(weight: number | number[] | undefined): string | null {
  if (weight === undefined) return null;
  if (typeof weight === 'number') return compactNumber(weight);
  return weight.length <= 2
    ? `[${weight.map(compactNumber).join(', ')}]`
    : `[${compactNumber(weight[0])}, …]`;
}

/** An edge, coloured by what flows through it; an edge into a neuron shows its weight. */
function NeuroEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  const type = useDocument(selectEdgeType(id));
  const targetKind = useDocument(selectEdgeTargetKind(id));
  const weight = useDocument(selectEdgeWeight(id));
  const diagnostics = useCompiled(selectEdgeDiagnostics(id));
  const lit = useLesson(selectEdgeLit(id));
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const problem = diagnostics.find((d) => d.severity === 'error');
  const showWeight = edgesCarryWeights(targetKind ? { kind: targetKind } : undefined);
  const text = weightText(weight);
  const at = showWeight ? pointAlongEdge(sourceX, sourceY, targetX, targetY) : null;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={18}
        className={`ng-edge ng-edge--${type ?? 'unknown'}${selected ? ' is-selected' : ''}${problem ? ' has-error' : ''}${lit ? ' is-lesson-lit' : ''}`}
      />
      {problem && <title>{problem.message}</title>}
      <EdgeTraining id={id} path={path} at={at} selected={!!selected}>
        {at && (
          <EdgeLabelRenderer>
            <button
              type="button"
              className={`ng-weight nodrag nopan${text ? '' : ' is-default'}${selected ? ' is-selected' : ''}`}
              style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
              title={
                text ? `Initial weight ${text}` : 'Weight drawn by the init scheme; select the edge to set it'
              }
              data-testid={`weight-${id}`}
              onClick={() => useSelection.getState().select([], [id])}
            >
              {text ?? 'w'}
            </button>
          </EdgeLabelRenderer>
        )}
      </EdgeTraining>
    </>
  );
}

export const NeuroEdge = memo(NeuroEdgeView);
