/**
 * How long a 41×41 loss landscape takes to compute (what the Landscape panel's worker does for its
 * full grid): the border example over (w, b), and the spiral 2-8-8-1 on a random plane. The issue's
 * targets: border < 200 ms, spiral < 2 s. Run with `npm run bench:landscape`.
 */
import { compile, computeLandscape, findExample, planeFor, trainPath } from '../src/engine';

function time(id: string, steps: number, runs: number, target: number): void {
  const { plan } = compile(findExample(id)!.build());
  if (!plan) throw new Error(`${id} does not compile`);
  const path = trainPath(plan, steps);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const plane = planeFor(plan, path[path.length - 1], path);
    computeLandscape(plan, plane, path, 41);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const verdict = median < target ? 'within' : 'OVER';
  console.log(
    `${id.padEnd(12)} 41×41, ${plan.paramCount} parameters, ${plan.data?.table.train.count} training examples: median ${median.toFixed(1)} ms of ${runs} (target < ${target} ms: ${verdict})`,
  );
}

time('border-at-3', 8, 9, 200);
time('spiral', 50, 5, 2000);
