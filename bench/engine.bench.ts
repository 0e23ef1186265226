/**
 * `npm run bench`: how fast the engine trains MLPs, next to a hand-written Float64Array loop (the
 * practical limit for one JavaScript thread) and TensorFlow.js on its CPU backend, in the same run.
 *
 *   npm run bench                  warm-up, then 3 timed runs of 1.5 s per contender; median
 *   npm run bench -- --quick       one short run each, for a smoke test
 *   npm run bench -- --write       also writes the results to bench/RESULTS.md
 *   npm run bench -- --no-tfjs     skips TensorFlow.js (e.g. while profiling the engine)
 *
 * Every network is tanh on all layers, ½ squared error, batch 10, plain SGD with η = 0.03, on 500
 * spiral points. The contenders of one network are timed in short turns, round-robin (see
 * measure.ts), so a machine that gets busier or quieter during the run slows them alike and the
 * ratios hold.
 */
import { writeFileSync } from 'node:fs';
import { denseLayerParams, engineContender, engineGradientOn } from './engine';
import { HandWrittenMlp } from './hand-written';
import { type Budget, FULL, median, QUICK, Stopwatch, timeTogether } from './measure';
import {
  type ContenderName,
  describeMachine,
  lossLines,
  type Machine,
  machine,
  markdownTable,
  missedTargets,
  notLearning,
  type SizeResults,
  textTable,
} from './report';
import { BATCH, compileMlp, type Contender, DATASET, LR, SIZES, sizeName, tableOf } from './setup';
import { initTfjs, TfjsMlp } from './tfjs';

const args = new Set(process.argv.slice(2));
const budget: Budget = args.has('--quick') ? QUICK : FULL;
const withTfjs = !args.has('--no-tfjs');

/** Sizes also built neuron by neuron (every edge a weight). */
const NEURON_LEVEL = new Set(['2-8-8-1']);

async function main(): Promise<void> {
  const tfjs = withTfjs ? await initTfjs() : 'skipped';
  const m = machine(tfjs);
  console.log(`Neurograph engine benchmark: ${describeMachine(m)}`);
  console.log(
    `spiral n=${DATASET.n} noise=${DATASET.noise}, tanh everywhere, ½·MSE, batch ${BATCH}, SGD η=${LR}; ` +
      `warm-up ${budget.warmupMs} ms, ${budget.repetitions} × ${budget.runMs} ms per contender, median\n`,
  );
  const started = Date.now();
  const results: SizeResults[] = [];
  const warnings: string[] = [];
  for (const sizes of SIZES) {
    const network = sizeName(sizes);
    const layers = sizes.length - 1;
    const densePlan = compileMlp(sizes, 'dense');
    const table = tableOf(densePlan);
    const dense = engineContender(densePlan);
    // Everyone starts from the engine's initial θ, so the losses before training agree.
    const init = denseLayerParams(densePlan, dense.trainer.theta, layers);
    const hand = new HandWrittenMlp(table, sizes, init);
    const drift = crossCheck(hand, densePlan, dense.trainer.theta, layers);
    if (drift > 1e-9) warnings.push(`${network}: engine and hand-written gradients differ by up to ${drift.toExponential(2)}`);

    const contenders: [ContenderName, Contender][] = [['engine dense', dense]];
    if (NEURON_LEVEL.has(network)) contenders.push(['engine neuron', engineContender(compileMlp(sizes, 'neuron'))]);
    contenders.push(['hand-written', hand]);
    if (withTfjs) contenders.push(['tfjs-cpu', new TfjsMlp(table, sizes, init)]);

    process.stdout.write(`${network}: `);
    const size: SizeResults = { network, results: {} };
    results.push(size);
    const runs = contenders.map(([name, c]) => ({ name, c, watch: new Stopwatch(() => c.step()), before: c.loss() }));
    for (const r of runs) r.watch.warmUp(budget.warmupMs);
    const rates = runs.map((): number[] => []);
    for (let rep = 0; rep < budget.repetitions; rep++) {
      const stepsPerSecond = timeTogether(
        runs.map((r) => r.watch),
        budget.runMs,
      );
      stepsPerSecond.forEach((s, i) => rates[i].push(s * BATCH));
      process.stdout.write('.');
    }
    runs.forEach((r, i) => {
      size.results[r.name] = { rate: median(rates[i]), runs: rates[i], lossBefore: r.before, lossAfter: r.c.loss() };
      r.c.dispose?.();
    });
    process.stdout.write('\n');
  }
  const seconds = (Date.now() - started) / 1000;

  console.log(`\nexamples per second (median), and engine / hand-written:\n${textTable(results)}\n`);
  console.log(`loss (½·MSE over all ${DATASET.n} points) before → after training:`);
  for (const line of lossLines(results)) console.log(`  ${line}`);
  warnings.push(...notLearning(results).map((w) => `did not learn: ${w}`));
  warnings.push(...missedTargets(results).map((w) => `target missed: ${w}`));
  console.log(`\ndone in ${seconds.toFixed(0)} s`);
  for (const w of warnings) console.warn(`WARNING: ${w}`);
  if (args.has('--write')) {
    writeFileSync(new URL('./RESULTS.md', import.meta.url), resultsMarkdown(m, results, warnings));
    console.log('wrote bench/RESULTS.md');
  }
}

/** Largest difference between the engine's and the hand-written loop's gradients on one batch. */
function crossCheck(
  hand: HandWrittenMlp,
  plan: ReturnType<typeof compileMlp>,
  theta: Float64Array,
  layers: number,
): number {
  const rows = Array.from({ length: BATCH }, (_, b) => (b * 37) % tableOf(plan).train.count);
  const ours = engineGradientOn(plan, theta, rows, layers);
  const theirs = hand.gradientOn(rows);
  let worst = 0;
  ours.forEach((layer, l) => {
    layer.W.forEach((g, i) => {
      worst = Math.max(worst, Math.abs(g - theirs[l].W[i]));
    });
    layer.b.forEach((g, i) => {
      worst = Math.max(worst, Math.abs(g - theirs[l].b[i]));
    });
  });
  return worst;
}

function resultsMarkdown(m: Machine, results: SizeResults[], warnings: string[]): string {
  return `# Benchmark results

\`npm run bench\` (bench/engine.bench.ts) trains the same MLPs four ways in one run and reports
examples per second: the engine with dense layers, the engine neuron by neuron (2-8-8-1 only, every
edge a weight), a hand-written Float64Array loop (preallocated, per-layer forward/backward/SGD: the
practical limit for one JavaScript thread) and TensorFlow.js on its pure-JavaScript CPU backend.

Setup: tanh on hidden and output layers, ½ · mean squared error, batch ${BATCH}, plain SGD with
η = ${LR}, ${DATASET.n} spiral points (noise ${DATASET.noise}). All contenders start from the engine's
initial weights. Warm-up ${budget.warmupMs} ms, then ${budget.repetitions} timed runs of ${budget.runMs} ms
per contender, interleaved; the table shows the median.

Machine: ${describeMachine(m)}.

${markdownTable(results)}

Targets: dense-layer networks at least 0.7× the hand-written loop, the neuron-level 2-8-8-1 at least
0.5×. Loss over all points before → after training (every contender must learn):

\`\`\`
${lossLines(results).join('\n')}
\`\`\`
${warnings.length ? `\nWarnings:\n\n${warnings.map((w) => `- ${w}`).join('\n')}\n` : ''}`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
