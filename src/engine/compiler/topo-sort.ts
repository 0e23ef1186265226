/**
 * Kahn's algorithm without recursion (deep graphs must not overflow the stack), visiting ready
 * nodes in document order so the same graph always gives the same order, hence the same numbers.
 * Edges come as two parallel typed arrays (edge k goes from[k] → to[k]): no object per edge.
 */
export interface SortResult {
  order: number[];
  /** Indices of nodes on or behind a cycle (empty when the graph is acyclic). */
  blocked: number[];
}

export function topoSort(count: number, from: Int32Array, to: Int32Array): SortResult {
  const indegree = new Int32Array(count);
  const outStart = new Int32Array(count + 1);
  for (let k = 0; k < from.length; k++) {
    indegree[to[k]]++;
    outStart[from[k] + 1]++;
  }
  for (let i = 0; i < count; i++) outStart[i + 1] += outStart[i];
  const fill = outStart.slice(0, count);
  const out = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) out[fill[from[k]]++] = to[k];

  // A min-heap of ready node indices: always take the earliest in the document.
  const heap = new Int32Array(count);
  let size = 0;
  const push = (v: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= v) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = v;
  };
  const pop = () => {
    const top = heap[0];
    const last = heap[--size];
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && heap[r] < heap[l] ? r : l;
        if (heap[c] >= last) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };

  for (let i = 0; i < count; i++) if (indegree[i] === 0) push(i);
  const order: number[] = [];
  while (size > 0) {
    const v = pop();
    order.push(v);
    for (let k = outStart[v]; k < outStart[v + 1]; k++) {
      if (--indegree[out[k]] === 0) push(out[k]);
    }
  }
  const blocked: number[] = [];
  for (let i = 0; i < count; i++) if (indegree[i] > 0) blocked.push(i);
  return { order, blocked };
}

/** One cycle among the blocked nodes, as node indices in edge direction (for the message). */
export function findCycle(blocked: readonly number[], from: Int32Array, to: Int32Array): number[] {
  const inBlocked = new Set(blocked);
  const prev = new Map<number, number>();
  for (let k = 0; k < from.length; k++) {
    if (inBlocked.has(from[k]) && inBlocked.has(to[k]) && !prev.has(to[k])) prev.set(to[k], from[k]);
  }
  // Every blocked node kept a blocked predecessor, so walking predecessors must revisit a node.
  const seen = new Map<number, number>();
  const path: number[] = [];
  let v: number | undefined = blocked[0];
  while (v !== undefined && !seen.has(v)) {
    seen.set(v, path.length);
    path.push(v);
    v = prev.get(v);
  }
  return v === undefined ? [] : path.slice(seen.get(v)).reverse();
}
