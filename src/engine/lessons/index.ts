/**
 * Lessons in the engine: their types, check evaluation and replay through a Trainer. Reading a
 * `.lesson.json` file (schema, loader, the built-in lessons) is the format's: src/format/lessons.
 */
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
  applyAction,
  compileLessonDocument,
  type LessonReplay,
  type Mismatch,
  readOutput,
  replayLesson,
  runVariant,
  splitOutputKey,
  type VariantRun,
  verifyAfter,
} from './run';
export type {
  Approx,
  CheckExpectation,
  Comparison,
  Lesson,
  LessonAction,
  LessonCheck,
  LessonDocument,
  LessonHighlight,
  LessonStep,
  LessonVariant,
  StepAfter,
  VariantAfter,
} from './types';
