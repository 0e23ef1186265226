import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEUROGRAPH_BIN, neurograph, run } from '../cli/neurograph';
import { ensureTorch, expectClose, PYTHON, scratchDir } from './python';

const dir = scratchDir('export-cli');

async function python(source: string, name: string, ...args: string[]): Promise<unknown> {
  const path = join(dir, name);
  writeFileSync(path, source);
  return JSON.parse((await run(PYTHON, [path, ...args], { timeout: 120_000 })).stdout);
}

describe('neurograph export', { timeout: 120_000 }, () => {
  beforeAll(ensureTorch, 900_000);

  it('--to pytorch prints a script that trains as `train --json` does', async () => {
    const [exported, trained] = await Promise.all([
      neurograph('export', 'example:gaussians3', '--to', 'pytorch'),
      neurograph('train', 'example:gaussians3', '--steps', '30', '--json'),
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^#!\/usr\/bin\/env python3\n/);
    expect(exported.stdout).toMatch(/torch\.optim\.Adam\(/);
    const out = await python(exported.stdout, 'gaussians3.py', '--steps', '30');
    expectClose(out, JSON.parse(trained.stdout), 'gaussians3', 1e-6, 1e-12);
  });

  it('--to numpy --steps N embeds the parameters after N steps', async () => {
    const r = await neurograph('export', 'example:sine', '--to', 'numpy', '--steps', '20');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/The values given at export/);
    const out = (await python(r.stdout, 'sine-numpy.py')) as { train: number[][]; test: number[][] };
    expect(out.train).toHaveLength(160);
    expect(out.test).toHaveLength(40);
    expect(out.train[0]).toHaveLength(1);
  });

  it('--to onnx > net.onnx writes a model onnxruntime runs, with the parameters after --steps N', async () => {
    const path = join(dir, 'spiral.onnx');
    const r = await run(
      'sh',
      ['-c', `node "${NEUROGRAPH_BIN}" export example:spiral --to onnx --steps 5 > "${path}"`],
      {
        timeout: 60_000,
      },
    );
    expect(r.stderr).toBe('');
    const session = await ort.InferenceSession.create(readFileSync(path));
    const one = (v: number) => new ort.Tensor('float32', Float32Array.of(v), [1, 1]);
    const out = await session.run(Object.fromEntries(session.inputNames.map((n) => [n, one(0.5)])));
    expect(session.inputNames).toHaveLength(2);
    expect(out[session.outputNames[0]].dims).toEqual([1, 1]);
  });

  it('refuses an unknown format and --steps with pytorch', async () => {
    const unknown = await neurograph('export', 'example:xor', '--to', 'tflite');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/formats: json, pytorch, numpy, onnx/);
    const steps = await neurograph('export', 'example:xor', '--to', 'pytorch', '--steps', '3');
    expect(steps.code).toBe(2);
    expect(steps.stderr).toMatch(/--steps applies to --to numpy and --to onnx/);
  });
});
