/**
 * The open lesson: which page the learner is on (a step, or the variants after the last one),
 * whether that step's action has run, which variant is loaded, and the live checks.
 *
 * A lesson drives the app's own training store, with the meanings of src/engine/lessons/run.ts:
 *   reset → reset(), step { count } → trainStep(count), phase → phaseStep(), train { steps } → trainStep(steps).
 * A step's action runs when the learner presses its button (or moves on with Next). Arriving at
 * step j any other way (Back, a jump, leaving a variant) replays from a reset: the lesson's document
 * is reopened if need be, then the actions of steps 0 … j − 1 run in order. Training is seeded and
 * reproducible, so the numbers are the ones the lesson states. A step whose action is a reset has it
 * run on arrival: there is nothing to watch.
 *
 * The checks (the variant's when one is loaded) are judged in the UI thread on the numbers the
 * overlay holds (lesson-checks.ts) whenever they change: before, during and after training.
 */
import { create } from 'zustand';
import type { Lesson, LessonAction, LessonCheck, LessonHighlight, LessonVariant } from '../engine/lessons';
import type { NeurographDocument } from '../format';
import type { CompiledStore } from './compiled';
import type { DocumentStore } from './document';
import type { CheckRow, ParameterValue } from './lesson-checks';
import { createLessonChecks } from './lesson-judge';
import { serialQueue } from './lesson-queue';
import { perId } from './per-id';
import type { TrainingStore } from './training';
import type { OverlayStore } from './training-overlay';

export type OpenLesson = Lesson<NeurographDocument>;

export interface LessonData {
  lesson: OpenLesson | null;
  /** The page shown: a step's index, or `lesson.steps.length` for the variants. */
  index: number;
  /** The current step's action has run (or it has none). */
  done: boolean;
  /** The id of the variant whose document is loaded, else null (the lesson's own document). */
  variant: string | null;
  /** The loaded variant has been trained for its stated steps since it was loaded. */
  variantTrained: boolean;
  /** Actions are running (navigation waits for them). */
  busy: boolean;
  /** The canvas shows the lesson's (or the variant's) network: it shares node ids with it. */
  attached: boolean;
  error: string | null;
}

export interface LessonActions {
  /** Loads the lesson's document and shows its first step. */
  open(lesson: OpenLesson): Promise<void>;
  /** Closes the panel; the document stays as it is. */
  close(): void;
  /** Runs the current step's action if it has not run, then shows the next page. */
  next(): Promise<void>;
  /** Shows the previous step as it was on arrival (replayed from a reset). */
  back(): Promise<void>;
  /** Shows page `index` (a step, or steps.length for the variants), replaying from a reset. */
  goTo(index: number): Promise<void>;
  /** Runs the current step's action (once). */
  runAction(): Promise<void>;
  /** Loads a variant's document (fresh, untrained). */
  tryVariant(id: string): Promise<void>;
  /** Trains the loaded variant from its initial parameters for its stated number of steps. */
  trainVariant(): Promise<void>;
  /** Back to the lesson's own document, as after its last step (or at the current step). */
  reopen(): Promise<void>;
}

export type LessonState = LessonData & LessonActions;

export interface LessonChecksState {
  /** The checks now in force (the variant's or the lesson's), judged on the shown θ. */
  rows: readonly CheckRow[];
  /** The network's single-number parameters by label (w, b…), when it has a few. */
  parameters: readonly ParameterValue[];
  /** Training is reloading the network: the numbers may be those of the previous load. */
  stale: boolean;
}

export interface LessonStoreOptions {
  documents: DocumentStore;
  compiled: CompiledStore;
  training: TrainingStore;
  /** The numbers training shows (in the app: the readout, a few times a second while playing). */
  overlay: OverlayStore;
  /** Opens a document in the editor (in the app: with the previous one a click away). */
  openDocument(doc: NeurographDocument): void;
}

const NO_IDS: ReadonlySet<string> = new Set();

export function initialLessonData(): LessonData {
  return {
    lesson: null,
    index: 0,
    done: true,
    variant: null,
    variantTrained: false,
    busy: false,
    attached: false,
    error: null,
  };
}

/** The last page: the variants, or the last step of a lesson without any. */
export function lastPage(lesson: OpenLesson): number {
  return lesson.variants.length > 0 ? lesson.steps.length : lesson.steps.length - 1;
}

/** The variant loaded, if any. */
export function currentVariant(s: Pick<LessonData, 'lesson' | 'variant'>): LessonVariant | undefined {
  return s.variant ? s.lesson?.variants.find((v) => v.id === s.variant) : undefined;
}

/** The checks in force: the loaded variant's, else the lesson's. */
export function activeChecks(s: Pick<LessonData, 'lesson' | 'variant'>): readonly LessonCheck[] {
  return currentVariant(s)?.checks ?? s.lesson?.checks ?? [];
}

/** The highlight on the canvas: the current step's, on the lesson's own network. */
export function activeHighlight(s: LessonData): LessonHighlight | undefined {
  if (!s.lesson || s.variant || !s.attached) return undefined;
  return s.lesson.steps[s.index]?.highlight;
}

/** Runs a lesson's action on the app's training (after what it is doing has finished). */
async function perform(training: TrainingStore, action: LessonAction | undefined): Promise<void> {
  if (!action) return;
  await training.getState().flush();
  if (training.getState().playing) await training.getState().pause();
  switch (action.type) {
    case 'reset':
      return training.getState().reset();
    case 'step':
      return training.getState().trainStep(action.count ?? 1);
    case 'phase':
      return training.getState().phaseStep();
    case 'train':
      return training.getState().trainStep(action.steps);
  }
}

