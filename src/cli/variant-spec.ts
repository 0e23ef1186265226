/**
 * The `--variant` grammar of `neurograph compare`: a comma-separated list of `key=value` changes,
 * each one of the engine's compare change types (engine/compare/changes.ts), and an optional
 * `name=…`. `lr` and `batch` are short for `learningRate` and `batchSize`; kinds may drop their
 * family prefix (`adam` for `opt.adam`, `mse` for `loss.mse`); `optimizer=momentum` is SGD with
 * momentum 0.9, as the app offers it; an activation names its node: `activation=h1:tanh`.
 *
 *   --variant "optimizer=adam"   --variant "name=fast SGD, lr=0.1, batch=32"
 *
 * Whether a change fits the network is the engine's to say (applyChanges), not the parser's.
 */
import {
  CHANGE_TYPES,
  type Change,
  type ChangeType,
  MOMENTUM_CHOICE,
  optimizerChange,
} from '../engine/compare';
import type { InitScheme } from '../engine/init';
import type { ElementwiseId } from '../engine/kinds/activation-functions';
import { UsageError } from './args';

export interface VariantSpec {
  /** The name given with `name=`, if any. */
  name?: string;
  changes: Change[];
}

const ALIASES: Record<string, ChangeType> = { lr: 'learningRate', batch: 'batchSize' };

export function parseVariant(spec: string): VariantSpec {
  const out: VariantSpec = { changes: [] };
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UsageError(`--variant "${spec}" has no change; e.g. --variant "lr=0.1"`);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new UsageError(`--variant: "${part}" is not key=value; e.g. "optimizer=adam"`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 'name') {
      out.name = value;
      continue;
    }
    const type = ALIASES[key] ?? CHANGE_TYPES.find((t) => t === key);
    if (!type)
      throw new UsageError(
        `--variant: unknown change "${key}"; the changes are name, ${CHANGE_TYPES.join(', ')} (lr and batch for short)`,
      );
    out.changes.push(toChange(type, value));
  }
  if (out.changes.length === 0) throw new UsageError(`--variant "${spec}" has no change besides its name`);
  return out;
}

function toChange(type: ChangeType, value: string): Change {
  switch (type) {
    case 'learningRate':
      return { type, value: number(type, value) };
    case 'seed':
    case 'batchSize':
      return { type, value: number(type, value) };
    case 'optimizer':
      return optimizerChange(value === 'momentum' ? MOMENTUM_CHOICE : prefixed('opt.', value));
    case 'loss':
      return { type, kind: prefixed('loss.', value) };
    case 'init':
      return { type, scheme: value as InitScheme };
    case 'activation': {
      const colon = value.lastIndexOf(':');
      if (colon <= 0)
        throw new UsageError(`--variant: activation=${value} must name its node, e.g. activation=h1:tanh`);
      return { type, node: value.slice(0, colon), activation: value.slice(colon + 1) as ElementwiseId };
    }
  }
}

const prefixed = (prefix: string, kind: string) => (kind.includes('.') ? kind : `${prefix}${kind}`);

function number(type: ChangeType, value: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n))
    throw new UsageError(`--variant: ${type}=${value} is not a number`);
  return n;
}
