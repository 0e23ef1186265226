import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo, useEffect } from 'react';
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
import { LabelLeader } from './LabelLeader';
import { DEFAULT_LABEL_T } from './label-placement';
import {
  forgetEdgeEnds,
  reportEdgeEnds,
  selectEdgeInFocus,
  selectLabelOffset,
  selectLabelT,
  useLabelSlots,
} from './label-slots';
import { labelTransform } from './number-blocks';
import { useShortEdgeClass } from './short-edge-ends';

function weightText(weight: number | number[] | undefined): string | null {
  if (weight === undefined) return null;
  if (typeof weight === 'number') return compactNumber(weight);
  return weight.length <= 2
    ? `[${weight.map(compactNumber).join(', ')}]`
    : `[${compactNumber(weight[0])}, …]`;
}

/** An edge, coloured by what flows through it; an edge into a neuron shows its weight. */
function NeuroEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } =
    props;
  const type = useDocument(selectEdgeType(id));
  const targetKind = useDocument(selectEdgeTargetKind(id));
  const weight = useDocument(selectEdgeWeight(id));
  const diagnostics = useCompiled(selectEdgeDiagnostics(id));
  const lit = useLesson(selectEdgeLit(id));
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const short = useShortEdgeClass(sourceX, targetX);
  const problem = diagnostics.find((d) => d.severity === 'error');
  const showWeight = edgesCarryWeights(targetKind ? { kind: targetKind } : undefined);
  const text = weightText(weight);
  // Where along the edge its label sits was chosen for all labels together (label-slots.ts), so
  // labels of edges into one neuron do not stack; the label follows the edge at that t as it moves.
  // Where a dense layer leaves no free place (t null) the label shows only while the edge is selected.
  // The edges of a focused neuron (hovered or selected) show their labels wherever there is room.
  const t = useLabelSlots(selectLabelT(id));
  const focused = useLabelSlots(selectEdgeInFocus(id));
  // Where no point of the edge had room, the label sits beside one, with a leader line to it.
  const offset = useLabelSlots(selectLabelOffset(id));
  const labelled = showWeight && (t !== null || !!selected);
  const at = labelled ? pointAlongEdge(sourceX, sourceY, targetX, targetY, t ?? DEFAULT_LABEL_T) : null;
  useEffect(() => {
    if (showWeight) reportEdgeEnds(id, sourceX, sourceY, targetX, targetY);
    else forgetEdgeEnds(id);
  }, [id, showWeight, sourceX, sourceY, targetX, targetY]);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        // Which nodes it joins, for tests and tools (its accessible name reads the nodes' labels).
        data-source={source}
        data-target={target}
        interactionWidth={24}
        className={`ng-edge ng-edge--${type ?? 'unknown'}${selected ? ' is-selected' : ''}${focused ? ' is-focus' : ''}${problem ? ' has-error' : ''}${lit ? ' is-lesson-lit' : ''}${short}`}
      />
      {problem && <title>{problem.message}</title>}
      <EdgeTraining id={id} path={path} at={at} offset={offset} selected={!!selected} focused={focused}>
        {at && (
          <EdgeLabelRenderer>
            <button
              type="button"
              className={`ng-weight nodrag nopan${text ? '' : ' is-default'}${selected ? ' is-selected' : ''}${focused ? ' is-focus' : ''}`}
              style={{ transform: labelTransform(at, offset?.dy) }}
              title={
                text ? `Initial weight ${text}` : 'Weight drawn by the init scheme; select the edge to set it'
              }
              data-testid={`weight-${id}`}
              onClick={() => useSelection.getState().select([], [id])}
            >
              {text ?? 'w'}
              <LabelLeader offset={offset} />
            </button>
          </EdgeLabelRenderer>
        )}
      </EdgeTraining>
    </>
  );
}

export const NeuroEdge = memo(NeuroEdgeView);
