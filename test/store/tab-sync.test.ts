import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSAVE_DELAY,
  AUTOSAVE_KEY,
  type Autosave,
  createDocumentStore,
  type DocumentData,
  type DocumentStorage,
  type DocumentStore,
  type PageEvents,
  type SavedMessage,
  type SaveStatus,
  startAutosave,
  type TabChannel,
} from '../../src/store';

/** One browser's IndexedDB, shared by the tabs; `atomic` decides whether it offers setIfUnchanged. */
class SharedStorage implements DocumentStorage {
  data = new Map<string, string>();
  writes: { key: string; value: string }[] = [];
  async get(key: string): Promise<unknown> {
    return this.data.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    this.writes.push({ key, value });
    this.data.set(key, value);
  }
  document(): { name: string; nodes: unknown[] } {
    return JSON.parse(this.data.get(AUTOSAVE_KEY)!);
  }
}

class AtomicStorage extends SharedStorage {
  async setIfUnchanged(check: string, expected: string | undefined, entries: [string, string][]) {
    if (this.data.get(check) !== expected) return false;
    for (const [k, v] of entries) await this.set(k, v);
    return true;
  }
}

/** A BroadcastChannel between the tabs: a message reaches every tab but the one that sent it. */
class Hub {
  private listeners = new Set<{ from: number; listener: (m: SavedMessage) => void }>();
  muted = false;
  channel(tab: number): TabChannel {
    return {
      post: (m) => {
        if (this.muted) return;
        for (const l of this.listeners) if (l.from !== tab) l.listener(m);
      },
      listen: (listener) => {
        const entry = { from: tab, listener };
        this.listeners.add(entry);
        return () => this.listeners.delete(entry);
      },
    };
  }
}

interface Tab {
  doc: DocumentStore;
  autosave: Autosave;
  statuses: SaveStatus[];
  conflicts: boolean[];
}

let storage: SharedStorage;
let hub: Hub;
let opened: Tab[];

async function openTab(n: number, opts: { channel?: boolean; page?: PageEvents } = {}): Promise<Tab> {
  const doc = createDocumentStore();
  const statuses: SaveStatus[] = [];
  const conflicts: boolean[] = [];
  const autosave = startAutosave({
    storage,
    doc,
    page: opts.page,
    tabs: { id: `tab${n}`, channel: opts.channel === false ? undefined : hub.channel(n) },
    onStatus: (s) => statuses.push(s),
    onConflict: (c) => conflicts.push(c),
  });
  await autosave.ready;
  const tab = { doc, autosave, statuses, conflicts };
  opened.push(tab);
  return tab;
}

const saved = () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY);

beforeEach(() => {
  vi.useFakeTimers();
  storage = new AtomicStorage();
  hub = new Hub();
  opened = [];
});

afterEach(() => {
  for (const tab of opened) tab.autosave.stop();
  vi.useRealTimers();
});

/** The audit's case: both tabs show the same network, A adds a node, then B (stale) renames it. */
async function staleTabs(opts: { channel?: boolean } = {}) {
  const a = await openTab(1, opts);
  a.doc.getState().addNode('neuron', { x: 0, y: 0 });
  await saved();
  const b = await openTab(2, opts);
  expect(b.doc.getState().nodes).toHaveLength(1);
  a.doc.getState().addNode('neuron', { x: 100, y: 0 });
  await saved();
  expect(storage.document().nodes).toHaveLength(2);
  b.doc.getState().setName('Renamed in B');
  await saved();
  return { a, b };
}

describe('another tab saved since this tab loaded', () => {
  it('heard on the channel: the stale tab stops saving and reports a conflict', async () => {
    const { b } = await staleTabs();
    expect(b.conflicts).toEqual([true]);
    expect(b.statuses.at(-1)).toBe('conflict');
    // A's node is still what is stored; B's rename is not written, not even on leaving.
    expect(storage.document().nodes).toHaveLength(2);
    expect(storage.document().name).not.toBe('Renamed in B');
    await b.autosave.flush();
    b.autosave.stop();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY * 4);
    expect(storage.document().nodes).toHaveLength(2);
    // B's network is untouched in memory.
    expect(b.doc.getState().name).toBe('Renamed in B');
    expect(b.doc.getState().nodes).toHaveLength(1);
  });

  it('without the channel, the check before saving finds the newer revision', async () => {
    const { b } = await staleTabs({ channel: false });
    expect(b.conflicts).toEqual([true]);
    expect(storage.document().nodes).toHaveLength(2);
    expect(storage.document().name).not.toBe('Renamed in B');
  });

  it('without an atomic storage either (a read, then writes), the check still holds', async () => {
    storage = new SharedStorage();
    const { b } = await staleTabs({ channel: false });
    expect(b.conflicts).toEqual([true]);
    expect(storage.document().nodes).toHaveLength(2);
  });

  it('a message lost or late: the save that crosses it is refused by the stored revision', async () => {
    const a = await openTab(1);
    const b = await openTab(2);
    hub.muted = true;
    a.doc.getState().addNode('neuron', { x: 0, y: 0 });
    b.doc.getState().addNode('dataset', { x: 0, y: 0 });
    await saved();
    const stored = storage.document().nodes as { kind: string }[];
    expect(stored).toHaveLength(1);
    // Exactly one tab wrote; the other is in conflict.
    expect([a.conflicts, b.conflicts].filter((c) => c.length === 1)).toHaveLength(1);
  });

  it('a tab that only moved its viewport is no conflict: each tab saves its own on opening', async () => {
    const a = await openTab(1);
    a.doc.getState().addNode('neuron', { x: 0, y: 0 });
    await saved();
    const b = await openTab(2);
    b.doc.getState().setViewport({ x: 10, y: 20, zoom: 1.5 });
    await saved();
    a.doc.getState().setViewport({ x: -5, y: 0, zoom: 0.5 });
    await saved();
    expect(a.conflicts).toEqual([]);
    expect(b.conflicts).toEqual([]);
    a.doc.getState().setName('Edited in A');
    await saved();
    expect(storage.document().name).toBe('Edited in A');
    expect(b.conflicts).toEqual([true]);
  });

  it('an edit saved over another tab’s viewport-only save goes through (the message not yet heard)', async () => {
    const a = await openTab(1);
    a.doc.getState().setName('Base');
    await saved();
    const b = await openTab(2);
    hub.muted = true;
    b.doc.getState().setViewport({ x: 10, y: 20, zoom: 1.5 });
    await saved();
    a.doc.getState().addNode('neuron', { x: 0, y: 0 });
    await saved();
    expect(a.conflicts).toEqual([]);
    expect(storage.document().nodes).toHaveLength(1);
  });

  it('the same network saved by both tabs is no conflict', async () => {
    const a = await openTab(1);
    const b = await openTab(2);
    a.doc.getState().setName('Same');
    b.doc.getState().setName('Same');
    await saved();
    await saved();
    expect(a.conflicts).toEqual([]);
    expect(b.conflicts).toEqual([]);
    // Both go on saving.
    b.doc.getState().setDescription('from B');
    await saved();
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).description).toBe('from B');
    expect(a.conflicts).toEqual([true]);
  });
});

