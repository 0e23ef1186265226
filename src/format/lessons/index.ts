/**
 * The `.lesson.json` file: its schema, the loader that resolves and checks it against its
 * documents, and the lessons that ship with the app. The lesson itself (types, checks, replay) is
 * the engine's: src/engine/lessons.
 */
export { builtinLessons, findLesson, lessonFiles } from './builtin';
export { type LessonLoadResult, parseLesson, validateLesson } from './load';
export {
  LESSON_FORMAT,
  LESSON_VERSION,
  type LessonFile,
  lessonJsonSchema,
  lessonSchema,
  MAX_TRAIN_STEPS,
  type VariantFile,
} from './schema';
