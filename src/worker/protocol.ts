/**
 * The messages between the UI thread and the training worker. Requests carry an id and get exactly
 * one reply with the same id; the worker also sends events on its own (snapshots while playing,
 * play status changes). Everything here is structured-cloneable; typed arrays are transferred.
 */
import type { EdgeId, Graph } from '../engine/graph';
import type { Phase } from '../engine/runtime/trainer';
import type {
  Evaluation,
  ExplainOptions,
  GradientExplanation,
  GradientVerification,
  GridOptions,
  GridPrediction,
  LoadResult,
  RewindResult,
  SessionSettings,
  TrainingSnapshot,
} from '../engine/training';

export interface PlayOptions {
  /** Steps per second for a slow, watchable run; absent: as fast as possible. */
  stepsPerSecond?: number;
  /** Stop when the run reaches this step. */
  until?: number;
}

export interface WorkerSettings extends SessionSettings {
  /** Most snapshots per second while playing; default 30. */
  snapshotHz?: number;
  /** Milliseconds of training per slice while playing fast; default 16. */
  sliceMs?: number;
}

export type PlayStopReason =
  | 'pause'
  | 'until'
  | 'non-finite'
  | 'load'
  | 'reset'
  | 'rewind'
  | 'error'
  | 'nothing';

export interface PlayStatus {
  playing: boolean;
  step: number;
  /** Why playing stopped (absent while playing). */
  reason?: PlayStopReason;
  /** With reason 'error': what went wrong. */
  error?: string;
}

export interface StepResult {
  /** Completed steps of the run afterwards. */
  step: number;
  /** Steps (or phases) actually taken: fewer than asked when training paused. */
  taken: number;
  paused: boolean;
}

export interface PhaseResult {
  /** The phase that ran, or null when training is paused or nothing compiles. */
  phase: Phase | null;
  step: number;
  paused: boolean;
}

/** Requests, without their id: what the client's methods send. */
export type RequestBody =
  | { type: 'load'; graph: Graph; keep?: boolean }
  | { type: 'step'; count?: number }
  | { type: 'phase' }
  | { type: 'play'; options?: PlayOptions }
  | { type: 'pause' }
  | { type: 'reset' }
  | { type: 'rewind'; step: number }
  | { type: 'seek'; step: number | null; snap?: 'down' | 'up' }
  | { type: 'configure'; settings: WorkerSettings }
  | { type: 'evaluate' }
  | { type: 'predictGrid'; options?: GridOptions }
  | { type: 'verifyGradient'; index: number }
  | { type: 'explainEdge'; edgeId: EdgeId; options?: ExplainOptions }
  | { type: 'explainParameter'; index: number; options?: ExplainOptions }
  | { type: 'snapshot' };

export type RequestType = RequestBody['type'];

/** A request as posted: its body and the id its reply will carry. */
export type Request = RequestBody & { id: number };

export type RequestOf<K extends RequestType> = Extract<RequestBody, { type: K }>;

/** What each request's reply resolves to. */
export interface Results {
  load: LoadResult;
  step: StepResult;
  phase: PhaseResult;
  play: PlayStatus;
  pause: PlayStatus;
  reset: StepResult;
  rewind: RewindResult;
  seek: { step: number | null };
  configure: null;
  evaluate: Evaluation | null;
  predictGrid: GridPrediction | null;
  verifyGradient: GradientVerification;
  explainEdge: GradientExplanation;
  explainParameter: GradientExplanation;
  snapshot: TrainingSnapshot | null;
}

export type SuccessReply = {
  [K in RequestType]: { type: 'reply'; id: number; request: K; ok: true; result: Results[K] };
}[RequestType];

export interface ErrorReply {
  type: 'reply';
  id: number;
  request: RequestType;
  ok: false;
  error: string;
}

export type Reply = SuccessReply | ErrorReply;

/** Sent without a request: every change of what the canvas shows, and play starting or stopping. */
export type WorkerEvent =
  | { type: 'snapshot'; snapshot: TrainingSnapshot }
  | { type: 'status'; status: PlayStatus };

/** Everything the worker posts. */
export type WorkerMessage = Reply | WorkerEvent;

export const REQUEST_TYPES: readonly RequestType[] = [
  'load',
  'step',
  'phase',
  'play',
  'pause',
  'reset',
  'rewind',
  'seek',
  'configure',
  'evaluate',
  'predictGrid',
  'verifyGradient',
  'explainEdge',
  'explainParameter',
  'snapshot',
];

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { id?: unknown; type?: unknown };
  return typeof v.id === 'number' && REQUEST_TYPES.includes(v.type as RequestType);
}
