/** Lessons through the engine: check evaluation, and every number the built-in lessons state. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parametersByLabel, Trainer } from '../../src/engine';
import {
  applyAction,
  compileLessonDocument,
  evaluateChecks,
  type Lesson,
  matchesApprox,
  replayLesson,
  runVariant,
} from '../../src/engine/lessons';
import { findLesson, validateLesson } from '../../src/format';

const fileText = (id: string) =>
  readFileSync(new URL(`../../src/lessons/${id}.lesson.json`, import.meta.url), 'utf8');
const fileJson = (id: string) => JSON.parse(fileText(id));

function load(value: unknown): Lesson {
  const result = validateLesson(value);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.lesson;
}

describe('check evaluation', () => {
  it('feeds the input to the dataset and reads the prediction, or a named buffer', () => {
    const lesson = findLesson('border-at-3')!;
    const trainer = new Trainer(compileLessonDocument(lesson.document));
    const results = evaluateChecks(trainer, lesson.checks);
    expect(results.map((r) => r.value)).toEqual([3.9, 0, 4, 100001]);
    expect(results.map((r) => r.pass)).toEqual([false, true, true, true]);
    const [z] = evaluateChecks(trainer, [
      { label: 'z', input: [-3], node: 'neuron', port: 'z', expect: 'negative' },
    ]);
    expect(z).toMatchObject({ value: -2, pass: true });
    // The training run's buffers are untouched.
    expect(trainer.runtime.values.every((v) => v === 0)).toBe(true);
  });

  it('passes check inputs through the graph in the dataset’s units (the scaled variant)', () => {
    const variant = findLesson('border-at-3')!.variants.find((v) => v.id === 'scaled-input')!;
    const trainer = new Trainer(compileLessonDocument(variant.document));
    // relu(1 · 0.001 · x + 1) at the start.
    const values = evaluateChecks(trainer, variant.checks).map((r) => r.value);
    expect(values[0]).toBeCloseTo(1.0029, 12);
    expect(values[3]).toBeCloseTo(101, 10);
  });

  it('reports a check it cannot run instead of throwing', () => {
    const trainer = new Trainer(compileLessonDocument(findLesson('border-at-3')!.document));
    const [r] = evaluateChecks(trainer, [{ label: 'two', input: [1, 2], expect: 'zero' }]);
    expect(r).toMatchObject({ pass: false, error: expect.stringContaining('dataset has 1 feature') });
    expect(Number.isNaN(r.value)).toBe(true);
  });

  it('judges stated numbers to the decimals written, whole numbers exactly', () => {
    expect(matchesApprox(-98.7989, -98.8)).toBe(true);
    expect(matchesApprox(-98.74, -98.8)).toBe(false);
    expect(matchesApprox(0.9996103, 0.99961)).toBe(true);
    expect(matchesApprox(0.999616, 0.99961)).toBe(false);
    expect(matchesApprox(4.0001, 4)).toBe(false);
    expect(matchesApprox(11.309999999999999, 11.31)).toBe(true);
    expect(matchesApprox(0.5, { value: 0, tolerance: 0.5 })).toBe(true);
  });
});

/** relu(w·x + b) trained by hand with the true gradient: the reference the lesson's words rest on. */
function borderByHand(steps: number, lr = 1e-4) {
  const xs = [2.9, -1, 3, 1000];
  const ys = [0, 0, 1, 1];
  let w = 1;
  let b = 1;
  const trajectory: { w: number; b: number }[] = [];
  for (let s = 0; s < steps; s++) {
    const z = w * xs[s % 4] + b;
    const g = z > 0 ? z - ys[s % 4] : 0;
    [w, b] = [w - lr * g * xs[s % 4], b - lr * g];
    trajectory.push({ w, b });
  }
  return trajectory;
}

/** The hand derivation the lesson contrasts: no relu′, and b updated with the new w. */
function borderLikeTheTutorial(steps: number) {
  const xs = [2.9, -1, 3, 1000];
  const ys = [0, 0, 1, 1];
  let w = 1;
  let b = 1;
  const trajectory: { w: number; b: number }[] = [];
  for (let s = 0; s < steps; s++) {
    const x = xs[s % 4];
    w -= 1e-4 * (w * x + b - ys[s % 4]) * x;
    b -= 1e-4 * (w * x + b - ys[s % 4]);
    trajectory.push({ w, b });
  }
  return trajectory;
}

