import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neurograph } from './neurograph';

const tmp = mkdtempSync(join(tmpdir(), 'neurograph-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('the command line', { timeout: 60_000 }, () => {
  it('trains the border example and prints w and b as JSON', async () => {
    const r = await neurograph('train', 'example:border-at-3', '--steps', '1', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.step).toBe(1);
    // ½(3.9 − 0)² on the first example, measured before the update.
    expect(out.loss).toBeCloseTo(0.5 * 3.9 * 3.9, 12);
    expect(out.parameters.w).toBeCloseTo(0.998869, 12);
    expect(out.parameters.b).toBeCloseTo(0.99961, 12);
  });

  it('prints one pass of gradients', async () => {
    const r = await neurograph('grad', 'example:border-at-3');
    const out = JSON.parse(r.stdout);
    expect(out.parameters.w).toEqual({ value: 1, grad: expect.closeTo(3.9 * 2.9, 12) });
    expect(out.parameters.b).toEqual({ value: 1, grad: expect.closeTo(3.9, 12) });
  });

  it('exports an example that check then accepts', async () => {
    const exported = await neurograph('export', 'example:border-at-3');
    expect(exported.code).toBe(0);
    const r = await neurograph('check', file('border.json', exported.stdout));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: "Border at x = 3"/m);
  });

  it('lists the examples', async () => {
    const r = await neurograph('examples');
    expect(r.stdout).toContain('example:border-at-3');
  });

  it('reports a graph with problems and exits non-zero', async () => {
    const exported = JSON.parse((await neurograph('export', 'example:border-at-3')).stdout);
    exported.edges = exported.edges.filter((e: { targetHandle: string }) => e.targetHandle !== 'target');
    const r = await neurograph('check', file('no-target.json', JSON.stringify(exported)));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('A loss needs a target');
  });

  it('says what is wrong with a bad file, an unknown example and a bad flag, without a stack trace', async () => {
    const bad = await neurograph('train', file('bad.json', '{"format": "neurograph", "version": 1, '));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a valid Neurograph document/);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const missing = await neurograph('train', 'example:nope');
    expect(missing.stderr).toMatch(/unknown example "nope"/);
    const flag = await neurograph('train', 'example:border-at-3', '--stepz', '3');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option --stepz/);
    const nofile = await neurograph('check', join(tmp, 'absent.json'));
    expect(nofile.stderr).toMatch(/no such file/);
  });

  it('stops at the first non-finite step: names the node and the step on stderr, exits non-zero, and --json says so', async () => {
    const border = JSON.parse((await neurograph('export', 'example:border-at-3')).stdout);
    // Learning rate 10 and w = 1e150: the first update throws w past the largest double.
    border.nodes.find((n: { id: string }) => n.id === 'sgd').params.lr = 10;
    border.edges.find((e: { id: string }) => e.id === 'e1').weight = 1e150;
    const path = file('diverging.json', JSON.stringify(border));
    const r = await neurograph('train', path, '--steps', '20', '--json');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^neurograph: training stopped at step \d+ at node “[^”]+”/);
    const out = JSON.parse(r.stdout);
    expect(out.nonFinite.step).toBeGreaterThan(0);
    expect(out.step).toBe(out.nonFinite.step - 1);
    expect(r.stderr).toContain(`step ${out.nonFinite.step}`);
    expect(r.stderr).toContain(out.nonFinite.nodeLabel);
    // What is printed is the last finite step: every parameter a finite number.
    for (const v of Object.values(out.parameters)) expect(Number.isFinite(v)).toBe(true);
    const plain = await neurograph('train', path, '--steps', '20');
    expect(plain.code).toBe(3);
    expect(plain.stdout).toContain(`stopped after step ${out.step}`);
  });

  it('a custom formula that is never finite (log(0) + x) stops at step 1, naming its node', async () => {
    const border = JSON.parse((await neurograph('export', 'example:border-at-3')).stdout);
    border.nodes.push({
      id: 'f',
      kind: 'act.custom',
      label: 'my formula',
      position: { x: 400, y: 200 },
      params: { formula: 'log(0) + x' },
    });
    const e2 = border.edges.find((e: { id: string }) => e.id === 'e2');
    e2.target = 'f';
    e2.targetHandle = 'in';
    border.edges.push({
      id: 'e5',
      source: 'f',
      sourceHandle: 'out',
      target: 'loss',
      targetHandle: 'prediction',
    });
    const r = await neurograph('train', file('log0.json', JSON.stringify(border)), '--steps', '5', '--json');
    expect(r.stderr).toMatch(/^neurograph: training stopped at step 1 /);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ step: 0, loss: null, nonFinite: { step: 1 } });
    expect(out.nonFinite.value).toMatch(/^(NaN|-?Infinity)$/);
  });

  it('a run that stays finite has no nonFinite field and exits 0', async () => {
    const r = await neurograph('train', 'example:xor', '--steps', '50', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).not.toHaveProperty('nonFinite');
  });
});
