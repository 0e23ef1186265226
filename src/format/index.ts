/** The saved document: import, export, upgrade and describe .neurograph.json files. */
export { MAX_COORDINATE, MAX_DESCRIPTION_CHARS } from './bounds';
export type { KindLookup } from './check-graph';
export { documentFileName, exportDocument } from './export';
export { DEFAULT_MAX_LENGTH, type ImportOptions, type ImportResult, importDocument } from './import';
export { documentJsonSchema, type JsonSchema } from './json-schema';
export {
  builtinLessons,
  findLesson,
  LESSON_FORMAT,
  LESSON_VERSION,
  type LessonFile,
  type LessonLoadResult,
  lessonFiles,
  lessonJsonSchema,
  lessonSchema,
  MAX_TRAIN_STEPS,
  parseLesson,
  type VariantFile,
  validateLesson,
} from './lessons';
export {
  type JsonObject,
  type Migration,
  type MigrationChain,
  type MigrationResult,
  migrate,
  migrations,
} from './migrations';
export { formatProblem, type Problem } from './problem';
export {
  CURRENT_VERSION,
  documentSchema,
  FORMAT_TAG,
  type NeurographDocument,
  type Viewport,
} from './schema';
export {
  hasSharedDocument,
  LONG_LINK_CHARS,
  readShareHash,
  SHARE_KEY,
  type ShareLink,
  shareHash,
  shareLink,
} from './share-link';
