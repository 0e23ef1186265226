/**
 * importDocument in a Web Worker (import.worker.ts), so reading a big file never blocks the page.
 * Where workers are unavailable, the same function runs here instead: slower for the page, same answer.
 */
import { type ImportResult, importDocument } from '../../format';

/** Text from this long is read in the worker; shorter text is read faster on the spot than a worker starts. */
export const OFF_THREAD_FROM = 100_000;

/** Document text read here when short, in a worker from OFF_THREAD_FROM characters. */
export function importTextSoon(text: string): ImportResult | Promise<ImportResult> {
  return text.length < OFF_THREAD_FROM ? importDocument(text) : importOffThread(text);
}

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
