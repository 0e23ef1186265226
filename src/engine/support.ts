/**
 * Which libraries loaded on first use a graph needs before it compiles (see lazy.ts and each kind's
 * `requires`): the compiled store and the training worker await them, then compile synchronously.
 */
import type { AnyKind } from './kind';
import { type Lazy, loadAll } from './lazy';
import { getKind } from './registry';

type NodeLike = { kind: string; params?: Readonly<Record<string, unknown>> };

/** The libraries one kind needs with these parameters (the dataset kind needs the digits' only for them). */
function requiredBy(
  kind: AnyKind | undefined,
  params: Readonly<Record<string, unknown>>,
): readonly Lazy<unknown>[] {
  const requires = kind?.requires ?? [];
  return typeof requires === 'function' ? requires(params) : requires;
}

export function librariesFor(nodes: readonly NodeLike[]): Lazy<unknown>[] {
  const needed = new Set<Lazy<unknown>>();
  for (const node of nodes) {
    for (const lib of requiredBy(getKind(node.kind), node.params ?? {})) needed.add(lib);
  }
  return [...needed];
}

/** Whether what this kind needs with these parameters has loaded. */
export const kindLibrariesReady = (kind: AnyKind, params: Readonly<Record<string, unknown>>): boolean =>
  requiredBy(kind, params).every((lib) => lib.state() === 'ready');

/** Whether every library the graph's kinds need has loaded (compiling now gives the real answer). */
export const librariesReady = (nodes: readonly NodeLike[]): boolean =>
  librariesFor(nodes).every((lib) => lib.state() === 'ready');

/** Loads what the graph's kinds need; resolves at once when nothing is missing. */
export const loadLibrariesFor = (nodes: readonly NodeLike[]): Promise<void> => loadAll(librariesFor(nodes));
