/**
 * `npm run bench:load`: how fast the built app starts (bench/load.bench.ts), in its own config so
 * `npm test` never runs it. Same browser and server as playwright.config.ts.
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
  testMatch: 'load.bench.ts',
  timeout: 600_000,
  reporter: [['list']],
  outputDir: join(tmpdir(), 'neurograph-bench-load'),
  webServer: server && { ...server, cwd: root },
});
