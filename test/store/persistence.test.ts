import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { borderAt3 } from '../../src/engine/examples/border';
import { exportDocument, type ImportResult, importDocument } from '../../src/format';
import {
  AUTOSAVE_DELAY,
  AUTOSAVE_KEY,
  createDocumentStore,
  type DocumentStorage,
  type DocumentStore,
  type PageEvents,
  RETRY_DELAYS,
  type SaveStatus,
  startAutosave,
  toDocument,
  UNREADABLE_KEY,
} from '../../src/store';

/** A storage whose reads wait until released, and whose writes can be made to fail. */
class FakeStorage implements DocumentStorage {
  data = new Map<string, string>();
  writes: { key: string; value: string }[] = [];
  failWrites: Error | null = null;
  failReads: Error | null = null;
  private release: (() => void) | null = null;
  private gate: Promise<void> | null = null;

  /** Reads block until open() is called. */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.release = resolve;
    });
  }
  open(): void {
    this.release?.();
    this.gate = null;
  }
  async get(key: string): Promise<unknown> {
    if (this.gate) await this.gate;
    if (this.failReads) throw this.failReads;
    return this.data.get(key);
  }
  /** Writes attempted, failed or not. */
  tries = 0;
  async set(key: string, value: string): Promise<void> {
    this.tries++;
    if (this.failWrites) throw this.failWrites;
    this.writes.push({ key, value });
    this.data.set(key, value);
  }
}

class FakePage implements PageEvents {
  listeners = new Map<string, Set<() => void>>();
  isHidden = false;
  addEventListener(type: string, l: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(l);
  }
  removeEventListener(type: string, l: () => void) {
    this.listeners.get(type)?.delete(l);
  }
  hidden = () => this.isHidden;
  fire(type: string) {
    for (const l of this.listeners.get(type) ?? []) l();
  }
}

const VIEWPORT = { x: -123.5, y: 48.25, zoom: 0.8125 };

function savedText(): string {
  return exportDocument({ ...borderAt3(), viewport: VIEWPORT });
}

