/**
 * Opening the canvas's context menu: a right-click, Shift+F10 or the Menu key (the browser's
 * `contextmenu` event), or a long press of a finger. Each finds what is under the press, selects
 * it (unless it is already part of the selection: then the menu acts on the whole selection) and
 * opens the menu there. Elsewhere (the minimap, the zoom buttons, a text field) the browser's own
 * menu stays.
 */
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { Position } from '../../engine/graph';
import { useSelection } from '../../store';
import { canvasElement } from '../actions/flow';
import { createLongPress } from './long-press';
import { type MenuTarget, useContextMenu } from './state';

/** What a press on `el` is on, or null where the canvas's menu does not apply. */
export function menuTargetOf(el: Element): MenuTarget | null {
  if (el.closest('input, textarea, select, [contenteditable], .react-flow__panel, .react-flow__minimap')) {
    return null;
  }
  const node = el.closest('.react-flow__node')?.getAttribute('data-id');
  if (node) return { kind: 'node', id: node };
  const edge = el.closest('.react-flow__edge')?.getAttribute('data-id');
  if (edge) return { kind: 'edge', id: edge };
  // A weight's label stands for its edge.
  const weight = el.closest('.ng-weight')?.getAttribute('data-testid');
  if (weight?.startsWith('weight-')) return { kind: 'edge', id: weight.slice('weight-'.length) };
  if (el.closest('.react-flow__pane, .react-flow__renderer')) return { kind: 'canvas' };
  return null;
}

function selectTarget(target: MenuTarget): void {
  const selection = useSelection.getState();
  if (target.kind === 'node' && !selection.nodes.has(target.id)) selection.select([target.id], []);
  if (target.kind === 'edge' && !selection.edges.has(target.id)) selection.select([], [target.id]);
}

/** Opens the menu for what `el` is, at `at`; false where the canvas's menu does not apply. */
export function openMenuOn(el: Element, at: Position): boolean {
  const target = menuTargetOf(el);
  if (!target) return false;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  selectTarget(target);
  useContextMenu.getState().show(target, at, focused);
  return true;
}

/** Where a menu opened from the keyboard goes: beside the top-left of the focused element. */
function besideOf(el: Element): Position {
  const box = el.getBoundingClientRect();
  return { x: box.left + Math.min(box.width / 2, 40), y: box.top + Math.min(box.height / 2, 24) };
}

/** Shift+F10 or the Menu key (the context-menu action): the menu of what has the focus on the canvas. */
export function openMenuOnFocused(): void {
  const focused = document.activeElement;
  const canvas = canvasElement();
  if (!canvas) return;
  const on = focused && focused !== document.body && canvas.contains(focused) ? focused : null;
  if (on && openMenuOn(on, besideOf(on))) return;
  // Nothing of the canvas focused: the canvas's own menu, in its middle.
  const pane = canvas.querySelector('.react-flow__pane');
  const box = canvas.getBoundingClientRect();
  if (pane) openMenuOn(pane, { x: box.left + box.width / 2, y: box.top + box.height / 2 });
}

/** The browser's `contextmenu`: a right-click (or the Menu key, where the browser sends it). */
export function onContextMenu(e: ReactMouseEvent): void {
  if (!(e.target instanceof Element)) return;
  // The menu is open already (the key opened it, and the browser sends its event after).
  if (e.target.closest('.context-menu')) {
    e.preventDefault();
    return;
  }
  const box = e.target.getBoundingClientRect();
  const inside =
    e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
  const at = inside ? { x: e.clientX, y: e.clientY } : besideOf(e.target);
  if (openMenuOn(e.target, at)) e.preventDefault();
}

/**
 * After a long press has opened the menu, the finger still down moves nothing: its moves are
 * kept from React Flow (no node drag, no pan, no connection) until it lifts.
 */
function holdStill(): void {
  const swallow = (e: TouchEvent) => {
    e.stopPropagation();
    if (e.cancelable) e.preventDefault();
  };
  const release = () => {
    window.removeEventListener('touchmove', swallow, true);
    window.removeEventListener('touchend', release, true);
    window.removeEventListener('touchcancel', release, true);
  };
  window.addEventListener('touchmove', swallow, { capture: true, passive: false });
  window.addEventListener('touchend', release, true);
  window.addEventListener('touchcancel', release, true);
}

/** Watches `canvas` for a finger's long press; returns the unsubscribe. */
export function watchLongPress(canvas: HTMLElement): () => void {
  let pressed: Element | null = null;
  const press = createLongPress((at) => {
    if (pressed?.isConnected && openMenuOn(pressed, at)) holdStill();
    pressed = null;
  });
  const onDown = (e: PointerEvent) => {
    if (e.pointerType !== 'touch') return;
    pressed = e.target instanceof Element ? e.target : null;
    press.down(e.pointerId, e.clientX, e.clientY);
  };
  const onMove = (e: PointerEvent) => press.move(e.pointerId, e.clientX, e.clientY);
  const onUp = (e: PointerEvent) => press.up(e.pointerId);
  canvas.addEventListener('pointerdown', onDown, true);
  window.addEventListener('pointermove', onMove, true);
  window.addEventListener('pointerup', onUp, true);
  window.addEventListener('pointercancel', onUp, true);
  return () => {
    press.cancel();
    canvas.removeEventListener('pointerdown', onDown, true);
    window.removeEventListener('pointermove', onMove, true);
    window.removeEventListener('pointerup', onUp, true);
    window.removeEventListener('pointercancel', onUp, true);
  };
}
