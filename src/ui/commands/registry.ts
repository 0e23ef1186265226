/**
 * Every action, once. Order matters twice: a key press goes to the first action whose keyTest
 * takes it, and the shortcut list and the palette show them in this order. Adding an action: one
 * file beside this one, and one line here.
 */
import type { Action, MenuId } from './action';
import { autoLayout } from './auto-layout';
import { buildMlp } from './build-mlp';
import { clearSelection } from './clear-selection';
import { codeView } from './code-view';
import { commandPalette } from './command-palette';
import { compare } from './compare';
import { contextMenu } from './context-menu';
import { copy } from './copy';
import { copyLink } from './copy-link';
import { cut } from './cut';
import { deleteSelection } from './delete-selection';
import { duplicate } from './duplicate';
import { exportFile } from './export-file';
import { exportNumpy } from './export-numpy';
import { exportOnnx } from './export-onnx';
import { exportPng, exportPngAsShown, exportSvg } from './export-pictures';
import { exportPyTorch } from './export-pytorch';
import { fitView } from './fit-view';
import { importFile } from './import-file';
import { newDocument } from './new-document';
import { OPEN_EXAMPLES } from './open-example';
import { openGallery } from './open-gallery';
import { paste } from './paste';
import { quickAdd } from './quick-add';
import { redo } from './redo';
import { selectAll } from './select-all';
import { showShortcuts } from './show-shortcuts';
import { snapToGrid } from './snap-to-grid';
import { trainPhase } from './train-phase';
import { trainPlay } from './train-play';
import { trainStep } from './train-step';
import { trainStepInPanel } from './train-step-in-panel';
import { undo } from './undo';

export const ACTIONS: readonly Action[] = [
  newDocument,
  // The Examples menu: every example, then the gallery.
  ...OPEN_EXAMPLES,
  openGallery,
  buildMlp,
  importFile,
  // The Export menu, in its order.
  exportFile,
  exportPyTorch,
  exportNumpy,
  exportOnnx,
  exportPng,
  exportPngAsShown,
  exportSvg,
  codeView,
  copyLink,
  undo,
  redo,
  cut,
  copy,
  paste,
  duplicate,
  selectAll,
  deleteSelection,
  clearSelection,
  contextMenu,
  quickAdd,
  autoLayout,
  fitView,
  snapToGrid,
  // Training keys before the editor's: Space in the training panel steps, on the canvas it adds a node.
  trainStepInPanel,
  trainStep,
  trainPhase,
  trainPlay,
  compare,
  showShortcuts,
  commandPalette,
];

const byId = new Map(ACTIONS.map((a) => [a.id, a]));
if (byId.size !== ACTIONS.length) throw new Error('actions: two actions share an id');

export function getAction(id: string): Action {
  const action = byId.get(id);
  if (!action) throw new Error(`no action "${id}"`);
  return action;
}

const menus = new Map<MenuId, readonly Action[]>();

/** The actions in toolbar menu `id`, in registry order (the same array each time). */
export function menuActions(id: MenuId): readonly Action[] {
  let list = menus.get(id);
  if (!list) {
    list = ACTIONS.filter((a) => a.menu?.menu === id);
    menus.set(id, list);
  }
  return list;
}