describe('the border-at-3 lesson holds, trained through the engine', () => {
  const lesson = findLesson('border-at-3')!;
  const text = lesson.steps.map((s) => s.body).join('\n');

  it('every number its steps state holds', () => {
    expect(replayLesson(lesson).mismatches).toEqual([]);
  });

  it('would notice a wrong number', () => {
    const wrong = structuredClone(fileJson('border-at-3'));
    wrong.steps[5].after.parameters.w = 0.99888;
    wrong.variants[4].passes = [true, true, false, true];
    const broken = load(wrong);
    expect(replayLesson(broken).mismatches).toEqual([
      { path: 'steps[5].after.parameters.w', message: expect.stringContaining('states 0.99888') },
    ]);
    expect(runVariant(broken.variants[4], 'variants[4]').mismatches).toEqual([
      { path: 'variants[4].passes[2]', message: expect.stringContaining('but it passes') },
    ]);
  });

  it('step 1 gives w = 0.998869 and b = 0.99961 from ∂L/∂w = 3.9 · 1 · 2.9 = 11.31', () => {
    const first = lesson.steps.findIndex((s) => s.after?.step === 1);
    const { trainer } = replayLesson(lesson, first);
    const p = parametersByLabel(trainer.plan, trainer.theta);
    const g = parametersByLabel(trainer.plan, trainer.thetaGrad);
    expect(g.w).toBeCloseTo(3.9 * 1 * 2.9, 12);
    expect(g.b).toBeCloseTo(3.9, 12);
    expect(p.w).toBeCloseTo(0.998869, 12);
    expect(p.b).toBeCloseTo(0.99961, 12);
    expect(text).toContain('3.9 \\cdot 1 \\cdot 2.9 = 11.31');
  });

  it('x = 1000 throws w to about −98.8 at step 4, and the ReLU is dead from then on', () => {
    const trainer = new Trainer(compileLessonDocument(lesson.document));
    const hand = borderByHand(100);
    for (let s = 0; s < 100; s++) {
      trainer.trainStep();
      const p = parametersByLabel(trainer.plan, trainer.theta) as Record<string, number>;
      expect(p.w).toBeCloseTo(hand[s].w, 9);
      expect(p.b).toBeCloseTo(hand[s].b, 9);
      if (s === 3) expect(p.w).toBeCloseTo(-98.799, 3);
      // From step 4 on, w + b never changes: only x = −1 still fires, moving both by the same amount.
      if (s >= 3) expect(p.w + p.b).toBeCloseTo(-97.8995, 4);
      // The note the lesson pins on the neuron from step 4 to 100: dead for every x ≥ 0.01.
      if (s >= 3) expect(p.w < 0 && p.w * 0.01 + p.b < 0).toBe(true);
    }
    const notes = lesson.steps.flatMap((st) => st.highlight?.notes ?? []);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.text).toContain('x \\ge 0.01');
    const results = evaluateChecks(trainer, lesson.checks);
    expect(results.map((r) => r.pass)).toEqual([true, false, false, false]);
    expect(results[1].value).toBeCloseTo(99.2, 1);
    for (const words of ['-98.799', '0.8995', '997\\,969.5', '-97.8995', '0.0091', '99.2'])
      expect(text).toContain(words);
  });

  it('its account of the hand derivation matches what that derivation computes', () => {
    const tutorial = borderLikeTheTutorial(12);
    expect(tutorial[0].w).toBeCloseTo(0.998869, 12);
    expect(tutorial[0].b).toBeCloseTo(0.99961032799, 12);
    expect(tutorial[3].b).toBeCloseTo(10.88, 2);
    expect(tutorial[7].w).toBeCloseTo(9763, 0);
    expect(tutorial[11].w).toBeCloseTo(-964669, 0);
    expect(borderByHand(4)[3].b).toBeCloseTo(0.8995, 4);
    // It fails the checks too, after 100 steps, though for other reasons.
    const { w, b } = borderLikeTheTutorial(100)[99];
    const relu = (x: number) => Math.max(0, w * x + b);
    expect([relu(2.9) === 0, relu(-1) === 0, relu(3) > 0, relu(100000) > 0]).not.toEqual([
      true,
      true,
      true,
      true,
    ]);
    for (const words of ['0.99961032799', '10.88', '9763', '-964\\,669']) expect(text).toContain(words);
  });

  it('the least-squares line it quotes is the best ½(ŷ − y)² can do, and has no border', () => {
    const xs = [2.9, -1, 3, 1000];
    const ys = [0, 0, 1, 1];
    const mx = xs.reduce((a, b) => a + b) / 4;
    const my = ys.reduce((a, b) => a + b) / 4;
    const w =
      xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const b = my - w * mx;
    expect(w).toBeCloseTo(0.00067, 5);
    expect(b).toBeCloseTo(0.332, 3);
    const loss = (w: number, b: number) =>
      xs.reduce((s, x, i) => s + 0.5 * (Math.max(0, w * x + b) - ys[i]) ** 2, 0);
    // No (w, b) on a wide grid does better, with the ReLU included.
    let best = Number.POSITIVE_INFINITY;
    for (let lw = -7; lw <= 1; lw += 0.25) {
      for (const sign of [1, -1]) {
        for (let bb = -3; bb <= 3; bb += 0.01) best = Math.min(best, loss(sign * 10 ** lw, bb));
      }
    }
    expect(best).toBeGreaterThanOrEqual(loss(w, b) - 1e-12);
    for (const x of [2.9, -1, 3]) expect(w * x + b).toBeCloseTo(0.33, 2);
    expect(lesson.steps.map((s) => s.body).join()).toContain('0.00067\\,x + 0.332');
  });

  it('each variant passes exactly the checks it states; one single change passes all four', () => {
    expect(lesson.variants.length).toBeGreaterThanOrEqual(4);
    const passing: string[] = [];
    lesson.variants.forEach((variant, i) => {
      const run = runVariant(variant, `variants[${i}]`);
      expect(run.mismatches, variant.id).toEqual([]);
      expect(run.results.map((r) => r.pass)).toEqual(variant.passes);
      if (run.results.every((r) => r.pass)) passing.push(variant.id);
    });
    expect(passing).toEqual(['sigmoid-bce', 'sigmoid-bce-adam']);
    // One change each, but the last, which says it makes three.
    expect(lesson.variants.map((v) => v.changes ?? 1)).toEqual([1, 1, 1, 1, 3]);
  }, 60_000);

  it('the one-change fix (sigmoid and cross-entropy) creeps to the border and passes from step 709,545 on', () => {
    const variant = lesson.variants.find((v) => v.id === 'sigmoid-bce')!;
    expect(variant.trainSteps).toBe(1_000_000);
    const trainer = new Trainer(compileLessonDocument(variant.document));
    const offset = (label: string) => trainer.plan.blocks.find((b) => b.label === label)!.offset;
    const [wAt, bAt] = [offset('w'), offset('b')];
    const border = () => -trainer.theta[bAt] / trainer.theta[wAt];
    const judged = () => evaluateChecks(trainer, variant.checks);
    // The checks are p < 0.5 / p ≥ 0.5 with p = σ(w·x + b): the sign of w·x + b, cheap to read every
    // step (and confirmed by the checks themselves where the answer changes).
    const allSigns = () => {
      const w = trainer.theta[wAt];
      const b = trainer.theta[bAt];
      return w * 2.9 + b < 0 && w * -1 + b < 0 && w * 3 + b >= 0 && w * 100000 + b >= 0;
    };
    let first = 0;
    let lastFail = 0;
    let before = false;
    for (let s = 1; s <= 1_000_000; s++) {
      trainer.trainStep();
      const all = allSigns();
      if (all && first === 0) first = s;
      if (!all) lastFail = s;
      if (s === 1000) {
        expect(border()).toBeCloseTo(-1.02, 2);
        expect(judged().map((r) => r.pass)).toEqual([false, false, true, true]);
      }
      if (s === 100_000) expect(border()).toBeCloseTo(2.44, 2);
      if (s === 500_000) {
        expect(border()).toBeCloseTo(2.883, 3);
        const r = judged();
        expect(r.map((x) => x.pass)).toEqual([false, true, true, true]);
        expect(r[0].value).toBeCloseTo(0.503, 3);
      }
      if (all !== before)
        expect(
          judged().every((r) => r.pass),
          `step ${s}`,
        ).toBe(all);
      before = all;
    }
    expect(first).toBe(699_565);
    expect(lastFail).toBe(709_544);
    expect(border()).toBeCloseTo(2.911, 3);
    const r = judged();
    expect(r.every((x) => x.pass)).toBe(true);
    expect(r[0].value).toBeCloseTo(0.497, 3);
    expect(r[2].value).toBeCloseTo(0.522, 3);
    for (const words of [
      '-1.02',
      '2.44',
      '2.883',
      '0.503',
      '699,565',
      '709,545',
      '0.9806',
      '-2.854',
      '2.911',
      '0.497',
      '0.522',
    ])
      expect(variant.result).toContain(words);
  }, 60_000);

  it('the passing variant passes from step 561 on, with the border drifting toward 2.95', () => {
    const variant = lesson.variants.find((v) => v.id === 'sigmoid-bce-adam')!;
    const trainer = new Trainer(compileLessonDocument(variant.document));
    const border = () => {
      const p = parametersByLabel(trainer.plan, trainer.theta) as Record<string, number>;
      return -p.b / p.w;
    };
    let first = 0;
    for (let s = 1; s <= 4000; s++) {
      trainer.trainStep();
      const all = evaluateChecks(trainer, variant.checks).every((r) => r.pass);
      if (all && first === 0) first = s;
      if (s === 560) expect(all).toBe(false);
      if (s >= 561) expect(all, `step ${s}`).toBe(true);
      if (s === 100) expect(border()).toBeCloseTo(2.87, 2);
      if (s === 1000) expect(border()).toBeCloseTo(2.909, 3);
    }
    expect(first).toBe(52);
    expect(border()).toBeCloseTo(2.927, 3);
    const results = evaluateChecks(
      applyAction(new Trainer(trainer.plan), { type: 'train', steps: 1000 }),
      variant.checks,
    );
    expect(results[0].value).toBeCloseTo(0.497, 3);
    expect(results[2].value).toBeCloseTo(0.53, 3);
    for (const words of ['2.87', '561', '2.909', '2.927', '0.497', '0.530'])
      expect(variant.result).toContain(words);
  });
});

