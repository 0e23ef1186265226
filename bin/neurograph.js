#!/usr/bin/env node
// The command line is TypeScript in src/cli. It runs from one bundled file (fast to start: mathjs
// alone is hundreds of modules), rebuilt with esbuild whenever a source file is newer than it.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// One bundle per checkout: worktrees sharing one node_modules must not run each other's sources.
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
const bundle = join(root, 'node_modules', '.cache', 'neurograph', `cli-${checkout}.mjs`);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

if (bundleTime() < newestSource(join(root, 'src'))) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
  });
}
await import(pathToFileURL(bundle).href);
