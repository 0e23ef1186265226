/**
 * The registry: every node kind, in palette order. Adding a kind means declaring it in its
 * family's file and listing it here; the palette, inspector, compiler, JSON format and
 * exporters all read this list.
 */
import { type AnyKind, FAMILY_LABELS, type Family } from './kind';
import { ACTIVATION_KINDS } from './kinds/activations';
import { batchNormKind } from './kinds/batch-norm';
import { csvDataKind } from './kinds/csv-data';
import { datasetKind } from './kinds/data';
import { dropoutKind } from './kinds/dropout';
import { layerNormKind } from './kinds/layer-norm';
import { LOSS_KINDS } from './kinds/losses';
import { MATH_KINDS } from './kinds/math';
import { denseKind, neuronKind } from './kinds/neurons';
import { OPTIMIZER_KINDS } from './kinds/optimizers';

export const KINDS: readonly AnyKind[] = [
  datasetKind,
  csvDataKind,
  neuronKind,
  denseKind,
  dropoutKind,
  layerNormKind,
  batchNormKind,
  ...ACTIVATION_KINDS,
  ...LOSS_KINDS,
  ...OPTIMIZER_KINDS,
  ...MATH_KINDS,
];

const byId = new Map(KINDS.map((k) => [k.id, k]));
if (byId.size !== KINDS.length) throw new Error('registry: two kinds share an id');

export function getKind(id: string): AnyKind | undefined {
  return byId.get(id);
}

export function kindsByFamily(): { family: Family; label: string; kinds: AnyKind[] }[] {
  return (Object.keys(FAMILY_LABELS) as Family[]).map((family) => ({
    family,
    label: FAMILY_LABELS[family],
    kinds: KINDS.filter((k) => k.family === family),
  }));
}