/** Lets pending promises (the fake storage's) settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
}

let doc: DocumentStore;
let storage: FakeStorage;

beforeEach(() => {
  vi.useFakeTimers();
  doc = createDocumentStore();
  storage = new FakeStorage();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('nothing is saved before the saved document has loaded', () => {
  it('does not write while the read is pending, then restores the saved document', async () => {
    storage.data.set(AUTOSAVE_KEY, savedText());
    storage.hold();
    const autosave = startAutosave({ storage, doc });
    // The canvas reports a viewport while the read is still pending: it must not be saved over the document.
    doc.getState().setViewport({ x: 0, y: 0, zoom: 1 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 4);
    expect(storage.writes).toEqual([]);

    storage.open();
    const outcome = await autosave.ready;
    expect(outcome.status).toBe('restored');
    expect(doc.getState().nodes).toHaveLength(4);
    expect(doc.getState().viewport).toEqual(VIEWPORT);
    // Restoring is not a change to save.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 2);
    expect(storage.writes).toEqual([]);

    // From now on, changes are saved.
    doc.getState().setName('Changed');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(storage.writes).toHaveLength(1);
    expect(JSON.parse(storage.writes[0].value).name).toBe('Changed');
    autosave.stop();
  });

  it('the saver is attached only when the read settles: no subscription before', async () => {
    storage.hold();
    const subscribe = vi.spyOn(doc, 'subscribe');
    const autosave = startAutosave({ storage, doc });
    await settle();
    expect(subscribe).not.toHaveBeenCalled();
    storage.open();
    await autosave.ready;
    expect(subscribe).toHaveBeenCalledTimes(1);
    autosave.stop();
  });

  it('edits made while the read is pending win, and are saved once it settles', async () => {
    storage.data.set(AUTOSAVE_KEY, savedText());
    storage.hold();
    const autosave = startAutosave({ storage, doc });
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 2);
    expect(storage.writes).toEqual([]);
    storage.open();
    expect((await autosave.ready).status).toBe('kept');
    expect(doc.getState().nodes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(storage.writes).toHaveLength(1);
    expect(JSON.parse(storage.writes[0].value).nodes).toHaveLength(1);
    autosave.stop();
  });

  it('a storage that cannot be read leaves autosave off, so nothing saved is overwritten', async () => {
    storage.failReads = new Error('IndexedDB is not available');
    const onError = vi.fn();
    const statuses: SaveStatus[] = [];
    const autosave = startAutosave({ storage, doc, onError, onStatus: (s) => statuses.push(s) });
    expect((await autosave.ready).status).toBe('failed');
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('Autosave is off'), expect.anything());
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 2);
    expect(storage.writes).toEqual([]);
    expect(statuses.at(-1)).toBe('off');
    // The document in memory is untouched.
    expect(doc.getState().nodes).toHaveLength(1);
  });

  it('stopped before the read finishes: nothing is restored, nothing saved', async () => {
    storage.data.set(AUTOSAVE_KEY, savedText());
    storage.hold();
    const autosave = startAutosave({ storage, doc });
    autosave.stop();
    storage.open();
    expect((await autosave.ready).status).toBe('stopped');
    expect(doc.getState().nodes).toHaveLength(0);
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 2);
    expect(storage.writes).toEqual([]);
  });
});

describe('restoring', () => {
  it('brings back the document exactly (viewport included) with a fresh undo history', async () => {
    const first = createDocumentStore();
    first.getState().loadDocument(borderAt3());
    first.getState().setEdgeWeight(first.getState().edges[0].id, 0.25);
    first.getState().setViewport(VIEWPORT);
    const saving = startAutosave({ storage, doc: first });
    await saving.ready;
    first.getState().setDescription('Saved for later');
    await saving.flush();
    saving.stop();

    const second = createDocumentStore();
    second.getState().addNode('neuron', { x: 1, y: 1 });
    second.getState().loadDocument({ name: 'x', seed: 1, nodes: [], edges: [] }, { resetHistory: true });
    const restoring = startAutosave({ storage, doc: second });
    const outcome = await restoring.ready;
    expect(outcome.status).toBe('restored');
    expect(toDocument(second.getState())).toEqual(toDocument(first.getState()));
    expect(second.temporal.getState().pastStates).toHaveLength(0);
    restoring.stop();
  });

  it('keeps an unreadable saved document aside instead of overwriting it', async () => {
    storage.data.set(AUTOSAVE_KEY, '{"format": "neurograph", "version": 1, "nodes": [');
    const onError = vi.fn();
    const autosave = startAutosave({ storage, doc, onError });
    const outcome = await autosave.ready;
    expect(outcome.status).toBe('unreadable');
    expect(storage.data.get(UNREADABLE_KEY)).toContain('"nodes": [');
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('kept aside'), expect.anything());
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).nodes).toHaveLength(1);
    autosave.stop();
  });
});

describe('reading the saved text elsewhere (a big document: the app reads it in a worker)', () => {
  /** A reader that answers only when released, as a worker does a while later. */
  function slowReader() {
    const texts: string[] = [];
    let answer: (() => void) | null = null;
    const readText = (text: string) =>
      new Promise<ImportResult>((resolve) => {
        texts.push(text);
        answer = () => resolve(importDocument(text));
      });
    return { readText, texts, answer: () => answer?.() };
  }

  it('restores what the reader read, and only once it has answered', async () => {
    storage.data.set(AUTOSAVE_KEY, savedText());
    const reader = slowReader();
    const autosave = startAutosave({ storage, doc, readText: reader.readText });
    await settle();
    expect(reader.texts).toEqual([savedText()]);
    expect(doc.getState().nodes).toHaveLength(0);
    reader.answer();
    expect((await autosave.ready).status).toBe('restored');
    expect(doc.getState().nodes).toHaveLength(4);
    expect(doc.getState().viewport).toEqual(VIEWPORT);
    autosave.stop();
  });

  it('an edit made while the reader works wins over the saved document, and is saved', async () => {
    storage.data.set(AUTOSAVE_KEY, savedText());
    const reader = slowReader();
    const autosave = startAutosave({ storage, doc, readText: reader.readText });
    await settle();
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    reader.answer();
    expect((await autosave.ready).status).toBe('kept');
    expect(doc.getState().nodes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).nodes).toHaveLength(1);
    autosave.stop();
  });

  it('stopped while the reader works: nothing is restored', async () => {
    storage.data.set(AUTOSAVE_KEY, savedText());
    const reader = slowReader();
    const autosave = startAutosave({ storage, doc, readText: reader.readText });
    await settle();
    autosave.stop();
    reader.answer();
    expect((await autosave.ready).status).toBe('stopped');
    expect(doc.getState().nodes).toHaveLength(0);
  });
});

