/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

/**
 * Offline and installable (issue #16): vite-plugin-pwa generates a Workbox service worker that
 * precaches the whole built app — every lazily loaded chunk too (mathjs, KaTeX, the lesson and
 * picture code), so after one visit every feature works with no network — and the web app manifest.
 * The page registers it itself (src/ui/offline/service-worker.ts), and a new deployment waits until the
 * learner chooses to reload ("A new version is ready — reload"): never forced mid-work.
 */
const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  // Registered from the app (lazily, after the first paint), not by an injected script.
  injectRegister: false,
  includeAssets: ['icon.svg', 'icons/apple-touch-icon-180.png'],
  manifest: {
    name: 'Neurograph',
    short_name: 'Neurograph',
    description: 'Build neural networks by wiring nodes on a canvas, and watch backpropagation happen.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // The light theme's panel and page colours; a dark system theme is set in index.html and by the app.
    theme_color: '#ffffff',
    background_color: '#f4f4f6',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // Everything the app can load, KaTeX's fonts included (woff2 only: every browser that runs the
    // app picks woff2 first, so the .woff/.ttf fallbacks would be cached for nothing).
    globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
    // mathjs' chunk is ~340 kB; the default 2 MiB limit leaves room, this says so explicitly.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: '/index.html',
    cleanupOutdatedCaches: true,
    // A new worker waits (skipWaiting only when the learner clicks Reload): the page and its
    // chunks stay one deployment until then.
    skipWaiting: false,
    clientsClaim: false,
  },
};

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
