/**
 * Training keys while the canvas or the training panel has the focus: → or . one step, Shift+→ one
 * phase, P play/pause. Space steps too, but only in the training panel: on the canvas it stays
 * quick-add's (the editor's issue asks for it there, and a key that changed meaning with a hidden
 * state — "has training started?" — would add a node one moment and train the next). Clicking the
 * panel gives it the focus. → is left to React Flow while a node or an edge has the focus (it moves nodes).
 */
import { useEffect } from 'react';
import { useSession } from '../../store';
import { useTraining } from '../../store/training-app';
import { canvasElement } from '../actions/flow';
import { pressesFocusedControl } from '../hooks/own-keys';
import { isTyping } from '../hooks/typing';
import { useQuickAdd } from '../quick-add/state';

export const TRAINING_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: '→ / .', action: 'Training: one step (forward, loss, backward, update)' },
  {
    keys: 'Space',
    action: 'Training: one step, once you have clicked the training panel (on the canvas Space adds a node)',
  },
  { keys: 'Shift+→', action: 'Training: one phase at a time' },
  { keys: 'P', action: 'Training: play / pause' },
];

/** The training panel itself (not one of its buttons or fields, where Space has its own meaning). */
export const TRAINING_PANEL_SELECTOR = '[data-testid="training-panel"]';

function panelHasFocus(): boolean {
  const active = document.activeElement;
  return !!active?.matches(TRAINING_PANEL_SELECTOR);
}

function canvasHasFocus(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return !!canvasElement()?.contains(active);
}

/** A node or an edge has the keyboard focus: React Flow moves it with the arrow keys. */
function itemHasFocus(): boolean {
  return !!document.activeElement?.closest('.react-flow__node, .react-flow__edge');
}

export function handleTrainingKey(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || isTyping(e.target) || pressesFocusedControl(e)) return false;
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (useSession.getState().dialog || useQuickAdd.getState().open) return false;
  const inPanel = panelHasFocus();
  if (!inPanel && !canvasHasFocus()) return false;
  const t = useTraining.getState();
  if (inPanel && e.key === ' ' && !e.shiftKey) {
    void t.trainStep();
    return true;
  }
  const arrow = e.key === 'ArrowRight' && !itemHasFocus();
  if (arrow && e.shiftKey) {
    void t.phaseStep();
    return true;
  }
  if ((arrow || e.key === '.') && !e.shiftKey) {
    void t.trainStep();
    return true;
  }
  if ((e.key === 'p' || e.key === 'P') && !e.repeat) {
    void t.togglePlay();
    return true;
  }
  return false;
}

export function useTrainingShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (handleTrainingKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
