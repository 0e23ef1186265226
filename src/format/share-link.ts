/**
 * Share links: the whole document inside a URL's hash, `#doc=<data>`, where the data is the
 * document's JSON (as exported, without the viewport), DEFLATE-compressed (fflate) and written in
 * base64url. Nothing is uploaded anywhere: the link IS the network. The hash never reaches a server.
 *
 * Reading a link goes through `importDocument`, so a link is validated exactly like a file, and a
 * damaged link (cut short by a mail app, a character changed) is reported precisely, never thrown.
 */
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { exportDocument } from './export';
import { type ImportOptions, type ImportResult, importDocument } from './import';
import type { Problem } from './problem';
import type { NeurographDocument } from './schema';
import { SHARE_KEY, sharedData } from './share-hash';

export { hasSharedDocument, SHARE_KEY, sharedData } from './share-hash';

/** Beyond about this many characters, mail and chat apps may cut a link: the file is safer. */
export const LONG_LINK_CHARS = 8000;
/** The most characters of link data read; far above what any browser keeps in an address. */
const MAX_LINK_DATA = 4_000_000;
/** The most bytes a link may unpack to (a link is small; its contents must not explode). */
const MAX_UNPACKED = 8_000_000;

export interface ShareLink {
  /** The full link: `base` followed by `#doc=…`. */
  url: string;
  /** Length of `url` in characters. */
  length: number;
  /** Set when the link is long enough to be cut by some apps. */
  warning?: string;
}

/** The hash that carries `doc`, e.g. "#doc=q1ZKy0nNS…". */
export function shareHash(doc: NeurographDocument): string {
  const { viewport: _fitted, ...rest } = doc;
  // The exported text fixes key order and drops unknown fields; compact, it is smaller still.
  const json = JSON.stringify(JSON.parse(exportDocument(rest)));
  return `#${SHARE_KEY}=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** A link to `base` (the app's address, without a hash) that opens a copy of `doc`. */
export function shareLink(doc: NeurographDocument, base: string): ShareLink {
  const url = `${base.replace(/#.*$/, '')}${shareHash(doc)}`;
  const link: ShareLink = { url, length: url.length };
  if (url.length > LONG_LINK_CHARS) {
    link.warning = `This link is long (${formatKilo(url.length)} characters): some mail and chat apps cut links beyond about ${formatKilo(LONG_LINK_CHARS)}. To be safe, share the file instead (Export).`;
  }
  return link;
}

const formatKilo = (n: number) => (n < 1000 ? String(n) : `${Math.round(n / 100) / 10}k`);

/**
 * Reads the document in a link's hash: never throws; every problem says what is wrong. A hash
 * without `doc=` is reported as such (callers check `hasSharedDocument` first).
 */
export function readShareHash(hash: string, opts: ImportOptions = {}): ImportResult {
  const data = sharedData(hash);
  if (data === null)
    return failure(`this link holds no network (expected “#${SHARE_KEY}=…” after the address)`);
  const text = unpack(data);
  if (typeof text !== 'string') return { ok: false, problems: [text], warnings: [] };
  return importDocument(text, opts);
}

/** The JSON text inside the link data, or the problem that prevents reading it. */
function unpack(data: string): string | Problem {
  const damaged = (why: string): Problem => ({ path: '', message: `this link is damaged: ${why}` });
  if (data === '') return damaged('it holds no data after “#doc=”');
  if (data.length > MAX_LINK_DATA) {
    return damaged(`it is ${data.length} characters long, more than a link can carry (${MAX_LINK_DATA})`);
  }
  const bad = /[^A-Za-z0-9_-]/.exec(data);
  if (bad) {
    const ch = bad[0] === ' ' ? 'a space' : `“${bad[0]}”`;
    return damaged(
      `character ${bad.index + 1} of its data is ${ch}, which a share link never contains (was it changed or cut when copied?)`,
    );
  }
  if (data.length % 4 === 1)
    return damaged('its data ends in the middle of a character: it was probably cut short');
  const bytes = fromBase64Url(data);
  let out: Uint8Array;
  try {
    out = inflateLimited(bytes, MAX_UNPACKED);
  } catch (e) {
    if (e instanceof TooLarge) return damaged(`it unpacks to more than ${MAX_UNPACKED} bytes`);
    return damaged('its data cannot be unpacked: it was probably cut short or changed when copied');
  }
  if (out.length === 0) return damaged('its data unpacks to nothing: it was probably cut short');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(out);
  } catch {
    return damaged('its data unpacks to something that is not text');
  }
}

class TooLarge extends Error {}

/** DEFLATE, fed in small slices so a crafted link cannot unpack to gigabytes before the check. */
function inflateLimited(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
    if (final) ended = true;
  });
  const SLICE = 1024;
  for (let i = 0; i < data.length; i += SLICE) {
    inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  }
  // A stream cut short never reaches its final block.
  if (!ended) throw new Error('unexpected end of data');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function failure(message: string): ImportResult {
  return { ok: false, problems: [{ path: '', message }], warnings: [] };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) {
    binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): Uint8Array {
  const b64 = data.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
