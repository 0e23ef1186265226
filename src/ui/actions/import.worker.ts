/**
 * Reads and checks a file off the main thread: a 10 MB file or 5,000 nodes take seconds to parse
 * and validate, which on the page would freeze it. Answers with importDocument's result, which is
 * plain data (it crosses to the page by structured clone).
 */
import { importDocument } from '../../format';

self.onmessage = async (event: MessageEvent<Blob | string>) => {
  const input = event.data;
  try {
    const text = typeof input === 'string' ? input : await input.text();
    self.postMessage(importDocument(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    self.postMessage({
      ok: false,
      problems: [{ path: '', message: `the file could not be read: ${reason}` }],
      warnings: [],
    });
  }
};
