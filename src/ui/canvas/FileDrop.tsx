/**
 * Dropping a .neurograph.json file anywhere on the window opens it (the canvas shows where it will
 * land while the file is dragged over). Without this the browser would navigate to the file.
 */
import { useEffect, useState } from 'react';
import { useSession } from '../../store';
import { importFile } from '../actions/file';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
/** dragleave is unreliable over child elements: the overlay goes when dragover stops coming. */
const LINGER_MS = 150;

export function FileDrop() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
      clearTimeout(timer);
      timer = setTimeout(() => setOver(false), LINGER_MS);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      clearTimeout(timer);
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      if (useSession.getState().dialog) return;
      void importFile(files[0]).then((opened) => {
        if (opened && files.length > 1) {
          useSession
            .getState()
            .showToast(
              `Opened “${files[0].name}”; one network at a time, so the other files were not opened.`,
              {
                tone: 'info',
              },
            );
        }
      });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="file-drop" data-testid="file-drop">
      <div className="file-drop__card">
        <strong>Drop to open the network</strong>
        <span>
          A .neurograph.json file or an ONNX model (.onnx) replaces the current network; it stays one click
          away.
        </span>
        <span>A .csv file becomes a CSV data node (on a CSV data node: fills it).</span>
      </div>
    </div>
  );
}