describe('the chain-rule lesson holds', () => {
  const lesson = findLesson('chain-rule')!;

  it('every number its steps state holds', () => {
    expect(replayLesson(lesson).mismatches).toEqual([]);
  });

  it('forward −8, backward 6, −4, −2, 4, and one SGD step lowers L to −8.726304', () => {
    let trainer = new Trainer(compileLessonDocument(lesson.document));
    trainer = applyAction(trainer, { type: 'phase' });
    trainer = applyAction(trainer, { type: 'phase' });
    expect(trainer.loss).toBe(-8);
    trainer = applyAction(trainer, { type: 'phase' });
    expect(parametersByLabel(trainer.plan, trainer.thetaGrad)).toEqual({ a: 6, b: -4, c: -2, f: 4 });
    trainer = applyAction(trainer, { type: 'phase' });
    const p = parametersByLabel(trainer.plan, trainer.theta) as Record<string, number>;
    expect(p.a).toBeCloseTo(1.94, 12);
    expect(p.f).toBeCloseTo(-2.04, 12);
    expect((p.a * p.b + p.c) * p.f).toBeCloseTo(-8.726304, 12);
    const [check] = evaluateChecks(trainer, lesson.checks);
    expect(check.value).toBeCloseTo(-8.726304, 12);
    expect(check.pass).toBe(true);
  });

  it('the nudge it describes: a = 2.001 gives L = −7.994', () => {
    expect((2.001 * -3 + 10) * -2).toBeCloseTo(-7.994, 12);
  });
});

describe('the lesson “What does a neuron learn?” holds', () => {
  it('every number its steps state holds: after 300 steps it calls the first 0 of the set a 0', () => {
    expect(replayLesson(findLesson('what-a-neuron-learns')!).mismatches).toEqual([]);
  });
});
