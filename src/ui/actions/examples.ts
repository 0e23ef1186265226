/**
 * Opening a built-in example, from the toolbar's Examples menu, the gallery or the empty canvas:
 * one list (the engine's EXAMPLES), one way to open. An open lesson lets go first, as the canvas
 * no longer shows its document.
 */
import type { Example } from '../../engine/examples';
import { useGallery } from '../gallery/state';
import { useLesson } from '../lessons/lesson-app';
import { openLaidOut } from './documents';

export { EXAMPLES, type Example } from '../../engine/examples';

export function openExample(example: Example): void {
  useGallery.getState().close();
  useLesson.getState().close();
  openLaidOut(example.build());
}