export function createLessonStore(options: LessonStoreOptions) {
  const { documents, compiled, training, overlay } = options;
  /** Node ids of the document the lesson last opened: the canvas still shows it while it shares one. */
  let opened: ReadonlySet<string> = NO_IDS;
  const run = (action: LessonAction | undefined) => perform(training, action);

  const store = create<LessonState>()((set, get) => {
    const enqueue = serialQueue(set);

    const openGraph = (doc: NeurographDocument) => {
      opened = new Set(doc.nodes.map((n) => n.id as string));
      options.openDocument(doc);
      set({ attached: true });
    };

    /** The state of arriving at page `index`: a reset, then the actions of the steps before it. */
    const arrive = async (index: number) => {
      const lesson = get().lesson;
      if (!lesson) return;
      const j = Math.max(0, Math.min(index, lastPage(lesson)));
      if (get().variant || !get().attached) {
        openGraph(lesson.document.graph);
        set({ variant: null, variantTrained: false });
      }
      await run({ type: 'reset' });
      for (let i = 0; i < j; i++) {
        if (get().lesson !== lesson) return;
        await run(lesson.steps[i].action);
      }
      const action = lesson.steps[j]?.action;
      if (action?.type === 'reset' && j > 0) await run(action);
      if (get().lesson !== lesson) return;
      set({ index: j, done: !action || action.type === 'reset', error: null });
    };

    return {
      ...initialLessonData(),

      open: (lesson) =>
        enqueue(async () => {
          set({ ...initialLessonData(), lesson, busy: true });
          openGraph(lesson.document.graph);
          await arrive(0);
        }),

      close() {
        opened = NO_IDS;
        set({ ...initialLessonData(), busy: get().busy });
      },

      next: () =>
        enqueue(async () => {
          const s = get();
          const lesson = s.lesson;
          if (!lesson || s.index >= lastPage(lesson)) return;
          if (s.variant || !s.attached) return arrive(s.index + 1);
          if (!s.done) await run(lesson.steps[s.index].action);
          const j = s.index + 1;
          const action = lesson.steps[j]?.action;
          if (action?.type === 'reset') await run(action);
          if (get().lesson !== lesson) return;
          set({ index: j, done: !action || action.type === 'reset' });
        }),

      back: () =>
        enqueue(async () => {
          const s = get();
          if (!s.lesson || s.index === 0) return;
          await arrive(s.index - 1);
        }),

      goTo: (index) =>
        enqueue(async () => {
          if (!get().lesson) return;
          await arrive(index);
        }),

      runAction: () =>
        enqueue(async () => {
          const s = get();
          const step = s.lesson?.steps[s.index];
          if (!step || s.done || s.variant || !s.attached) return;
          await run(step.action);
          set({ done: true });
        }),

      tryVariant: (id) =>
        enqueue(async () => {
          const s = get();
          const variant = s.lesson?.variants.find((v) => v.id === id);
          if (!s.lesson || !variant) return;
          openGraph(variant.document.graph);
          set({ variant: id, variantTrained: false, index: s.lesson.steps.length, done: true, error: null });
          await run({ type: 'reset' });
        }),

      trainVariant: () =>
        enqueue(async () => {
          const variant = currentVariant(get());
          if (!variant || !get().attached) return;
          await run({ type: 'reset' });
          await run({ type: 'train', steps: variant.trainSteps });
          set({ variantTrained: true });
        }),

      reopen: () =>
        enqueue(async () => {
          const s = get();
          if (!s.lesson) return;
          set({ variant: null, attached: false });
          await arrive(s.index);
        }),
    };
  });

  // The canvas shows another network (New, an import, an undo of the opening): the lesson lets go of it.
  documents.subscribe((d) => {
    if (!store.getState().lesson) return;
    const attached = d.nodes.some((n) => opened.has(n.id));
    if (attached !== store.getState().attached) store.setState({ attached });
  });

  const checks = createLessonChecks({ lessons: store, compiled, training, overlay });
  return { store, checks };
}

export type LessonStore = ReturnType<typeof createLessonStore>['store'];
export type LessonChecksStore = ReturnType<typeof createLessonStore>['checks'];

// Per-id selectors, made once per id: a node or an edge subscribes to whether it is highlighted.

/** Whether the current step highlights node `id`. */
export const selectNodeLit = perId(
  (id) =>
    (s: LessonState): boolean =>
      activeHighlight(s)?.nodes?.includes(id) ?? false,
);

/** Whether the current step highlights edge `id`. */
export const selectEdgeLit = perId(
  (id) =>
    (s: LessonState): boolean =>
      activeHighlight(s)?.edges?.includes(id) ?? false,
);

/** What a step's button says: "Take one step", "Run the forward phase", "Train 92 steps". */
export function actionLabel(action: LessonAction): string {
  switch (action.type) {
    case 'reset':
      return 'Start over from the initial weights';
    case 'step': {
      const n = action.count ?? 1;
      return n === 1 ? 'Take one step' : `Take ${n} steps`;
    }
    case 'phase':
      return action.phase ? `Run the ${action.phase} phase` : 'Run the next phase';
    case 'train':
      return `Train ${action.steps.toLocaleString('en-US')} steps`;
  }
}