describe('settling a conflict', () => {
  it('keep mine: this tab’s network is saved over theirs, and the other tab hears of it', async () => {
    const { a, b } = await staleTabs();
    await b.autosave.keepMine();
    expect(b.conflicts).toEqual([true, false]);
    expect(storage.document().name).toBe('Renamed in B');
    expect(storage.document().nodes).toHaveLength(1);
    expect(b.statuses.at(-1)).toBe('saved');
    await vi.advanceTimersByTimeAsync(0);
    expect(a.conflicts).toEqual([true]);
    // B saves normally again.
    b.doc.getState().setDescription('after');
    await saved();
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).description).toBe('after');
  });

  it('load theirs: the stored network opens in this tab, and saving resumes', async () => {
    const { b } = await staleTabs();
    const opened: string[] = [];
    const open = (d: DocumentData) => {
      opened.push(d.name);
      b.doc.getState().loadDocument(d);
    };
    expect(await b.autosave.loadTheirs(open)).toBe(true);
    expect(opened).toHaveLength(1);
    expect(b.doc.getState().nodes).toHaveLength(2);
    expect(b.conflicts).toEqual([true, false]);
    const writes = storage.writes.length;
    await saved();
    // Opening theirs writes nothing new: it is what is stored.
    expect(storage.writes.length).toBe(writes);
    b.doc.getState().setName('B after loading');
    await saved();
    expect(storage.document()).toMatchObject({ name: 'B after loading' });
    expect(storage.document().nodes).toHaveLength(2);
  });
});

describe('one tab', () => {
  it('saves, and a reload restores without a conflict', async () => {
    const a = await openTab(1);
    a.doc.getState().addNode('neuron', { x: 0, y: 0 });
    await saved();
    a.doc.getState().setName('Twice');
    await saved();
    expect(a.conflicts).toEqual([]);
    expect(storage.data.get(`${AUTOSAVE_KEY}.revision`)).toMatch(/^tab1:/);
    a.autosave.stop();
    const again = await openTab(3);
    expect(again.doc.getState().name).toBe('Twice');
    again.doc.getState().setName('Thrice');
    await saved();
    expect(again.conflicts).toEqual([]);
    expect(storage.document().name).toBe('Thrice');
  });

  it('a document saved before revisions existed is saved over without a conflict', async () => {
    const old = createDocumentStore();
    const before = startAutosave({ storage, doc: old });
    await before.ready;
    old.getState().setName('Old');
    await before.flush();
    before.stop();
    const a = await openTab(1);
    expect(a.doc.getState().name).toBe('Old');
    a.doc.getState().setName('New');
    await saved();
    expect(a.conflicts).toEqual([]);
    expect(storage.document().name).toBe('New');
  });
});

describe('leaving the page', () => {
  it('writes at once, without a read first that would not finish, unless a save was heard unchecked', async () => {
    const listeners = new Set<() => void>();
    const page: PageEvents = {
      addEventListener: (type, l) => type === 'pagehide' && listeners.add(l),
      removeEventListener: (_type, l) => listeners.delete(l),
    };
    const a = await openTab(1, { page });
    const get = vi.spyOn(storage, 'get');
    a.doc.getState().setName('Last moment');
    for (const l of listeners) l();
    await vi.advanceTimersByTimeAsync(0);
    expect(get).not.toHaveBeenCalled();
    expect(storage.document().name).toBe('Last moment');
    expect(storage.data.get(`${AUTOSAVE_KEY}.revision`)).toMatch(/^tab1:/);
  });
});
