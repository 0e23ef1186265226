/**
 * The Dataset node: supplies one batch of examples per step. It offers each feature on its own
 * scalar port (for neuron-level wiring), all features as one vector (for dense layers), and the
 * targets (for losses). The trainer's loader writes the batch into the `features` and `target`
 * buffers; forward only spreads the features over the per-feature ports.
 */
import { buildDataTable, DATASETS, type DatasetId, datasetInfo } from '../datasets/builtin';
import { digitsSupport } from '../datasets/digits';
import { defineKind } from '../kind';
import { choice, num, type ParamValues } from '../params';
import { dataSourceCode, dataSourcePorts, dataSourceShape, splitOptions, splitParams } from './data-source';

const datasetParams = {
  dataset: choice(
    'Dataset',
    'spiral' as DatasetId,
    DATASETS.map((d) => ({ value: d.id, label: d.label })),
    { key: true },
  ),
  n: num('Examples', 200, { integer: true, min: 1, max: 100_000, help: 'How many examples to generate.' }),
  noise: num('Noise', 0, { min: 0, max: 10, help: 'Amount of noise added when generating.' }),
  ...splitParams,
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
  requires: (p) => (p.dataset === 'digits' ? [digitsSupport] : []),
  ports: (p: DatasetParams) => {
    const info = datasetInfo(p.dataset) ?? DATASETS[0];
    return dataSourcePorts(info.featureNames, !info.image);
  },
  // Another set opens with its own noise, so no set opens degenerate (two Gaussians with noise 0
  // put every point on its centre).
  follow: (key, value) => {
    const info = key === 'dataset' ? datasetInfo(String(value)) : undefined;
    return info && !info.fixedSize ? { noise: info.defaultNoise } : null;
  },
  data: (p: DatasetParams) =>
    buildDataTable({
      dataset: p.dataset,
      n: p.n,
      noise: p.noise,
      ...splitOptions(p),
    }),
  shape(ctx) {
    const info = datasetInfo(ctx.params.dataset) ?? DATASETS[0];
    return dataSourceShape(info.nFeatures, info.nTargets, !info.image);
  },
  ...dataSourceCode,
});
