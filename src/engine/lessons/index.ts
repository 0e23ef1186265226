/** Lessons as data: the format, its loader, check evaluation and replay through the engine. */
export { builtinLessons, findLesson, LESSON_FILES } from './builtin';
export {
  approxTolerance,
  approxValue,
  type CheckResult,
  evaluateChecks,
  expectationHolds,
  expectationTex,
  matchesApprox,
} from './checks';
export {
  type Lesson,
  type LessonDocument,
  type LessonLoadResult,
  type LessonVariant,
  parseLesson,
  splitOutputKey,
  validateLesson,
} from './load';
export {
  applyAction,
  compileLessonDocument,
  type LessonReplay,
  type Mismatch,
  readOutput,
  replayLesson,
  runVariant,
  type VariantRun,
  verifyAfter,
} from './run';
export {
  type Approx,
  type CheckExpectation,
  LESSON_FORMAT,
  LESSON_VERSION,
  type LessonAction,
  type LessonCheck,
  type LessonFile,
  type LessonHighlight,
  type LessonStep,
  lessonJsonSchema,
  lessonSchema,
  MAX_TRAIN_STEPS,
  type StepAfter,
  type VariantAfter,
  type VariantFile,
} from './schema';
