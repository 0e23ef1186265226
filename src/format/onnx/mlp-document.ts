/**
 * An MLP read from ONNX (read-mlp.ts) as a document: dense layers, or one neuron per unit when the
 * person chooses it, with the model's weights as initial values, laid out left to right; a Dataset
 * node before them (connected when a built-in set has as many features and targets), and a loss
 * and an optimizer after them so the network trains as soon as the data fits.
 */
import { DATASETS, type DatasetInfo } from '../../engine/datasets/builtin';
import { GraphWriter } from '../../engine/examples/document';
import type { NeurographDocument } from '../schema';
import type { Mlp, Stage } from './read-mlp';

export type ImportLevel = 'dense' | 'neuron';

/** At most this many units in all: beyond, a neuron-by-neuron drawing helps nobody. */
export const MAX_NEURONS = 64;

/**
 * Whether the MLP can be drawn neuron by neuron: layers only (activations folded in), few units, and
 * one output neuron (a loss reads one value: several outputs need a layer's vector).
 */
export function drawableAsNeurons(mlp: Mlp): boolean {
  const layers = mlp.stages.filter((s) => s.type === 'layer');
  return (
    layers.length === mlp.stages.length &&
    layers.reduce((n, l) => n + l.units, 0) <= MAX_NEURONS &&
    layers[layers.length - 1]?.units === 1
  );
}

const COLUMN = 260;
const ROW = 120;
/** The built-in sets tried first for a model of their shape (the others follow in menu order). */
const PREFERRED = ['spiral', 'circle', 'sine', 'gaussians3'];

export interface MlpDocument {
  document: NeurographDocument;
  /** What the person should know (the dataset left to connect, the drawing chosen). */
  notes: string[];
}

export function mlpDocument(mlp: Mlp, level: ImportLevel): MlpDocument {
  const notes: string[] = [];
  const neurons = level === 'neuron' && drawableAsNeurons(mlp);
  if (level === 'neuron' && !neurons)
    notes.push(
      `drawn as dense layers: neuron by neuron needs layers only, at most ${MAX_NEURONS} units and one output`,
    );
  const nOut = outputWidth(mlp.stages, mlp.features.length);
  const dataset = matchingDataset(mlp.features, nOut);
  const g = new GraphWriter();
  const tallest = neurons
    ? Math.max(mlp.features.length, ...mlp.stages.map((s) => (s.type === 'layer' ? s.units : 1))) * ROW
    : 0;
  const middle = (count: number, i: number) => (tallest - count * ROW) / 2 + i * ROW;
  g.node(
    'dataset',
    'data',
    { x: 0, y: middle(1, 0) },
    { dataset: dataset?.id ?? 'spiral' },
    { label: 'data' },
  );
  if (!dataset)
    notes.push(
      `no built-in dataset has ${mlp.features.length} feature${mlp.features.length === 1 ? '' : 's'} and ${nOut} target${nOut === 1 ? '' : 's'}: connect data that does (a CSV file) to the first layer`,
    );

  // What the next stage reads: the dataset's features (or one port each), or the previous stage.
  let previous: { id: string; port: string }[] | undefined = dataset
    ? neurons
      ? mlp.features.map((_, i) => ({ id: 'data', port: `x${i}` }))
      : [{ id: 'data', port: 'features' }]
    : undefined;
  let column = 1;
  let layerCount = 0;
  for (const [s, stage] of mlp.stages.entries()) {
    const x = column++ * COLUMN;
    if (stage.type === 'layer') {
      layerCount++;
      const activation = {
        activation: stage.activation,
        ...(stage.alpha !== undefined ? { alpha: stage.alpha } : {}),
      };
      if (neurons) {
        const current = Array.from({ length: stage.units }, (_, u) => {
          const id = `n${layerCount}_${u + 1}`;
          g.node(
            'neuron',
            id,
            { x, y: middle(stage.units, u) },
            { ...activation, bias: stage.b[u] },
            {
              label: `h${layerCount}.${u + 1}`,
            },
          );
          previous?.forEach((p, i) => {
            g.edge(p.id, p.port, id, 'in', { weight: stage.W[u * stage.inputs + i] });
          });
          return { id, port: 'out' };
        });
        previous = current;
        continue;
      }
      const id = `layer${layerCount}`;
      g.node(
        'dense',
        id,
        { x, y: middle(1, 0) },
        { units: stage.units, ...activation, weights: [...stage.W], biases: [...stage.b] },
        { label: `layer ${layerCount}` },
      );
      for (const p of previous ?? []) g.edge(p.id, p.port, id, 'in');
      previous = [{ id, port: 'out' }];
      continue;
    }
    const id = `act${s + 1}`;
    const [kind, params, label] = stageNode(stage);
    g.node(kind, id, { x, y: middle(1, 0) }, params, { label });
    for (const p of previous ?? []) g.edge(p.id, p.port, id, 'in');
    previous = [{ id, port: 'out' }];
  }
  const lastStage = mlp.stages[mlp.stages.length - 1];
  const loss =
    lastStage.type === 'softmax'
      ? 'loss.cce'
      : lastStage.type === 'layer' && lastStage.activation === 'sigmoid' && nOut === 1
        ? 'loss.bce'
        : 'loss.mse';
  const lossX = column * COLUMN;
  g.node(loss, 'loss', { x: lossX, y: middle(1, 0) }, {}, { label: 'loss' });
  if (previous?.length === 1) g.edge(previous[0].id, previous[0].port, 'loss', 'prediction');
  if (dataset) g.edge('data', 'target', 'loss', 'target');
  g.node('opt.adam', 'optimizer', { x: lossX + COLUMN, y: middle(1, 0) }, {}, { label: 'optimizer' });
  g.edge('loss', 'loss', 'optimizer', 'loss');
  const graph = g.graph(mlp.name, 1, `Imported from ONNX (output “${mlp.output}”).`);
  return { document: graph, notes };
}

function stageNode(stage: Exclude<Stage, { type: 'layer' }>): [string, Record<string, unknown>, string] {
  switch (stage.type) {
    case 'softmax':
      return ['act.softmax', {}, 'softmax'];
    case 'prelu':
      return ['act.prelu', { alpha: stage.alpha }, 'PReLU'];
    case 'activation':
      return [
        `act.${stage.activation}`,
        stage.alpha !== undefined && (stage.activation === 'leaky_relu' || stage.activation === 'elu')
          ? { alpha: stage.alpha }
          : {},
        stage.activation,
      ];
  }
}

function outputWidth(stages: readonly Stage[], nIn: number): number {
  let width = nIn;
  for (const s of stages) if (s.type === 'layer') width = s.units;
  return width;
}

function matchingDataset(features: readonly string[], nOut: number): DatasetInfo | undefined {
  const fits = DATASETS.filter((d) => d.nFeatures === features.length && d.nTargets === nOut && !d.fixedSize);
  const rank = (d: DatasetInfo) =>
    (d.featureNames.join('\u0000') === features.join('\u0000') ? 0 : 10) +
    (PREFERRED.includes(d.id) ? PREFERRED.indexOf(d.id) : PREFERRED.length);
  return fits.sort((a, b) => rank(a) - rank(b))[0];
}
