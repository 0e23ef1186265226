/**
 * The lessons that ship with the app: every file in src/lessons, validated on first use.
 * test/format/lessons.test.ts holds each of them valid, test/engine/lessons.test.ts true to the
 * engine's numbers.
 */

import type { Lesson } from '../../engine/lessons';
import { formatProblem } from '../problem';
import type { NeurographDocument } from '../schema';
import { validateLesson } from './load';

/**
 * Every `*.lesson.json` in src/lessons, parsed, in file-name order: adding a lesson is adding a file.
 * Read on first use, as only the app's bundler (Vite, also under Vitest) understands the glob; the
 * command line, bundled by esbuild, never asks for lessons.
 */
export function lessonFiles(): readonly unknown[] {
  const files = import.meta.glob<unknown>('../../lessons/*.lesson.json', { eager: true, import: 'default' });
  return Object.keys(files)
    .sort()
    .map((path) => files[path]);
}

let loaded: Lesson<NeurographDocument>[] | undefined;

/** The built-in lessons, validated; throws if one is invalid (a bug the tests catch first). */
export function builtinLessons(): readonly Lesson<NeurographDocument>[] {
  loaded ??= lessonFiles().map((file) => {
    const result = validateLesson(file);
    if (!result.ok) {
      const id = (file as { id?: unknown }).id;
      throw new Error(
        `built-in lesson ${String(id)} is invalid: ${result.problems.map(formatProblem).join('; ')}`,
      );
    }
    return result.lesson;
  });
  return loaded;
}

export function findLesson(id: string): Lesson<NeurographDocument> | undefined {
  return builtinLessons().find((l) => l.id === id);
}
