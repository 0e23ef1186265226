/**
 * The lines of an exported script that compute a selected node or edge: its parameters' definitions,
 * its forward statements (after the `# Kind “label”` comment the exporters write) and, in the
 * PyTorch script, the `L.backward()` call that computes every gradient. Found by the comments, which
 * name nodes by label exactly as the exporters write them (engine/export/program.ts).
 */

export interface Selected {
  /** The node's label, or for an edge the labels of its two ends. */
  node?: string;
  edge?: { source: string; target: string };
}

/** Indices of the lines to mark. */
export function markedLines(lines: readonly string[], selected: Selected): Set<number> {
  const marked = new Set<number>();
  const block = (start: number) => {
    marked.add(start);
    for (let i = start + 1; i < lines.length; i++) {
      const l = lines[i].trim();
      if (l === '' || l.startsWith('#')) break;
      marked.add(i);
    }
  };
  const heads: ((comment: string) => boolean)[] = [];
  if (selected.node) {
    const quoted = `“${selected.node}”`;
    heads.push((c) => c.endsWith(quoted) || c.includes(`${quoted}:`));
    // The weights its incoming edges own.
    heads.push((c) => c.startsWith('# weight of the edge ') && c.endsWith(` → ${selected.node}`));
  }
  if (selected.edge) {
    const { source, target } = selected.edge;
    heads.push((c) => c === `# weight of the edge ${source} → ${target}`);
    heads.push((c) => c.endsWith(`“${target}”`));
  }
  if (heads.length === 0) return marked;
  for (const [i, line] of lines.entries()) {
    const c = line.trim();
    if (c.startsWith('#') && heads.some((h) => h(c))) block(i);
  }
  if (marked.size > 0) {
    const backward = lines.findIndex((l) => l.trim() === 'L.backward()');
    if (backward >= 0) marked.add(backward);
  }
  return marked;
}
