export { applyChanges, CHANGE_TYPES, type Change, ChangeError, type ChangeType, restoring } from './changes';
export {
  type ChangeChoices,
  type Choice,
  changeChoices,
  firstComparison,
  MOMENTUM_CHOICE,
  optimizerChange,
} from './choices';
export { describeChange } from './describe';
export { type RunResult, runVariant } from './run';
export {
  baseGraph,
  type ComparedRuns,
  DEFAULT_STEPS,
  MAX_STEPS,
  MAX_VARIANTS,
  type ShownVariant,
  showVariant,
  type Variant,
  variantGraph,
} from './runs';
export { EVALUATIONS, evaluationSteps } from './schedule';
export { type RunPoint, type RunSummary, runPoint, summarizeRun } from './summary';
export { atTarget, type FirstAtTarget, targetGap } from './target';
