/**
 * Runs compared, trained: each variant of the document's comparison in a training worker of its
 * own (the same worker the training panel uses), from its seeded start, judged on the whole
 * training and test sets at the steps of the engine's schedule. Every variant that keeps the
 * document's batch size visits the examples in the same order (one that changes the seed keeps the
 * order: Graph.orderSeed), so two identical variants give identical curves.
 *
 * The store does not know where workers come from: compare-app.ts plugs in the app's, tests a fake.
 */
import { create } from 'zustand';
import {
  type ComparedRuns,
  evaluationSteps,
  type RunPoint,
  type RunSummary,
  runPoint,
  summarizeRun,
  variantGraph,
} from '../engine/compare';
import { hasErrors } from '../engine/diagnostics';
import { TrainingClient, type WorkerLike } from '../worker/client';
import { runKey } from './compare-run-key';
import type { DocumentStore } from './document';

export type RunStatus = 'running' | 'done' | 'stopped' | 'diverged' | 'error';

export interface VariantRun {
  /** What the run was trained on (see runKey): stale when the variant no longer gives it. */
  key: string;
  status: RunStatus;
  points: RunPoint[];
  /** The step at which a number stopped being finite (status 'diverged'). */
  stoppedAt: number | null;
  /** Why it could not train (status 'error'). */
  error?: string;
}

export interface CompareState {
  /** One entry per variant, in the comparison's order; null: not run yet. */
  runs: (VariantRun | null)[];
  running: boolean;
  /** Trains every variant of the document's comparison, side by side. */
  run(): Promise<void>;
  /** Stops every run where it is (what it has so far stays). */
  stop(): void;
  /** Forgets the results (a new document). */
  clear(): void;
}

export interface CompareStoreOptions {
  createWorker: () => WorkerLike;
  documents: DocumentStore;
}

export function createCompareStore({ createWorker, documents }: CompareStoreOptions) {
  let generation = 0;
  let clients: TrainingClient[] = [];

  const dispose = () => {
    for (const c of clients) c.dispose();
    clients = [];
  };

  const store = create<CompareState>()((set, get) => {
    const update = (gen: number, k: number, patch: Partial<VariantRun>) => {
      if (gen !== generation) return;
      const runs = get().runs.slice();
      const run = runs[k];
      if (run) runs[k] = { ...run, ...patch };
      set({ runs });
    };

    async function train(gen: number, k: number, runs: ComparedRuns, graph: ReturnType<typeof variantGraph>) {
      const client = new TrainingClient(createWorker);
      clients.push(client);
      try {
        const loaded = await client.load(graph);
        if (!loaded.ok || hasErrors(loaded.diagnostics)) {
          const first = loaded.diagnostics.find((d) => d.severity === 'error');
          update(gen, k, { status: 'error', error: first?.message ?? 'this variant does not compile' });
          return;
        }
        const points: RunPoint[] = [];
        let at = 0;
        for (const step of evaluationSteps(runs.steps)) {
          if (gen !== generation) return;
          if (step > at) {
            const result = await client.step(step - at);
            at = result.step;
            if (result.paused || at < step) {
              update(gen, k, { status: 'diverged', stoppedAt: at });
              return;
            }
          }
          const evaluation = await client.evaluate();
          if (evaluation) points.push(runPoint(evaluation));
          update(gen, k, { points: points.slice() });
        }
        update(gen, k, { status: 'done' });
      } catch (error) {
        if (gen === generation)
          update(gen, k, { status: 'error', error: error instanceof Error ? error.message : String(error) });
      } finally {
        client.dispose();
        clients = clients.filter((c) => c !== client);
      }
    }

    return {
      runs: [],
      running: false,

      async run() {
        const { comparison, seed, orderSeed, nodes, edges } = documents.getState();
        if (!comparison) return;
        // The graph only: the state's actions cannot be posted to a worker.
        const doc = { seed, orderSeed, nodes, edges };
        get().stop();
        const gen = ++generation;
        const graphs = comparison.variants.map((_, k) => {
          try {
            return variantGraph(doc, comparison, k);
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        });
        set({
          running: true,
          runs: graphs.map((g) =>
            g instanceof Error
              ? { key: '', status: 'error', points: [], stoppedAt: null, error: g.message }
              : { key: runKey(g, comparison.steps), status: 'running', points: [], stoppedAt: null },
          ),
        });
        await Promise.all(
          graphs.map((g, k) => (g instanceof Error ? undefined : train(gen, k, comparison, g))),
        );
        if (gen === generation) set({ running: false });
      },

      stop() {
        generation++;
        dispose();
        const runs = get().runs.map((r) =>
          r && r.status === 'running' ? { ...r, status: 'stopped' as const } : r,
        );
        set({ running: false, runs });
      },

      clear() {
        generation++;
        dispose();
        set({ running: false, runs: [] });
      },
    };
  });
  return store;
}

export type CompareStore = ReturnType<typeof createCompareStore>;

/** Each variant's row of the table, from its points and the comparison's target (null: no run yet). */
export function selectSummaries(
  runs: readonly (VariantRun | null)[],
  target?: number,
): (RunSummary | null)[] {
  return runs.map((r) => (r ? summarizeRun(r.points, target) : null));
}

/**
 * Whether each run still belongs to its variant: the same graph and steps it was trained on. A run
 * of a variant that has since changed (or that was removed) is stale.
 */
export function selectFresh(
  runs: readonly (VariantRun | null)[],
  doc: Parameters<typeof variantGraph>[0] & { comparison?: ComparedRuns },
): boolean[] {
  const { comparison } = doc;
  return runs.map((r, k) => {
    if (!r || !comparison || k >= comparison.variants.length) return false;
    try {
      return r.key === runKey(variantGraph(doc, comparison, k), comparison.steps);
    } catch {
      return false;
    }
  });
}
