/**
 * importDocument in a Web Worker (import.worker.ts), so reading a big file never blocks the page.
 * Where workers are unavailable, the same function runs here instead: slower for the page, same answer.
 */
import { type ImportResult, importDocument } from '../../format';

export function importOffThread(input: Blob | string): Promise<ImportResult> {
  if (typeof Worker === 'undefined') {
    return (typeof input === 'string' ? Promise.resolve(input) : input.text()).then((text) =>
      importDocument(text),
    );
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const done = (result: ImportResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ImportResult>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done({
        ok: false,
        problems: [
          { path: '', message: `the file could not be read: ${event.message || 'the reader stopped'}` },
        ],
        warnings: [],
      });
    };
    worker.postMessage(input);
  });
}
