import { describe, expect, it } from 'vitest';
import { fullCardNeedsMeasure, measureSoon, notePlainCard } from '../../src/ui/canvas/port-measure';

describe('when React Flow must measure a node again', () => {
  it('not for a node drawn in full from the start: React Flow measures new nodes itself', () => {
    expect(fullCardNeedsMeasure('fresh', 'in,out')).toBe(false);
    expect(fullCardNeedsMeasure('fresh', 'in,out')).toBe(false);
  });

  it('when its ports change on the full card', () => {
    fullCardNeedsMeasure('data', 'x0,y');
    expect(fullCardNeedsMeasure('data', 'x0,x1,y')).toBe(true);
  });

  it('once, when a node first drawn as a plain card is drawn in full', () => {
    notePlainCard('pasted-far');
    expect(fullCardNeedsMeasure('pasted-far', 'in,out')).toBe(true);
    expect(fullCardNeedsMeasure('pasted-far', 'in,out')).toBe(false);
  });

  it('not when a node measured in full comes back from a plain card unchanged', () => {
    fullCardNeedsMeasure('seen', 'in,out');
    notePlainCard('seen');
    expect(fullCardNeedsMeasure('seen', 'in,out')).toBe(false);
  });

  it('when its ports changed while it was a plain card', () => {
    fullCardNeedsMeasure('edited-far', 'x0,y');
    notePlainCard('edited-far');
    expect(fullCardNeedsMeasure('edited-far', 'x0,x1,y')).toBe(true);
  });

  it('asks for every node requested in one task in one batch', async () => {
    const batches: string[][] = [];
    const update = (ids: string[]) => batches.push(ids);
    measureSoon(update, 'a');
    measureSoon(update, 'b');
    measureSoon(update, 'c');
    expect(batches).toEqual([]);
    await Promise.resolve();
    expect(batches).toEqual([['a', 'b', 'c']]);
    measureSoon(update, 'd');
    await Promise.resolve();
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });
});
