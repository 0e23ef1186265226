/**
 * Follows the document and the shown step with the landscape worker: one request in flight at a
 * time (the newest step waits for it), and a graph change while a grid is computing terminates the
 * worker — the cancel — and starts a fresh one.
 */
import { useEffect, useRef, useState } from 'react';
import type { Graph } from '../../engine/graph';
import { useDocument } from '../../store/document';
import { useTraining } from '../../store/training-app';
import type { LandscapeGrid, LandscapeReply, LandscapeRequest } from '../../worker/landscape-protocol';

/** Coarse first (quick to appear), then the full grid. */
export const SIZES = [11, 41];

export interface LandscapeView {
  grid: LandscapeGrid | null;
  path: [number, number][];
  /** The step the path ends at. */
  step: number;
  /** Training stopped before the step shown (a number was not finite). */
  stopped: boolean;
  /** The training-set loss there. */
  loss: number;
  computing: boolean;
  error: string | null;
}

function createWorker(): Worker {
  return new Worker(new URL('../../worker/landscape.worker.ts', import.meta.url), { type: 'module' });
}

export function useLandscape(directions: 'random' | 'pca'): LandscapeView {
  const nodes = useDocument((s) => s.nodes);
  const edges = useDocument((s) => s.edges);
  const seed = useDocument((s) => s.seed);
  const orderSeed = useDocument((s) => s.orderSeed);
  const step = useTraining((s) => s.step);
  const [view, setView] = useState<LandscapeView>({
    grid: null,
    path: [],
    step: 0,
    stopped: false,
    loss: Number.NaN,
    computing: true,
    error: null,
  });
  const worker = useRef<Worker | null>(null);
  const inFlight = useRef<{ id: number; key: string } | null>(null);
  const wanted = useRef<{ graph: Graph; key: string; step: number } | null>(null);
  const latest = useRef<{ graph: Graph; key: string; step: number } | null>(null);
  const api = useRef<{ send(): void; restart(): void } | null>(null);
  const nextId = useRef(1);

  useEffect(() => {
    const send = () => {
      const want = wanted.current;
      const w = worker.current;
      if (!want || !w || inFlight.current) return;
      const request: LandscapeRequest = {
        id: nextId.current++,
        graph: want.graph,
        step: want.step,
        directions,
        sizes: SIZES,
      };
      inFlight.current = { id: request.id, key: want.key };
      wanted.current = null;
      w.postMessage(request);
    };
    const start = () => {
      const w = createWorker();
      w.onmessage = (event: MessageEvent<LandscapeReply>) => {
        const reply = event.data;
        if (inFlight.current?.id !== reply.id) return;
        if (!reply.ok) {
          inFlight.current = null;
          setView((v) => ({ ...v, computing: false, error: reply.error }));
        } else {
          if (reply.final) inFlight.current = null;
          setView({
            grid: reply.grid,
            path: reply.path,
            step: reply.step,
            stopped: reply.stopped,
            loss: reply.loss,
            computing: !reply.final,
            error: null,
          });
        }
        send();
      };
      worker.current = w;
    };
    start();
    api.current = {
      send,
      restart() {
        worker.current?.terminate();
        inFlight.current = null;
        start();
      },
    };
    // New directions: draw what is shown now on the new plane.
    wanted.current = latest.current;
    send();
    return () => {
      worker.current?.terminate();
      worker.current = null;
      inFlight.current = null;
    };
  }, [directions]);

  useEffect(() => {
    const graph: Graph = { nodes, edges, seed, orderSeed };
    const key = JSON.stringify(graph);
    // A grid for an older graph is of no use: stop computing it.
    if (inFlight.current && inFlight.current.key !== key) api.current?.restart();
    latest.current = { graph, key, step };
    wanted.current = latest.current;
    setView((v) => ({ ...v, computing: true }));
    api.current?.send();
  }, [nodes, edges, seed, orderSeed, step]);

  return view;
}
