/**
 * Which libraries loaded on first use a graph needs before it compiles (see lazy.ts and each kind's
 * `requires`): the compiled store and the training worker await them, then compile synchronously.
 */
import { type Lazy, loadAll } from './lazy';
import { getKind } from './registry';

type NodeLike = { kind: string; params?: Readonly<Record<string, unknown>> };

export function librariesFor(nodes: readonly NodeLike[]): Lazy<unknown>[] {
  const needed = new Set<Lazy<unknown>>();
  for (const node of nodes) {
    const requires = getKind(node.kind)?.requires ?? [];
    const libs = typeof requires === 'function' ? requires(node.params ?? {}) : requires;
    for (const lib of libs) needed.add(lib);
  }
  return [...needed];
}

/** Whether every library the graph's kinds need has loaded (compiling now gives the real answer). */
export const librariesReady = (nodes: readonly NodeLike[]): boolean =>
  librariesFor(nodes).every((lib) => lib.state() === 'ready');

/** Loads what the graph's kinds need; resolves at once when nothing is missing. */
export const loadLibrariesFor = (nodes: readonly NodeLike[]): Promise<void> => loadAll(librariesFor(nodes));
