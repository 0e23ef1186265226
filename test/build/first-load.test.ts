/**
 * The first load stays small (issue #16): the entry script, every module index.html preloads and its
 * stylesheets, gzipped, at most FIRST_LOAD_BUDGET (see there). Everything else (mathjs, KaTeX, marked, dagre, papaparse
 * and the CSV reader, html-to-image, uPlot, highlight.js, protobufjs, dialogs, …) must load on first use.
 *
 * Reads dist/ when it is newer than every source file, else builds the app into a temporary folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET, type FirstLoad, firstLoadOf } from '../../bench/first-load-bytes';

const root = join(import.meta.dirname, '..', '..');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function distIsFresh(dist: string): boolean {
  try {
    const built = statSync(join(dist, 'index.html')).mtimeMs;
    const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
    return sources.every((s) => newest(join(root, s)) < built);
  } catch {
    return false;
  }
}

let dist = join(root, 'dist');
let scratch: string | undefined;
let load: FirstLoad;

beforeAll(async () => {
  if (!distIsFresh(dist)) {
    scratch = mkdtempSync(join(tmpdir(), 'neurograph-first-load-'));
    dist = scratch;
    // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root,
        mode: 'production',
        logLevel: 'error',
        build: { outDir: dist, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  load = firstLoadOf(dist);
}, 300_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('the first load', () => {
  it(`is at most ${kB(FIRST_LOAD_BUDGET)} gzipped: entry, preloads and stylesheets`, () => {
    const listing = load.files.map((f) => `${f.kind} ${f.path}: ${kB(f.gzip)}`).join('\n');
    expect(
      load.files.some((f) => f.kind === 'entry'),
      listing,
    ).toBe(true);
    expect(load.gzip, `first load ${kB(load.gzip)}:\n${listing}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it('leaves out the libraries that load on first use', () => {
    // A sign of each one, as it appears in its minified code (a library's own error text or name).
    const markers: Record<string, RegExp> = {
      mathjs: /typed-function/,
      katex: /KaTeX parse error/,
      marked: /marked\(\): input parameter/,
      dagre: /nestingGraph/,
      papaparse: /UndetectableDelimiter/,
      'html-to-image': /data:image\/svg\+xml;charset=utf-8,/,
      uplot: /u-legend/,
      // zod/mini, not classic zod: classic brings its English messages (and ~16 kB gzip more).
      'classic zod': /Too big: expected/,
      // Our own CSV rules travel with papaparse (src/engine/datasets/csv-reader.ts).
      'the CSV reader': /where the header has/,
    };
    const first = load.files
      .filter((f) => f.kind !== 'stylesheet')
      .map((f) => readText(join(dist, f.path)))
      .join('\n');
    const found = Object.entries(markers)
      .filter(([, marker]) => marker.test(first))
      .map(([name]) => name);
    expect(found).toEqual([]);
  });
});

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
