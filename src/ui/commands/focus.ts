/** Where the keyboard focus is, for the actions whose keys mean something only in one place. */
import { canvasElement } from '../actions/flow';

/** The training panel itself (not one of its buttons or fields, where Space has its own meaning). */
export const TRAINING_PANEL_SELECTOR = '[data-testid="training-panel"]';

/** Whether keys typed now are meant for the canvas: nothing else (a button, a menu) has the focus. */
export function canvasHasFocus(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return !!canvasElement()?.contains(active);
}

export function trainingPanelHasFocus(): boolean {
  return !!document.activeElement?.matches(TRAINING_PANEL_SELECTOR);
}

/** The training panel is open (training keys act only then). */
export function trainingPanelShown(): boolean {
  return document.querySelector(TRAINING_PANEL_SELECTOR) !== null;
}

/** A node or an edge has the keyboard focus: React Flow moves it with the arrow keys. */
export function itemHasFocus(): boolean {
  return !!document.activeElement?.closest('.react-flow__node, .react-flow__edge');
}
