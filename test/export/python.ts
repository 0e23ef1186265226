/**
 * Runs exported scripts with Debian's Python and PyTorch (/usr/bin/python3; the `python3` on PATH may
 * be another interpreter without torch). Installs python3-torch when it is missing rather than
 * skipping, and runs many scripts in one process, since importing torch dominates a short run.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

export const PYTHON = '/usr/bin/python3';

const hasTorch = () => spawnSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;

/**
 * Makes sure /usr/bin/python3 can import torch (and numpy), installing Debian's python3-torch if not.
 * Test files run in parallel, so the check and the install run under one lock (flock).
 */
export function ensureTorch(): void {
  if (hasTorch()) return;
  const apt = `${process.getuid?.() === 0 ? '' : 'sudo -n '}apt-get -o DPkg::Lock::Timeout=600`;
  const install = `${apt} install -y -qq python3-torch`;
  const script = `${PYTHON} -c "import torch, numpy" 2>/dev/null || ${install} || { ${apt} update -qq && ${install}; }`;
  execFileSync('flock', [join(tmpdir(), 'neurograph-python3-torch.lock'), 'sh', '-c', script], {
    stdio: 'inherit',
    timeout: 900_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!hasTorch())
    throw new Error('python3-torch was installed but /usr/bin/python3 still cannot import torch');
}

export const scratchDir = (prefix: string) => mkdtempSync(join(tmpdir(), `neurograph-${prefix}-`));

const RUNNER = `
import contextlib, io, json, runpy, sys, traceback
source, target = sys.argv[1], sys.argv[2]
jobs = json.load(open(source))
results = []
for job in jobs:
    out = io.StringIO()
    sys.argv = [job["path"], *job["args"]]
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(job["path"], run_name="__main__")
        results.append({"ok": True, "stdout": out.getvalue()})
    except BaseException:
        results.append({"ok": False, "stdout": out.getvalue(), "error": traceback.format_exc()})
with open(target, "w") as f:
    json.dump(results, f)
`;

export interface Job {
  path: string;
  args: string[];
}

/** Runs each script as `python3 path args…` would, all in one interpreter; returns their stdouts. */
export async function runScripts(dir: string, jobs: readonly Job[]): Promise<string[]> {
  const runner = join(dir, 'runner.py');
  const input = join(dir, 'jobs.json');
  const output = join(dir, 'results.json');
  writeFileSync(runner, RUNNER);
  writeFileSync(input, JSON.stringify(jobs));
  await promisify(execFile)(PYTHON, [runner, input, output], { timeout: 300_000, maxBuffer: 1 << 26 });
  const results = JSON.parse(readFileSync(output, 'utf8')) as {
    ok: boolean;
    stdout: string;
    error?: string;
  }[];
  return results.map((r, i) => {
    if (!r.ok) throw new Error(`${jobs[i].path} failed:\n${r.error}`);
    return r.stdout;
  });
}

/** |a − e| ≤ atol + rtol·|e| for every number of two JSON values of the same shape (null = NaN). */
export function expectClose(
  actual: unknown,
  expected: unknown,
  where: string,
  rtol: number,
  atol: number,
): void {
  if (typeof expected === 'number' || expected === null) {
    if (expected === null || !Number.isFinite(expected)) {
      expect(actual, where).toBeNull();
      return;
    }
    expect(typeof actual, `${where}: ${JSON.stringify(actual)} should be a number`).toBe('number');
    const diff = Math.abs((actual as number) - expected);
    expect(diff, `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(atol + rtol * Math.abs(expected));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${where} should be a list`).toBe(true);
    expect((actual as unknown[]).length, `${where}: length`).toBe(expected.length);
    for (const [i, e] of expected.entries())
      expectClose((actual as unknown[])[i], e, `${where}[${i}]`, rtol, atol);
    return;
  }
  const obj = expected as Record<string, unknown>;
  expect(Object.keys(actual as object), `${where}: keys`).toEqual(Object.keys(obj));
  for (const [k, v] of Object.entries(obj))
    expectClose((actual as Record<string, unknown>)[k], v, `${where}.${k}`, rtol, atol);
}
