/**
 * The right-hand column: the inspector, or, while a lesson is open, the lesson and the inspector
 * as two tabs (the lesson first; a new lesson brings its tab back to the front).
 */
import '../../styles/lessons.css';
import { useEffect, useState } from 'react';
import type { LessonState } from '../../store/lesson';
import { CloseIcon } from '../icons';
import { Inspector } from '../inspector/Inspector';
import { lazyComponent } from '../lazy/lazy-component';
import { CanvasNotes } from './CanvasNotes';
import { useLesson } from './lesson-app';

/** The lesson panel's code loads with the first lesson opened. */
const LessonPanel = lazyComponent('the lesson', () => import('./LessonPanel').then((m) => m.LessonPanel));

const selectLesson = (s: LessonState) => s.lesson;

type Tab = 'lesson' | 'inspector';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'lesson', label: 'Lesson' },
  { id: 'inspector', label: 'Inspector' },
];

function LessonSide({ className }: { className?: string }) {
  const lesson = useLesson(selectLesson);
  const [tab, setTab] = useState<Tab>('lesson');
  useEffect(() => {
    if (lesson) setTab('lesson');
  }, [lesson]);
  return (
    <aside className={`lesson-side ${className ?? ''}`} aria-label="Lesson" data-testid="lesson-side">
      <div className="lesson-tabs">
        {/* The tab list holds only the tabs: the close button beside it is not a tab. */}
        <div className="lesson-tabs__list" role="tablist" aria-label="Side panel">
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              className="lesson-tabs__tab"
              aria-selected={tab === id}
              data-testid={`tab-${id}`}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <span className="lesson-tabs__spacer" />
        <button
          type="button"
          className="btn btn--icon"
          aria-label="Close the lesson"
          title="Close the lesson (the network stays)"
          data-testid="lesson-close"
          onClick={() => useLesson.getState().close()}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="lesson-side__body" role="tabpanel">
        {tab === 'lesson' ? <LessonPanel /> : <Inspector className="lesson-side__inspector" />}
      </div>
      <CanvasNotes />
    </aside>
  );
}

const selectOpen = (s: LessonState) => s.lesson !== null;

/** Whether a lesson is open (the app widens the right column for it). */
export const useLessonOpen = () => useLesson(selectOpen);

/** Mounted in the app's right column. */
export function RightColumn({ className }: { className?: string }) {
  const open = useLessonOpen();
  return open ? <LessonSide className={className} /> : <Inspector className={className} />;
}
