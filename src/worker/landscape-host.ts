/**
 * What the landscape worker does, without the worker: it keeps the run's path for one graph (θ at
 * each step, from the document's reproducible training) and the grid last drawn, and answers each
 * request with the path up to the shown step and a grid, coarse first, then refined. A new grid
 * only when needed: for a network of two numbers when the path leaves the old one, for a bigger
 * network (a plane through the θ shown) when the step shown changes.
 */
import { compile } from '../engine/compiler/compile';
import type { Plan } from '../engine/compiler/plan';
import {
  computeLandscape,
  coordinatesOf,
  type Plane,
  planeFor,
  rangesFor,
  trainingLoss,
} from '../engine/landscape';
import { Evaluator } from '../engine/training/evaluate';
import { RecordedPath } from './landscape-path';
import type { LandscapeGrid, LandscapeReply, LandscapeRequest } from './landscape-protocol';

interface Run {
  key: string;
  plan: Plan;
  path: RecordedPath;
  plane: Plane | null;
  grid: LandscapeGrid | null;
}

export class LandscapeHost {
  private run: Run | null = null;

  constructor(private readonly post: (reply: LandscapeReply) => void) {}

  handle(request: LandscapeRequest): void {
    try {
      this.answer(request);
    } catch (e) {
      this.post({ id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private answer(request: LandscapeRequest): void {
    const run = this.runFor(request);
    if (!run) {
      this.post({
        id: request.id,
        ok: false,
        error: 'The graph does not compile, so it has no loss to draw.',
      });
      return;
    }
    const { step: centerStep, thetas: path } = run.path.to(request.step);
    const here = path[path.length - 1];
    const loss = trainingLoss(new Evaluator(run.plan, here));
    const covered = (grid: LandscapeGrid, plane: Plane) => {
      const coords = path.map((t) => coordinatesOf(plane, t));
      const inside = (x: number, v: number[]) => !Number.isFinite(x) || (x >= v[0] && x <= v[v.length - 1]);
      return coords.every(([a, b]) => inside(a, grid.values[0]) && inside(b, grid.values[1]));
    };
    // A two-parameter grid holds for every step it covers. A plane of a bigger network passes
    // through the θ shown (the path's other points are projected onto it): a new step, a new plane.
    const current =
      run.grid !== null &&
      run.plane !== null &&
      (run.plane.kind === 'parameters' ? covered(run.grid, run.plane) : run.grid.centerStep === centerStep);
    if (current && run.grid && run.plane) {
      this.post({
        id: request.id,
        ok: true,
        final: true,
        grid: run.grid,
        path: this.coords(run.plane, path),
        step: centerStep,
        stopped: centerStep < request.step,
        loss,
      });
      return;
    }
    const plane = planeFor(run.plan, here, path, { directions: request.directions });
    const ranges = rangesFor(
      path.map((t) => coordinatesOf(plane, t)),
      plane,
    );
    run.plane = plane;
    request.sizes.forEach((size, n) => {
      const land = computeLandscape(run.plan, plane, path, size, ranges);
      const grid: LandscapeGrid = {
        kind: plane.kind,
        names: plane.names,
        centerStep,
        size: land.size,
        values: [land.axes[0].values, land.axes[1].values],
        loss: land.loss,
        min: land.min,
        max: land.max,
      };
      run.grid = grid;
      this.post({
        id: request.id,
        ok: true,
        final: n === request.sizes.length - 1,
        grid,
        path: land.path,
        step: centerStep,
        stopped: centerStep < request.step,
        loss,
      });
    });
  }

  private coords(plane: Plane, path: Float64Array[]): [number, number][] {
    return path.map((t) => coordinatesOf(plane, t));
  }

  private runFor(request: LandscapeRequest): Run | null {
    const key = `${request.directions}\n${JSON.stringify(request.graph)}`;
    if (this.run?.key === key) return this.run;
    const { plan } = compile(request.graph);
    if (!plan || plan.losses.length === 0 || !plan.data || plan.paramCount < 2) {
      this.run = null;
      return null;
    }
    this.run = {
      key,
      plan,
      path: new RecordedPath(plan),
      plane: null,
      grid: null,
    };
    return this.run;
  }
}
