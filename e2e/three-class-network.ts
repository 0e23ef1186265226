/**
 * A small network on three Gaussian classes with one node under test between its two dense layers:
 * data → dense (tanh) → the node → dense (3) → cross-entropy on logits → Adam, as a file would hold it.
 */
export function threeClassNetwork(
  name: string,
  hiddenUnits: number,
  middle: { id: string; kind: string; label: string; params: Record<string, unknown> },
) {
  return {
    format: 'neurograph',
    version: 1,
    name,
    seed: 3,
    nodes: [
      {
        id: 'data',
        kind: 'dataset',
        position: { x: 0, y: 0 },
        params: { dataset: 'gaussians3', n: 120, noise: 1, batchSize: 10 },
      },
      {
        id: 'hidden',
        kind: 'dense',
        position: { x: 260, y: 0 },
        params: { units: hiddenUnits, activation: 'tanh' },
      },
      { ...middle, position: { x: 520, y: 0 } },
      { id: 'out', kind: 'dense', position: { x: 780, y: 0 }, params: { units: 3 } },
      { id: 'loss', kind: 'loss.cce', position: { x: 1040, y: 0 }, params: { input: 'logits' } },
      { id: 'opt', kind: 'opt.adam', position: { x: 1300, y: 0 }, params: {} },
    ],
    edges: [
      { id: 'e1', source: 'data', sourceHandle: 'features', target: 'hidden', targetHandle: 'in' },
      { id: 'e2', source: 'hidden', sourceHandle: 'out', target: middle.id, targetHandle: 'in' },
      { id: 'e3', source: middle.id, sourceHandle: 'out', target: 'out', targetHandle: 'in' },
      { id: 'e4', source: 'out', sourceHandle: 'out', target: 'loss', targetHandle: 'prediction' },
      { id: 'e5', source: 'data', sourceHandle: 'target', target: 'loss', targetHandle: 'target' },
      { id: 'e6', source: 'loss', sourceHandle: 'loss', target: 'opt', targetHandle: 'loss' },
    ],
  };
}
