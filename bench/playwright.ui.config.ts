/**
 * `npm run bench:ui`: the UI benchmarks (bench/ui.bench.ts, bench/ui-training.bench.ts) against the production build, in its
 * own config so `npm test` never runs it. Same browser and server as playwright.config.ts.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: process.env.BENCH_FILE ?? ['ui.bench.ts', 'ui-training.bench.ts'],
  timeout: 300_000,
  reporter: [['list']],
  // Outside test-results/, which every e2e run empties.
  outputDir: join(tmpdir(), 'neurograph-bench-ui'),
  // vite preview must serve the repository's dist/, not bench/.
  webServer: server && { ...server, cwd: root },
});
