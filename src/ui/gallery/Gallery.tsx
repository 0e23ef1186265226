/**
 * The gallery: one card per built-in example (what it is, what training it reaches, a thumbnail),
 * each opening a complete, trainable network, or its lesson when it has one; then the lessons, and
 * a lesson file to import. Opening keeps the previous network a click away (the toast).
 */
import '../../styles/lessons.css';
import { useMemo } from 'react';
import { EXAMPLES, type Example } from '../../engine/examples';
import type { Lesson } from '../../engine/lessons';
import type { NeurographDocument } from '../../format';
import { builtinLessons } from '../../format/lessons';
import { openExample } from '../actions/examples';
import { Modal } from '../dialogs/Modal';
import { ImportIcon } from '../icons';
import { Markdown } from '../lessons/Markdown';
import { GraphPreview } from './GraphPreview';
import { openLesson, pickLessonFile, useGallery } from './state';

type AppLesson = Lesson<NeurographDocument>;

function lessonsOrNone(): readonly AppLesson[] {
  try {
    return builtinLessons();
  } catch {
    // An invalid built-in lesson is a bug the tests catch; the examples still open.
    return [];
  }
}

function ExampleCard({ example, lesson }: { example: Example; lesson?: AppLesson }) {
  return (
    <article className="gallery-card" data-testid={`gallery-card-${example.id}`}>
      <div className="gallery-card__preview">
        <GraphPreview example={example} />
      </div>
      <div className="gallery-card__body">
        <h3 className="gallery-card__title">{example.title}</h3>
        <p className="gallery-card__summary">{example.summary}</p>
        <p className="gallery-card__result" title="What training with its own settings reaches">
          <span className="gallery-card__result-mark" aria-hidden="true">
            ◎
          </span>
          <span>{example.result}</span>
        </p>
        <div className="gallery-card__actions">
          <button
            type="button"
            className="btn btn--primary"
            data-testid={`gallery-open-${example.id}`}
            onClick={() => openExample(example)}
          >
            Open
          </button>
          {lesson && (
            <button
              type="button"
              className="btn btn--outline"
              data-testid={`gallery-lesson-${lesson.id}`}
              title={lesson.title}
              onClick={() => openLesson(lesson)}
            >
              Open lesson
            </button>
          )}
        </div>
      </div>
    </article>
  );
}

function LessonCard({ lesson }: { lesson: AppLesson }) {
  return (
    <article className="gallery-lesson" data-testid={`gallery-lesson-card-${lesson.id}`}>
      <div className="gallery-lesson__text">
        <h3 className="gallery-card__title">{lesson.title}</h3>
        <Markdown className="gallery-lesson__summary" source={lesson.summary} />
        <p className="gallery-lesson__meta">
          {lesson.steps.length} steps
          {lesson.variants.length > 0 &&
            ` · ${lesson.variants.length} variant${lesson.variants.length === 1 ? '' : 's'}`}
          {lesson.checks.length > 0 &&
            ` · ${lesson.checks.length} check${lesson.checks.length === 1 ? '' : 's'}`}
        </p>
      </div>
      <button
        type="button"
        className="btn btn--primary"
        data-testid={`gallery-start-${lesson.id}`}
        onClick={() => openLesson(lesson)}
      >
        Start lesson
      </button>
    </article>
  );
}

function GalleryDialog() {
  const lessons = useMemo(lessonsOrNone, []);
  const close = () => useGallery.getState().close();
  return (
    <Modal
      title="Examples and lessons"
      titleId="gallery-title"
      testId="gallery"
      className="dialog--gallery"
      onClose={close}
    >
      <p className="dialog__lead">
        A lesson walks you through a network step by step, with checks that turn green as it learns. The
        examples are complete networks, wired and ready to train; each says what training reaches.
      </p>
      <div className="gallery__section gallery__section--first">
        <h3 className="gallery__heading">Lessons</h3>
        <button
          type="button"
          className="btn btn--outline"
          data-testid="gallery-import-lesson"
          title="Open a lesson from a .lesson.json file"
          onClick={pickLessonFile}
        >
          <ImportIcon />
          Import a lesson file…
        </button>
      </div>
      <div className="gallery__lessons">
        {lessons.map((lesson) => (
          <LessonCard key={lesson.id} lesson={lesson} />
        ))}
      </div>
      <div className="gallery__section">
        <h3 className="gallery__heading">Examples</h3>
      </div>
      <div className="gallery__grid">
        {EXAMPLES.map((example) => (
          <ExampleCard
            key={example.id}
            example={example}
            lesson={lessons.find((l) => l.document.example === example.id)}
          />
        ))}
      </div>
    </Modal>
  );
}

const selectOpen = (s: { open: boolean }) => s.open;

/** Mounted once in the app; shows the gallery while it is open. */
export function Gallery() {
  const open = useGallery(selectOpen);
  return open ? <GalleryDialog /> : null;
}

export { GalleryDialog };
