/**
 * The layers are held by the linter and the compiler, not by habit: an import that points upward
 * (engine → format/store/ui/worker/cli, format → store/ui, store → ui) fails `npm run lint`, and the
 * engine is type-checked without the DOM. Each fixture is checked where it pretends to live, in a
 * scratch copy of the project's own Biome configuration.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name);

/** Lints fixture `name` as the file `as` of a project with our biome.json; its output and exit status. */
function lintAs(name: string, as: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'neurograph-layers-'));
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  const path = join(dir, as);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, readFileSync(join(FIXTURES, name), 'utf8'));
  const run = spawnSync(BIN('biome'), ['lint', '--vcs-enabled=false', '--colors=off', as], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the linter holds the layers', () => {
  it.each([
    ['engine-imports-store.txt', 'src/engine/kinds/fixture.ts', /The engine may not import from src\/store/],
    ['engine-imports-react.txt', 'src/engine/fixture.ts', /The engine is pure TypeScript/],
    ['format-imports-ui.txt', 'src/format/fixture.ts', /The format may not import from src\/ui/],
    ['store-imports-ui.txt', 'src/store/fixture.ts', /The store may not import from src\/ui/],
  ])('refuses %s (as %s)', (name, as, message) => {
    const { status, output } = lintAs(name, as);
    expect(output).toMatch(/noRestrictedImports/);
    expect(output).toMatch(message);
    expect(status).not.toBe(0);
  });

  it('lets the ui import the store and the engine', () => {
    const { status, output } = lintAs('ui-imports-down.txt', 'src/ui/fixture.ts');
    expect(output).not.toMatch(/noRestrictedImports/);
    expect(status).toBe(0);
  });
});

describe('the engine is type-checked without the DOM', () => {
  const engineConfig = join(ROOT, 'src/engine/tsconfig.json');

  it('has its own tsconfig, without the DOM lib, that `tsc -b` builds', () => {
    const engine = JSON.parse(readFileSync(engineConfig, 'utf8'));
    expect(engine.compilerOptions.lib.some((l: string) => /dom/i.test(l))).toBe(false);
    expect(engine.compilerOptions.types).toEqual([]);
    const root = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
    expect(root.references).toContainEqual({ path: './src/engine' });
  });

  it('refuses engine code that touches the DOM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neurograph-engine-dom-'));
    copyFileSync(join(FIXTURES, 'engine-uses-dom.txt'), join(dir, 'fixture.ts'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: engineConfig,
        compilerOptions: { composite: false, emitDeclarationOnly: false, noEmit: true },
        include: ['fixture.ts'],
      }),
    );
    const run = spawnSync(BIN('tsc'), ['-p', dir], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout).toMatch(/Cannot find name 'document'/);
    expect(run.status).not.toBe(0);
  });
});
