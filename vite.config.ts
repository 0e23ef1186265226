/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './pwa.config';

export default defineConfig({
  plugins: [react(), VitePWA(pwaOptions)],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // Everything the first page needs in one chunk: the lazily loaded features share modules with
        // it, and left alone those would be cut into dozens of small preloaded chunks (~5 kB more gzip).
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/setup/load-libraries.ts'],
    // The JSON report lets .ci/run print one 'N passed, N failed' line for both suites.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
