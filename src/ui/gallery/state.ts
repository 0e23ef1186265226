/** Whether the gallery of examples and lessons is open; and opening a lesson from it or from a file. */
import { create } from 'zustand';
import type { Lesson } from '../../engine/lessons';
import type { NeurographDocument } from '../../format';
import { useSession } from '../../store';
import { useLesson } from '../lessons/lesson-app';

interface GalleryState {
  open: boolean;
  show(): void;
  close(): void;
}

export const useGallery = create<GalleryState>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));

/** Opens a lesson: its document on the canvas, its first step in the side panel. */
export function openLesson(lesson: Lesson<NeurographDocument>): void {
  useGallery.getState().close();
  void useLesson.getState().open(lesson);
}

/** Reads a `.lesson.json` file and opens the lesson, or lists its problems (the canvas is untouched). */
export async function importLessonFile(file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    text = '';
    const reason = error instanceof Error ? error.message : String(error);
    useGallery.getState().close();
    useSession.getState().openDialog({
      type: 'import-problems',
      fileName: file.name,
      problems: [{ path: '', message: `the file could not be read: ${reason}` }],
    });
    return false;
  }
  // The lesson reader (and the built-in lessons it knows) loads with the first lesson file.
  const { parseLesson } = await import('../../format/lessons');
  const result = parseLesson(text);
  if (!result.ok) {
    useGallery.getState().close();
    useSession
      .getState()
      .openDialog({ type: 'import-problems', fileName: file.name, problems: result.problems });
    return false;
  }
  openLesson(result.lesson);
  return true;
}

/** Asks for a lesson file. */
export function pickLessonFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void importLessonFile(file);
  });
  input.click();
}
