/** Engine-level helpers behind "step and train visually": pure, DOM-free, usable in a worker or in tests. */
export {
  type Evaluation,
  Evaluator,
  evaluate,
  type GridAxis,
  type GridOptions,
  type GridPrediction,
  predictGrid,
  type SplitEvaluation,
  type SplitName,
} from './evaluate';
export {
  checkPhase,
  firstNonFinite,
  locateNonFinite,
  type NonFiniteReport,
  type NonFiniteWhat,
} from './finite';
export {
  blockAt,
  type ExplainOptions,
  explainEdgeGradient,
  explainParameter,
  type GradientExplanation,
  type GradientSubject,
  type GradientTerm,
  type GradientVerification,
  type ParameterExplanation,
  parameterLabel,
  type SignalExplanation,
  verifyGradient,
  type WeightExplanation,
} from './gradient-check';
export {
  type Checkpoint,
  type CheckpointSource,
  type HistoryOptions,
  ParameterHistory,
} from './history';
export {
  type DataLayout,
  describePlan,
  type LayoutBlock,
  type LayoutEdge,
  type LayoutInput,
  type LayoutNode,
  layoutTransferables,
  type PhaseTouch,
  phaseTouches,
  type TrainingLayout,
} from './layout';
export { LossCurve } from './loss-curve';
export { findPrediction, type Model, type PredictionSource } from './prediction';
export {
  type ArenaSnapshot,
  type LoadOptions,
  type LoadResult,
  type RewindResult,
  type RunBudget,
  type SessionOptions,
  type SessionSettings,
  TrainingSession,
  type TrainingSnapshot,
} from './session';
export { snapshotTransferables } from './snapshot-pack';
export { forEachDropped, isKept, keptBound, spacingAt } from './thinning';
export { TrainingWatch, type WatchCode, type WatchDiagnostic, type WatchOptions } from './watch';
