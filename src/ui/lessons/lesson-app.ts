/**
 * The app's lesson store: it follows the app's document, compiled graph and training run, and opens
 * documents the way the other open actions do (the previous one stays a click away).
 */
import { useCompiled, useDocument } from '../../store';
import { createLessonStore } from '../../store/lesson';
import { useReadout, useTraining } from '../../store/training-app';
import { openAndShow } from '../actions/documents';

const app = createLessonStore({
  documents: useDocument,
  compiled: useCompiled,
  training: useTraining,
  overlay: useReadout,
  openDocument: (doc) => openAndShow(doc),
});

/** The open lesson: page, variant, actions. */
export const useLesson = app.store;
/** Its checks and parameters, judged on the numbers training shows. */
export const useLessonChecks = app.checks;