describe('saving', () => {
  it('debounces: a burst of edits is one write, AUTOSAVE_DELAY after the last', async () => {
    const autosave = startAutosave({ storage, doc });
    await autosave.ready;
    for (let i = 0; i < 5; i++) {
      doc.getState().addNode('neuron', { x: i * 10, y: 0 });
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY / 2);
    }
    expect(storage.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(storage.writes).toHaveLength(1);
    expect(JSON.parse(storage.writes[0].value).nodes).toHaveLength(5);
    autosave.stop();
  });

  it('saves at least every maxWait while edits keep coming', async () => {
    const autosave = startAutosave({ storage, doc, maxWait: 2000 });
    await autosave.ready;
    for (let i = 0; i < 30; i++) {
      doc.getState().moveNodes([]); // no change: ignored
      doc.getState().setViewport({ x: i, y: 0, zoom: 1 });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(storage.writes.length).toBeGreaterThanOrEqual(1);
    autosave.stop();
  });

  it('saves the viewport, which is not undoable', async () => {
    const autosave = startAutosave({ storage, doc });
    await autosave.ready;
    doc.getState().setViewport(VIEWPORT);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(JSON.parse(storage.writes[0].value).viewport).toEqual(VIEWPORT);
    autosave.stop();
  });

  it('writes at once when the page is hidden or left', async () => {
    const page = new FakePage();
    const autosave = startAutosave({ storage, doc, page });
    await autosave.ready;
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    page.fire('pagehide');
    await settle();
    expect(storage.writes).toHaveLength(1);
    doc.getState().setName('Hidden');
    page.isHidden = false;
    page.fire('visibilitychange');
    await settle();
    expect(storage.writes).toHaveLength(1);
    page.isHidden = true;
    page.fire('visibilitychange');
    await settle();
    expect(storage.writes).toHaveLength(2);
    autosave.stop();
    expect(page.listeners.get('pagehide')?.size).toBe(0);
  });

  it('a failed write warns once, keeps the document, and the next change tries again', async () => {
    const onError = vi.fn();
    const statuses: SaveStatus[] = [];
    const autosave = startAutosave({ storage, doc, onError, onStatus: (s) => statuses.push(s) });
    await autosave.ready;
    const quota = new DOMException('full', 'QuotaExceededError');
    storage.failWrites = quota;
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    doc.getState().addNode('neuron', { x: 50, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toContain('storage is full');
    expect(statuses.at(-1)).toBe('error');
    expect(doc.getState().nodes).toHaveLength(2);

    storage.failWrites = null;
    doc.getState().setName('Saved again');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(storage.writes).toHaveLength(1);
    expect(JSON.parse(storage.writes[0].value).nodes).toHaveLength(2);
    expect(statuses.at(-1)).toBe('saved');
    autosave.stop();
  });

  it('a failed save is tried again on a timer, with nothing else happening, until the storage takes it', async () => {
    const statuses: SaveStatus[] = [];
    const onError = vi.fn();
    const autosave = startAutosave({ storage, doc, onError, onStatus: (s) => statuses.push(s) });
    await autosave.ready;
    storage.failWrites = new DOMException('full', 'QuotaExceededError');
    doc.getState().setName('Renamed');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(statuses.at(-1)).toBe('error');
    expect(autosave.unsaved()).toBe(true);
    // Still failing at the first retry: it keeps trying, and warns no more than once.
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    expect(statuses.filter((s) => s === 'saving')).toHaveLength(2);
    expect(onError).toHaveBeenCalledTimes(1);
    // The storage comes back; the next retry saves the rename without any edit.
    storage.failWrites = null;
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[1]);
    expect(storage.writes).toHaveLength(1);
    expect(JSON.parse(storage.writes[0].value).name).toBe('Renamed');
    expect(statuses.at(-1)).toBe('saved');
    expect(autosave.unsaved()).toBe(false);
    // Nothing more is written once saved.
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS.at(-1)! * 3);
    expect(storage.writes).toHaveLength(1);
    autosave.stop();
  });

  it('retries keep coming at the longest delay while the storage stays full', async () => {
    const autosave = startAutosave({ storage, doc });
    await autosave.ready;
    storage.failWrites = new DOMException('full', 'QuotaExceededError');
    doc.getState().setName('Renamed');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    const tries = () => storage.tries;
    const before = tries();
    const schedule = RETRY_DELAYS.reduce((a, b) => a + b, 0);
    await vi.advanceTimersByTimeAsync(schedule + 2 * RETRY_DELAYS.at(-1)!);
    expect(tries() - before).toBe(RETRY_DELAYS.length + 2);
    autosave.stop();
  });

  it('unsaved() is false while saves succeed (a pending one is written as the page goes)', async () => {
    const autosave = startAutosave({ storage, doc });
    await autosave.ready;
    doc.getState().setName('Renamed');
    expect(autosave.unsaved()).toBe(false);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);
    expect(autosave.unsaved()).toBe(false);
    autosave.stop();
  });

  it('with the storage unreadable (autosave off), any change is unsaved', async () => {
    storage.failReads = new Error('IndexedDB is not available');
    const autosave = startAutosave({ storage, doc });
    await autosave.ready;
    expect(autosave.unsaved()).toBe(false);
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    expect(autosave.unsaved()).toBe(true);
  });

  it('stop() writes what is pending and detaches', async () => {
    const autosave = startAutosave({ storage, doc });
    await autosave.ready;
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    autosave.stop();
    await settle();
    expect(storage.writes).toHaveLength(1);
    doc.getState().addNode('neuron', { x: 50, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 2);
    expect(storage.writes).toHaveLength(1);
  });
});

describe('a storage that never answers', () => {
  it('gives up reading after loadTimeout: autosave off, the editor usable', async () => {
    storage.hold();
    const onError = vi.fn();
    const autosave = startAutosave({ storage, doc, onError, loadTimeout: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    const outcome = await autosave.ready;
    expect(outcome.status).toBe('failed');
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('did not answer'), expect.anything());
    // Answering late changes nothing: no restore, no saving.
    storage.data.set(AUTOSAVE_KEY, savedText());
    storage.open();
    doc.getState().addNode('neuron', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 2);
    expect(storage.writes).toEqual([]);
    expect(doc.getState().nodes).toHaveLength(1);
  });
});
