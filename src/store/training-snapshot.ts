/**
 * Snapshot diffing: what of the training store changes when the worker's snapshot arrives. Only
 * the fields that differ are in the patch, and lists keep their identity while their contents stay
 * the same, so components that read them do not render again for nothing. Pure: the store applies
 * the patch (training.ts).
 */
import type {
  Evaluation,
  LoadResult,
  NonFiniteReport,
  TrainingSnapshot,
  WatchDiagnostic,
} from '../engine/training';
import { indexById } from './index-by-id';
import type { BatchView, TrainingData, TrainingProblem } from './training';

export const NO_PROBLEMS = new Map<string, readonly TrainingProblem[]>();
export const EMPTY_BATCH: BatchView = { indices: [], size: 0, example: 0 };

/** Most evaluations kept: beyond it, every other one of the older half is dropped. */
const MAX_EVALUATIONS = 2000;

export function appendEvaluation(list: readonly Evaluation[], e: Evaluation): readonly Evaluation[] {
  if (list.length < MAX_EVALUATIONS) return [...list, e];
  const half = list.length >> 1;
  return [...list.slice(0, half).filter((_, i) => i % 2 === 0), ...list.slice(half), e];
}

function sameProblems(a: readonly TrainingProblem[] | undefined, b: readonly TrainingProblem[]): boolean {
  return (
    !!a &&
    a.length === b.length &&
    a.every((p, i) => p.message === b[i].message && p.severity === b[i].severity && p.code === b[i].code)
  );
}

/** Problems by node and edge id, keeping each list's identity while its messages stay the same. */
export function indexProblems(
  snapshot: { nonFinite: NonFiniteReport | null; diagnostics: readonly WatchDiagnostic[] },
  previous: TrainingData['problems'],
): TrainingData['problems'] {
  const nodes: [string, TrainingProblem][] = [];
  const edges: [string, TrainingProblem][] = [];
  const add = (p: TrainingProblem, at: { nodeId?: string; edgeId?: string }) => {
    if (at.edgeId) edges.push([at.edgeId, p]);
    else if (at.nodeId) nodes.push([at.nodeId, p]);
  };
  const nf = snapshot.nonFinite;
  if (nf) add({ code: 'non-finite', severity: 'error', message: nf.message }, nf);
  for (const d of snapshot.diagnostics) add({ code: d.code, severity: 'warning', message: d.message }, d);
  const n = indexById(nodes, previous.nodes, sameProblems);
  const e = indexById(edges, previous.edges, sameProblems);
  return n === previous.nodes && e === previous.edges ? previous : { nodes: n, edges: e };
}

function sameIndices(a: readonly number[], b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameSplit = (a: Evaluation['train'], b: Evaluation['train']) =>
  a.count === b.count && Object.is(a.loss, b.loss) && Object.is(a.accuracy, b.accuracy);
const sameEvaluation = (a: Evaluation, b: Evaluation) =>
  a.step === b.step && sameSplit(a.train, b.train) && sameSplit(a.test, b.test);

const sameDiagnostics = (a: readonly WatchDiagnostic[], b: readonly WatchDiagnostic[]) =>
  a.length === b.length && a.every((d, i) => d.message === b[i].message && d.code === b[i].code);

/** The evaluations with `e` in its place: appended when newer, replacing a later or different one. */
function withEvaluation(list: readonly Evaluation[], e: Evaluation): readonly Evaluation[] | undefined {
  const last = list[list.length - 1];
  if (!last || last.step < e.step) return appendEvaluation(list, e);
  if (last.step > e.step || !sameEvaluation(last, e)) return [...list.filter((x) => x.step < e.step), e];
  return undefined;
}

export interface SnapshotContext {
  /** The diagnostics to show (sticky-diagnostics.ts has steadied the snapshot's). */
  diagnostics: readonly WatchDiagnostic[];
  /** Stepping phase by phase: the id of the new wave of what the phase touched; null: no wave. */
  waveId: number | null;
}

/** What changes in the store's data when snapshot `s` is shown over `state`. */
export function snapshotPatch(
  state: TrainingData,
  s: TrainingSnapshot,
  ctx: SnapshotContext,
): Partial<TrainingData> {
  const patch: Partial<TrainingData> = {
    step: s.step,
    liveStep: s.liveStep,
    epoch: s.epoch,
    seeking: s.seeking,
    loss: s.loss,
    ran: s.step > 0 || s.phase.last !== null,
    paused: s.paused,
    nonFinite: s.nonFinite,
    evaluation: s.evaluation,
    curveVersion: state.curveVersion + 1,
  };
  if (
    state.history.exactEvery !== s.history.exactEvery ||
    state.history.everyStepFrom !== s.history.everyStepFrom
  ) {
    patch.history = s.history;
  }
  if (!state.phase || state.phase.last !== s.phase.last || state.phase.next !== s.phase.next) {
    patch.phase = s.phase;
  }
  const b = s.batch;
  if (
    state.batch.size !== b.size ||
    state.batch.example !== b.example ||
    !sameIndices(state.batch.indices, b.indices)
  ) {
    patch.batch = { indices: Array.from(b.indices), size: b.size, example: b.example };
  }
  if (!sameDiagnostics(state.diagnostics, ctx.diagnostics)) patch.diagnostics = ctx.diagnostics;
  patch.problems = indexProblems(
    { nonFinite: s.nonFinite, diagnostics: patch.diagnostics ?? state.diagnostics },
    state.problems,
  );
  if (s.evaluation && !s.seeking) {
    const evaluations = withEvaluation(state.evaluations, s.evaluation);
    if (evaluations) patch.evaluations = evaluations;
  }
  if (ctx.waveId !== null && s.phase.last) {
    const t = s.phase.touched;
    patch.wave = {
      phase: s.phase.last,
      nodes: new Map(t.nodes.map((id, i) => [id as string, i])),
      edges: new Map(t.edges.map((id, i) => [id as string, i])),
      id: ctx.waveId,
    };
  } else if (state.wave) {
    patch.wave = null;
  }
  return patch;
}

/** What changes in the store's data when a load finishes: the new layout; a fresh start when it does not compile. */
export function loadedPatch(result: LoadResult, state: TrainingData): Partial<TrainingData> {
  const problem = result.diagnostics.find((d) => d.severity === 'error');
  const patch: Partial<TrainingData> = {
    compiled: result.ok,
    loadProblem: result.ok ? null : (problem?.message ?? 'The network does not compile.'),
    layout: result.layout,
    loadId: result.layout?.loadId ?? state.loadId,
    kept: result.kept,
    evaluations: [],
    wave: null,
    playing: false,
    seeking: false,
    error: null,
  };
  if (result.ok) return patch;
  return {
    ...patch,
    step: 0,
    liveStep: 0,
    epoch: 0,
    loss: Number.NaN,
    ran: false,
    phase: null,
    batch: EMPTY_BATCH,
    evaluation: null,
    diagnostics: [],
    nonFinite: null,
    paused: false,
    problems: { nodes: NO_PROBLEMS, edges: NO_PROBLEMS },
    curveVersion: state.curveVersion + 1,
  };
}
