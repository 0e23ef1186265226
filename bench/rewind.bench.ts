/**
 * `npm run bench:rewind`: how long "continue from here" (TrainingSession.rewind) and showing an
 * earlier step (seek) take at any step of a long run, now that the history keeps checkpoints
 * (θ, optimizer state, the loader's place) instead of replaying the run from step 0. Target: 200 ms.
 *
 * For each network it trains LONG steps (default 1,000,000 for the border neuron, 100,000 for the
 * 2-8-8-1 spiral), then times showing (seek) and continuing from (rewind) steps spread over the
 * whole run — near the end, the middle, a third, step 1 — latest first, and one step far back that
 * falls between checkpoints, replayed from the one before it.
 *
 *   npx tsx bench/rewind.bench.ts            BORDER_STEPS=… SPIRAL_STEPS=… to change the run lengths
 */
import { cpus, loadavg } from 'node:os';
import { findExample } from '../src/engine';
import { TrainingSession } from '../src/engine/training';

const runs = [
  { id: 'border-at-3', steps: Number(process.env.BORDER_STEPS ?? 1_000_000) },
  { id: 'spiral', steps: Number(process.env.SPIRAL_STEPS ?? 100_000) },
];

function trained(id: string, steps: number): { session: TrainingSession; ms: number } {
  const session = new TrainingSession({ evaluateEvery: 0 });
  session.load(findExample(id)!.build());
  const t0 = performance.now();
  session.run({ steps });
  return { session, ms: performance.now() - t0 };
}

const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()[0].toFixed(1)}\n`);
let worst = 0;
for (const { id, steps } of runs) {
  const { session, ms } = trained(id, steps);
  const h = session.timeline!;
  console.log(
    `${id}: ${steps.toLocaleString('en')} steps in ${(ms / 1000).toFixed(1)} s; ${h.size.toLocaleString('en')} checkpoints ` +
      `(every step of the last ${h.recent.toLocaleString('en')}, sparser before)`,
  );
  // Latest first: a rewind drops only the steps after it, so the earlier checkpoints stay as they were.
  const targets = [steps - 10, steps - 5000, Math.floor(steps / 2) + 1, Math.floor(steps / 3), 1];
  for (const target of targets) {
    const seekMs = time(() => session.seek(target, 'down'));
    const shown = session.seeking ?? session.currentStep;
    session.seek(null);
    let rewound = 0;
    const rewindMs = time(() => {
      rewound = session.rewind(shown).step;
    });
    worst = Math.max(worst, rewindMs, seekMs);
    console.log(
      `  step ${target.toLocaleString('en').padStart(9)} → shown ${shown.toLocaleString('en').padStart(9)}: ` +
        `seek ${seekMs.toFixed(2).padStart(7)} ms, continue from here ${rewindMs.toFixed(2).padStart(7)} ms` +
        (rewound === shown ? '' : ` (landed on ${rewound}!)`),
    );
  }
  // The worst case: a step far back between checkpoints, reached exactly by replaying from the one
  // before it (the timeline offers only kept steps, so a learner never waits for this).
  const again = trained(id, steps).session;
  const between = Math.floor(steps / 2) + 1;
  const replayMs = time(() => again.rewind(between));
  console.log(
    `  step ${between.toLocaleString('en')} exactly, replayed from the checkpoint before it: ${replayMs.toFixed(1)} ms\n`,
  );
}
console.log(
  `Slowest seek or continue at a step the timeline offers: ${worst.toFixed(1)} ms (target 200 ms).`,
);
