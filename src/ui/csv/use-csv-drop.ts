/**
 * Dropping a .csv file on the canvas: onto a CSV data node, it fills that node; anywhere else it
 * creates one where it was dropped. Listens before the window's own file drop (which opens
 * .neurograph.json files) and takes only CSV files.
 */
import { useEffect } from 'react';
import { CSV_KIND_ID } from '../../engine/kinds/csv-data';
import { nodeById, useDocument, useSession } from '../../store';
import { screenToFlow } from '../actions/flow';
import type { CsvDestination } from './csv-actions';
import { isCsvFile } from './csv-file';

/** Reading a table and its dialog load on the first CSV dropped (they are not needed to start). */
const loadCsvFile = (file: File, to: CsvDestination) =>
  import('./csv-actions').then((m) => m.loadCsvFile(file, to));

/** Where the pointer sits on a new node: a little in from its top-left corner. */
const DROP_OFFSET = { x: 90, y: 18 };

export function useCsvDrop(): void {
  useEffect(() => {
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files?.[0];
      if (!file || !isCsvFile(file)) return;
      e.preventDefault();
      e.stopPropagation();
      if (useSession.getState().dialog) return;
      const target = e.target instanceof Element ? e.target : null;
      const nodeEl = target?.closest<HTMLElement>('.react-flow__node');
      const onNode = nodeEl?.dataset.id
        ? nodeById(useDocument.getState().nodes, nodeEl.dataset.id)
        : undefined;
      if (onNode && onNode.kind === CSV_KIND_ID) {
        void loadCsvFile(file, { nodeId: onNode.id });
        return;
      }
      if (!target?.closest('.canvas')) {
        // Outside the canvas: still a CSV node, placed in the middle of the view.
        void loadCsvFile(file, { nodeId: null });
        return;
      }
      const p = screenToFlow({ x: e.clientX, y: e.clientY });
      void loadCsvFile(file, { nodeId: null, at: { x: p.x - DROP_OFFSET.x, y: p.y - DROP_OFFSET.y } });
    };
    window.addEventListener('drop', onDrop, { capture: true });
    return () => window.removeEventListener('drop', onDrop, { capture: true });
  }, []);
}
