/** Runs the built command line as a user would (`node bin/neurograph.js …`): its exit code and both streams. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const NEUROGRAPH_BIN = join(__dirname, '../../bin/neurograph.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function neurograph(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', [NEUROGRAPH_BIN, ...args], {
      timeout: 60_000,
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
