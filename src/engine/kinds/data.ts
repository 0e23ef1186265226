/**
 * The Dataset node: supplies one batch of examples per step. It offers each feature on its own
 * scalar port (for neuron-level wiring), all features as one vector (for dense layers), and the
 * targets (for losses). The trainer's loader writes the batch into the `features` and `target`
 * buffers; forward only spreads the features over the per-feature ports.
 */
import { buildDataTable, DATASETS, type DatasetId, datasetInfo } from '../datasets/builtin';
import { defineKind } from '../kind';
import { bool, choice, num, type ParamValues } from '../params';
import type { OutputPortSpec } from '../ports';
import { dataSourcePython, dataSourceShape, featureSpreadOp } from './data-source';

const datasetParams = {
  dataset: choice(
    'Dataset',
    'spiral' as DatasetId,
    DATASETS.map((d) => ({ value: d.id, label: d.label })),
    { key: true },
  ),
  n: num('Examples', 200, { integer: true, min: 1, max: 100_000, help: 'How many examples to generate.' }),
  noise: num('Noise', 0, { min: 0, max: 10, help: 'Amount of noise added when generating.' }),
  seed: num('Data seed', 1, {
    integer: true,
    help: 'Seed of the generator: the same seed gives the same points.',
  }),
  testFraction: num('Test fraction', 0.2, {
    min: 0,
    max: 0.9,
    help: 'Share of examples held out as the test set.',
  }),
  batchSize: num('Batch size', 10, { integer: true, min: 1, max: 10_000, key: true }),
  shuffle: bool('Shuffle', true, { help: 'Visit the training examples in a new seeded order every epoch.' }),
};

type DatasetParams = ParamValues<typeof datasetParams>;

export const datasetKind = defineKind({
  id: 'dataset',
  family: 'data',
  role: 'data',
  label: 'Dataset',
  description:
    'Built-in example data, generated from a seed. Each feature has its own port for wiring single neurons; “features” carries them all as a vector for dense layers.',
  icon: 'DB',
  params: datasetParams,
  ports(p: DatasetParams) {
    const info = datasetInfo(p.dataset) ?? DATASETS[0];
    const features: OutputPortSpec[] = info.featureNames.map((name, i) => ({
      id: `x${i}`,
      label: name,
      type: 'scalar',
    }));
    return {
      inputs: [],
      outputs: [
        ...features,
        { id: 'features', label: 'features', type: 'vector' },
        { id: 'target', label: 'target', type: 'target' },
      ],
    };
  },
  data: (p: DatasetParams) =>
    buildDataTable({
      dataset: p.dataset,
      n: p.n,
      noise: p.noise,
      seed: p.seed,
      testFraction: p.testFraction,
      batchSize: p.batchSize,
      shuffle: p.shuffle,
    }),
  shape(ctx) {
    const info = datasetInfo(ctx.params.dataset) ?? DATASETS[0];
    return dataSourceShape(info.nFeatures, info.nTargets);
  },
  build: featureSpreadOp,
  torch: dataSourcePython,
  numpy: dataSourcePython,
});
