/**
 * The current step's notes, pinned above their nodes on the canvas (React Flow's NodeToolbar keeps
 * them there through pans and zooms). Only on the lesson's own network, not on a variant's.
 */
import { NodeToolbar, Position } from '@xyflow/react';
import type { LessonState } from '../../store/lesson';
import { useLesson } from './lesson-app';
import { Markdown } from './Markdown';

const NONE: readonly { node: string; text: string }[] = [];

const selectNotes = (s: LessonState) =>
  (s.attached && !s.variant && s.lesson?.steps[s.index]?.highlight?.notes) || NONE;

export function CanvasNotes() {
  const notes = useLesson(selectNotes);
  return notes.map((note) => (
    <NodeToolbar key={note.node} nodeId={note.node} isVisible position={Position.Top} offset={12}>
      <div className="lesson-canvas-note" role="note" data-testid={`lesson-note-${note.node}`}>
        <Markdown inline source={note.text} />
      </div>
    </NodeToolbar>
  ));
}
