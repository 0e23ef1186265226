/**
 * Whether an address carries a shared network (`#doc=…`), without the code that reads it: the app
 * checks every address at start, and the reader (share-link.ts, with fflate) loads only for a link.
 */

/** The hash parameter holding the document: `#doc=…`. */
export const SHARE_KEY = 'doc';

/** The encoded document in a hash ("#doc=…&other=…"), or null when the hash carries none. */
export function sharedData(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_KEY);
}

/** Whether a location hash carries a shared document. */
export function hasSharedDocument(hash: string): boolean {
  return sharedData(hash) !== null;
}
