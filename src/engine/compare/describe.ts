/**
 * A change in words, for the compare panel's lists and the legend's tooltips: "η = 0.1",
 * "Adam", "h1: tanh". Kinds are named by their registry labels, numbers by the one formatter.
 */
import type { Graph } from '../graph';
import { INIT_LABELS } from '../init';
import { ELEMENTWISE } from '../kinds/activation-functions';
import { getKind } from '../registry';
import { formatNumber } from '../text/number';
import type { Change } from './changes';

export function describeChange(change: Change, graph?: Graph): string {
  switch (change.type) {
    case 'learningRate':
      return `learning rate η = ${formatNumber(change.value)}`;
    case 'optimizer': {
      const label = getKind(change.kind)?.label ?? change.kind;
      const momentum = change.params?.momentum;
      const extra = Object.entries(change.params ?? {})
        .filter(([k]) => k !== 'momentum')
        .map(([k, v]) => `${k === 'lr' ? 'η' : k} = ${typeof v === 'number' ? formatNumber(v) : String(v)}`);
      const name =
        typeof momentum === 'number' && momentum > 0
          ? `${label} with momentum ${formatNumber(momentum)}`
          : label;
      return `optimizer: ${[name, ...extra].join(', ')}`;
    }
    case 'activation': {
      const node = graph?.nodes.find((n) => n.id === change.node);
      return `${node?.label ?? change.node}: ${ELEMENTWISE[change.activation].label}`;
    }
    case 'loss':
      return `loss: ${getKind(change.kind)?.label ?? change.kind}`;
    case 'init':
      return `weight init: ${INIT_LABELS[change.scheme]}`;
    case 'seed':
      return `initial weights: seed ${change.value}`;
    case 'batchSize':
      return `batch size ${change.value}`;
  }
}
