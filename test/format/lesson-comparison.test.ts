/**
 * The lessons' runs compared: opened with their network, and the optimizer lesson's sentences true
 * to the runs as the engine trains them now (each number recomputed here, none copied).
 */
import { describe, expect, it } from 'vitest';
import { runVariant, summarizeRun, variantGraph } from '../../src/engine/compare';
import { formatNumber } from '../../src/engine/text/number';
import { findLesson } from '../../src/format/lessons';

describe('runs compared in lessons', () => {
  it("open with the border lesson's network: its variants as named changes", () => {
    const lesson = findLesson('border-at-3')!;
    const runs = lesson.document.graph.comparison!;
    expect(runs.variants.map((v) => v.name)).toHaveLength(4);
    // The variants the lesson's cards describe, as changes: each changes what its card says.
    for (const [k, id] of [
      [1, 'smaller-learning-rate'],
      [2, 'adam'],
      [3, 'sigmoid-bce-adam'],
    ] as const) {
      const card = lesson.variants.find((v) => v.id === id)!.document.graph;
      const made = variantGraph(lesson.document.graph, runs, k);
      const shape = (g: typeof made) => g.nodes.map((n) => [n.kind, n.params]);
      expect(shape(made)).toEqual(shape(card));
    }
  });

  it('say in "SGD, momentum and Adam" what each optimizer reaches, with the numbers the runs give', () => {
    const lesson = findLesson('sgd-momentum-adam')!;
    const runs = lesson.document.graph.comparison!;
    const text = lesson.steps.map((s) => s.body).join('\n');
    const [sgd, momentum, adam] = runs.variants.map((_, k) => {
      // Run as the app runs them: the target given, so the step that reaches it is exact.
      const run = runVariant(variantGraph(lesson.document.graph, runs, k), runs.steps, runs.target);
      expect(run.stoppedAt).toBeNull();
      return summarizeRun(run.points, runs.target, run.firstAtTarget)!;
    });
    const said = (n: number) => expect(text).toContain(`**${formatNumber(n)}**`);
    const percent = (x: number) => expect(text).toContain(`**${formatNumber(x * 100)} %**`);

    said(sgd.trainLoss!);
    expect(text).toContain(`test loss ${formatNumber(sgd.testLoss!)}`);
    percent(sgd.accuracy!);
    expect(sgd.stepsToTarget).toBeNull();
    expect(text).toContain('It never gets to 0.2');

    said(momentum.trainLoss!);
    expect(text).toContain(`test loss ${formatNumber(momentum.testLoss!)}`);
    percent(momentum.accuracy!);
    expect(text).toContain(`**step ${momentum.stepsToTarget}**`);

    said(adam.trainLoss!);
    expect(text).toContain(`test loss ${formatNumber(adam.testLoss!)}`);
    percent(adam.accuracy!);
    expect(text).toContain(`**step ${adam.stepsToTarget}**`);

    // What the lesson concludes from them.
    expect(adam.stepsToTarget!).toBeLessThan(momentum.stepsToTarget!);
    expect(momentum.trainLoss!).toBeLessThan(sgd.trainLoss! / 2);
  });
});
