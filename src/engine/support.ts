/**
 * Which libraries loaded on first use a graph needs before it compiles (see lazy.ts and each kind's
 * `requires`): the compiled store and the training worker await them, then compile synchronously.
 */
import { type Lazy, loadAll } from './lazy';
import { getKind } from './registry';

export function librariesFor(nodes: readonly { kind: string }[]): Lazy<unknown>[] {
  const needed = new Set<Lazy<unknown>>();
  for (const node of nodes) for (const lib of getKind(node.kind)?.requires ?? []) needed.add(lib);
  return [...needed];
}

/** Whether every library the graph's kinds need has loaded (compiling now gives the real answer). */
export const librariesReady = (nodes: readonly { kind: string }[]): boolean =>
  librariesFor(nodes).every((lib) => lib.state() === 'ready');

/** Loads what the graph's kinds need; resolves at once when nothing is missing. */
export const loadLibrariesFor = (nodes: readonly { kind: string }[]): Promise<void> =>
  loadAll(librariesFor(nodes));
