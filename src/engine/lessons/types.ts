/**
 * A lesson as the engine runs it: a document (a built-in example or an inline graph), checks on
 * the network's prediction, the steps that teach (text, highlights on the canvas, an action to run)
 * and variants of the document, each one change away. Every number a lesson states can be stated
 * machine-checkably (a step's `after`, a variant's `passes`), so a test replays the lesson through
 * the engine and holds it to its words.
 *
 * These are plain types. The `.lesson.json` file that holds a lesson (its zod schema, the loader
 * and the built-in lessons) is the format's, in src/format/lessons; its schema is checked at
 * compile time to read exactly these types.
 */
import type { ComparedRuns } from '../compare/runs';
import type { Graph } from '../graph';
import type { Phase } from '../runtime/trainer';

/**
 * A number as a lesson states it: a bare number with decimals holds when the actual value rounds to
 * it at the decimals written (−98.8 means within ±0.05); a whole number is meant exactly; an object
 * gives the tolerance explicitly.
 */
export type Approx = number | { value: number; tolerance: number };

export type Comparison = '<' | '<=' | '>' | '>=' | '=';

/**
 * What a check expects of the value it reads: "zero" (exactly 0), "positive" (> 0), "negative"
 * (< 0), or a comparison such as { op: ">=", value: 0.5 }.
 */
export type CheckExpectation =
  | 'zero'
  | 'positive'
  | 'negative'
  | {
      op: Comparison;
      value: number;
      /** Only for "=": the allowed difference (default 0, exact). */
      tolerance?: number;
    };

export interface LessonCheck {
  /** What the check says, in KaTeX (without $ delimiters). */
  label: string;
  /** The example's features, fed to the Dataset node; [] when the document has no dataset. */
  input: number[];
  expect: CheckExpectation;
  /** Node whose output is read; default: the node feeding the trained loss's prediction. */
  node?: string;
  /** Output port (or internal buffer such as a neuron's z); default: the node's first output. */
  port?: string;
  /** Which number of that output, when it holds several; default 0. */
  index?: number;
}

/** What pressing a step's button does (see run.ts for the meanings). */
export type LessonAction =
  | { type: 'reset' }
  | { type: 'step'; count?: number }
  | { type: 'phase'; phase?: Phase }
  | { type: 'train'; steps: number };

export interface LessonHighlight {
  /** Ids of nodes to highlight. */
  nodes?: string[];
  /** Ids of edges to highlight (an edge into a neuron is its weight). */
  edges?: string[];
  /** Notes pinned next to nodes on the canvas (Markdown with KaTeX), e.g. "dead for every x > 0". */
  notes?: LessonNote[];
}

export interface LessonNote {
  /** Id of the node the note sits next to. */
  node: string;
  text: string;
}

/** Numbers that hold after a variant's training; a step's `after` adds its step count and the checks. */
export interface VariantAfter {
  /** L on the last batch (after its loss phase). */
  loss?: Approx;
  /** Trainable parameters by label. */
  parameters?: Record<string, Approx>;
  /** ∂L/∂θ of the last backward pass, by parameter label. */
  gradients?: Record<string, Approx>;
  /** Buffers of the last forward pass for the batch's first example: "node" or "node:port". */
  outputs?: Record<string, Approx>;
}

export interface StepAfter extends VariantAfter {
  /** Completed training steps. */
  step?: number;
  /** Whether each of the lesson's checks passes, in order. */
  checks?: boolean[];
}

export interface LessonStep {
  title: string;
  /** Markdown, with $…$ and $$…$$ for KaTeX. */
  body: string;
  highlight?: LessonHighlight;
  action?: LessonAction;
  /** What holds once the action has run. */
  after?: StepAfter;
}

/**
 * A lesson's or a variant's document, resolved: the graph, and the example it came from if any.
 * `G` is the graph as the reader of the lesson holds it (the format's loader gives its documents).
 */
export interface LessonDocument<G extends Graph = Graph> {
  /** Set when the file said `{ "example": "<id>" }`. */
  example?: string;
  graph: G;
}

export interface LessonVariant<G extends Graph = Graph> {
  id: string;
  title: string;
  /** The change(s) from the lesson's document, in Markdown. */
  change: string;
  /**
   * How many separate changes that is (default 1): a variant that fixes things by changing several
   * at once says so, and the panel shows the count.
   */
  changes?: number;
  document: LessonDocument<G>;
  /** The variant's own checks, or the lesson's when it gives none. */
  checks: LessonCheck[];
  /** Training steps from the initial parameters before the checks are judged. */
  trainSteps: number;
  /** Whether each check passes after trainSteps steps, in order. */
  passes: boolean[];
  /** The result in words (Markdown). */
  result: string;
  after?: VariantAfter;
}

export interface Lesson<G extends Graph = Graph> {
  version: number;
  id: string;
  title: string;
  /** One or two sentences, Markdown. */
  summary: string;
  document: LessonDocument<G>;
  checks: LessonCheck[];
  steps: LessonStep[];
  variants: LessonVariant<G>[];
  /**
   * Runs compared on the lesson's network: opened with it, so "Compare…" shows them at once
   * (src/engine/compare). Each variant is a name and its changes.
   */
  comparison?: ComparedRuns;
}
