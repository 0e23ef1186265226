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
import os from 'node:os';
import {
  COMPILE_TARGET,
  COMPILE_TARGET_MS,
  compileTime,
  describeCompileTime,
  largeNeuronGraph,
} from './compile-time';
import { denseLayerParams, engineContender, engineGradientOn } from './engine';
import { HandWrittenMlp } from './hand-written';
import { type Budget, FULL, median, QUICK, SLICE_MS, Stopwatch, timeTogether } from './measure';
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
import {
  BATCH,
  type Contender,
  compileMlp,
  DATASET,
  DIGITS_BATCH,
  LR,
  SIZES,
  sizeName,
  tableOf,
} from './setup';
import { initTfjs, TfjsMlp } from './tfjs';

const FLAGS = ['--quick', '--write', '--no-tfjs'];
const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!FLAGS.includes(a)) {
    console.error(`unknown option ${a}; options: ${FLAGS.join(' ')}`);
    process.exit(2);
  }
}
const budget: Budget = args.has('--quick') ? QUICK : FULL;
const withTfjs = !args.has('--no-tfjs');

/** Sizes also built neuron by neuron (every edge a weight). */
const NEURON_LEVEL = new Set(['2-8-8-1']);

async function main(): Promise<void> {
  const tfjs = withTfjs ? await initTfjs() : 'skipped';
  const m = machine(tfjs);
  console.log(`Neurograph engine benchmark: ${describeMachine(m)}`);
  console.log(
    `spiral n=${DATASET.n} noise=${DATASET.noise} (batch ${BATCH}) and 64-32-10 on the 1,797 digits (batch ${DIGITS_BATCH}), tanh everywhere, ½·MSE, SGD η=${LR}; ` +
      `warm-up ${budget.warmupMs} ms, ${budget.repetitions} × ${budget.runMs} ms per contender, median\n`,
  );
  const started = Date.now();
  const results: SizeResults[] = [];
  const warnings: string[] = [];
  const checks: string[] = [];
  for (const sizes of SIZES) {
    const network = sizeName(sizes);
    const layers = sizes.length - 1;
    const densePlan = compileMlp(sizes, 'dense');
    const table = tableOf(densePlan);
    const dense = engineContender(densePlan);
    // Everyone starts from the engine's initial θ, so the losses before training agree.
    const init = denseLayerParams(densePlan, dense.trainer.theta, layers);
    const hand = new HandWrittenMlp(table, sizes, init);
    // Both must compute the same gradient (bit for bit, as they add the same terms in the same order).
    const drift = crossCheck(hand, densePlan, dense.trainer.theta, layers);
    checks.push(`${network}: engine and hand-written gradients on one batch differ by at most ${drift}`);
    if (drift > 1e-9)
      warnings.push(
        `${network}: engine and hand-written gradients differ by up to ${drift.toExponential(2)}`,
      );

    const contenders: [ContenderName, Contender][] = [['engine dense', dense]];
    if (NEURON_LEVEL.has(network))
      contenders.push(['engine neuron', engineContender(compileMlp(sizes, 'neuron'))]);
    contenders.push(['hand-written', hand]);
    if (withTfjs) contenders.push(['tfjs-cpu', new TfjsMlp(table, sizes, init)]);

    process.stdout.write(`${network}: `);
    const size: SizeResults = { network, results: {} };
    results.push(size);
    const runs = contenders.map(([name, c]) => ({
      name,
      c,
      watch: new Stopwatch(() => c.step()),
      before: c.loss(),
    }));
    for (const r of runs) r.watch.warmUp(budget.warmupMs);
    const rates = runs.map((): number[] => []);
    for (let rep = 0; rep < budget.repetitions; rep++) {
      const stepsPerSecond = timeTogether(
        runs.map((r) => r.watch),
        budget.runMs,
      );
      stepsPerSecond.forEach((s, i) => {
        rates[i].push(s * table.batchSize);
      });
      process.stdout.write('.');
    }
    runs.forEach((r, i) => {
      size.results[r.name] = {
        rate: median(rates[i]),
        runs: rates[i],
        lossBefore: r.before,
        lossAfter: r.c.loss(),
      };
      r.c.dispose?.();
    });
    process.stdout.write('\n');
  }
  const compiles = [2, 25].map((fanIn) => compileTime(largeNeuronGraph(fanIn), budget === QUICK ? 3 : 15));
  const compileLines = [
    ...compiles.map(describeCompileTime),
    `(${COMPILE_TARGET}; load ${os.loadavg()[0].toFixed(2)})`,
  ];
  const atScale = compiles[0];
  if (Math.max(atScale.recompile.ms, atScale.first.ms) >= COMPILE_TARGET_MS)
    warnings.push(`compile time: ${describeCompileTime(atScale)}; ${COMPILE_TARGET}`);
  const seconds = (Date.now() - started) / 1000;

  console.log(`\nexamples per second (median), and engine / hand-written:\n${textTable(results)}\n`);
  console.log('loss (½·MSE over the whole training set) before → after training:');
  for (const line of lossLines(results)) console.log(`  ${line}`);
  for (const line of checks) console.log(line);
  for (const line of compileLines) console.log(line);
  warnings.push(...notLearning(results).map((w) => `did not learn: ${w}`));
  warnings.push(...missedTargets(results).map((w) => `target missed: ${w}`));
  console.log(`\ndone in ${seconds.toFixed(0)} s`);
  for (const w of warnings) console.warn(`WARNING: ${w}`);
  if (args.has('--write')) {
    writeFileSync(
      new URL('./RESULTS.md', import.meta.url),
      resultsMarkdown(m, results, checks, compileLines, warnings, os.loadavg()[0]),
    );
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
  const table = tableOf(plan);
  const rows = Array.from({ length: table.batchSize }, (_, b) => (b * 37) % table.train.count);
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

function resultsMarkdown(
  m: Machine,
  results: SizeResults[],
  checks: string[],
  compileLines: string[],
  warnings: string[],
  loadAtEnd: number,
): string {
  return `# Benchmark results

\`npm run bench\` (bench/engine.bench.ts) trains the same MLPs four ways in one run and reports
examples per second: the engine with dense layers, the engine neuron by neuron (2-8-8-1 only, every
edge a weight), a hand-written Float64Array loop (preallocated, per-layer forward/backward/SGD: the
practical limit for one JavaScript thread) and TensorFlow.js on its pure-JavaScript CPU backend.

Setup: tanh on hidden and output layers, ½ · mean squared error, plain SGD with η = ${LR}, on
${DATASET.n} spiral points (noise ${DATASET.noise}) in batches of ${BATCH}; 64-32-10 (the digits
example's shape) on the 1,797 handwritten digits in batches of ${DIGITS_BATCH}. The dense engine, the hand-written
loop and tfjs start from the same weights (the neuron-level graph draws its own, edge by edge).
After a warm-up of ${budget.warmupMs} ms each, the contenders of a network are timed together,
taking turns of ${SLICE_MS} ms, for ${budget.repetitions} × ${budget.runMs} ms each; the table shows
the median of the ${budget.repetitions} repetitions. Regenerate this file with
\`npm run bench -- --write\`.

Machine: ${describeMachine(m)} at the start, ${loadAtEnd.toFixed(2)} at the end${
    Math.max(m.load, loadAtEnd) > 1.5
      ? ' (the machine was shared with other work: absolute speeds are lower than on an idle machine, the ratios hold)'
      : ''
  }.

${markdownTable(results)}

Targets: dense-layer networks at least 0.7× the hand-written loop, the neuron-level 2-8-8-1 at least
0.5×. Loss over all points before → after training (every contender must learn):

\`\`\`
${lossLines(results).join('\n')}
\`\`\`

On 2-8-8-1 most of every contender's time goes to Math.tanh (17 calls per example, each costing as
much as dozens of multiply-adds), so what separates them there is per-step overhead; on the larger
networks it is the matrix loops. The engine's dense and neuron kernels (src/engine/kinds/neurons.ts)
loop once per activation function instead of calling it through a closure per number, and work on
register tiles of two units × four examples, like the hand-written loop. Like the app's worker at
full speed, the engine here skips ∂L/∂x of the data (a 64 × 32 product per example on 64-32-10, as
much as the first layer's forward pass, which no parameter needs; the canvas gets it for the step it
shows: src/engine/compiler/on-demand-gradients.ts). They add the same terms in
the same order, so the engine's gradients and the hand-written loop's agree exactly (checked on one
batch, from the same weights):

\`\`\`
${checks.join('\n')}
\`\`\`

## Compile time

The editor recompiles on every structural change, so compile time is editor latency. The graph is
\`largeNeuronGraph\` in bench/compile-time.ts: 40 layers of 25 tanh neurons, each fed by 2 (or 25)
neurons of the layer before, every edge a trainable weight. "Recompile" keeps the node objects (the
editor after an edit: the compiler remembers each node's checked parameters and ports by its params
object, and its sizes by its node object); "from scratch" gives every node a new params object (a
document just opened). Both after 20 warm-up compiles; medians.

\`\`\`
${compileLines.join('\n')}
\`\`\`
${warnings.length ? `\nWarnings:\n\n${warnings.map((w) => `- ${w}`).join('\n')}\n` : ''}`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
