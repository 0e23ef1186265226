import { describe, expect, it } from 'vitest';
import { compile, findExample, Trainer } from '../../src/engine';
import { MAX_POINTS, RecordedPath } from '../../src/worker/landscape-path';

const plan = compile(findExample('border-at-3')!.build()).plan!;

function thetaAfter(steps: number): Float64Array {
  const t = new Trainer(plan);
  for (let s = 0; s < steps; s++) t.trainStep();
  return t.theta;
}

describe('the landscape worker’s record of the path', () => {
  it('keeps every step of a short run', () => {
    const { step, thetas } = new RecordedPath(plan).to(5);
    expect(step).toBe(5);
    expect(thetas).toHaveLength(6);
    expect(thetas[3]).toEqual(thetaAfter(3));
  });

  it('thins a long run to at most MAX_POINTS + 1, ending exactly at the step asked for', () => {
    const path = new RecordedPath(plan);
    const long = 3 * MAX_POINTS + 5;
    const { step, thetas } = path.to(long);
    expect(step).toBe(long);
    expect(thetas.length).toBeLessThanOrEqual(MAX_POINTS + 1);
    expect(thetas[thetas.length - 1]).toEqual(thetaAfter(long));
    // Back to a step that was thinned away: trained again, exactly.
    const back = path.to(101);
    expect(back.step).toBe(101);
    expect(back.thetas[back.thetas.length - 1]).toEqual(thetaAfter(101));
  });
});
