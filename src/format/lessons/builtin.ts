/**
 * The lessons that ship with the app: the files in src/lessons, validated on first use.
 * test/format/lessons.test.ts holds each of them valid, test/engine/lessons.test.ts true to the
 * engine's numbers.
 */

import type { Lesson } from '../../engine/lessons';
import borderAt3 from '../../lessons/border-at-3.lesson.json';
import chainRule from '../../lessons/chain-rule.lesson.json';
import { formatProblem } from '../problem';
import type { NeurographDocument } from '../schema';
import { validateLesson } from './load';

/** The lesson files as parsed JSON, in menu order. */
export const LESSON_FILES: readonly unknown[] = [borderAt3, chainRule];

let loaded: Lesson<NeurographDocument>[] | undefined;

/** The built-in lessons, validated; throws if one is invalid (a bug the tests catch first). */
export function builtinLessons(): readonly Lesson<NeurographDocument>[] {
  loaded ??= LESSON_FILES.map((file) => {
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
