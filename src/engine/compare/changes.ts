/**
 * A compared run is the document with a few named changes applied: not a copy of the network, so a
 * comparison stays small in the file and follows every later edit of the network under it.
 *
 * Every change *sets* something (the learning rate to 0.1, the optimizer to Adam), so applying one
 * twice is applying it once, and `restoring(graph, changes)` can say, as changes of the same kinds,
 * what the graph held before: that is how the canvas shows a variant and goes back to the network.
 */
import { type Graph, type GraphNode, orderSeedOf } from '../graph';
import { INIT_SCHEMES, type InitScheme } from '../init';
import { ELEMENTWISE_IDS, type ElementwiseId } from '../kinds/activation-functions';
import { getKind } from '../registry';

export type Change =
  /** Every optimizer's learning rate η. */
  | { type: 'learningRate'; value: number }
  /** Every optimizer becomes this kind (keeping its learning rate unless `params` gives one). */
  | { type: 'optimizer'; kind: string; params?: Record<string, unknown> }
  /** One neuron's or dense layer's activation. */
  | { type: 'activation'; node: string; activation: ElementwiseId }
  /** Every loss becomes this kind, with these parameters. */
  | { type: 'loss'; kind: string; params?: Record<string, unknown> }
  /** How every neuron and dense layer draws the weights the document does not give. */
  | { type: 'init'; scheme: InitScheme }
  /**
   * The seed of the initial weights. The batch order and dropout masks stay the network's: the
   * variant pins them (Graph.orderSeed), so only the start differs.
   */
  | { type: 'seed'; value: number }
  /** Every dataset's batch size. */
  | { type: 'batchSize'; value: number };

export type ChangeType = Change['type'];

export const CHANGE_TYPES: readonly ChangeType[] = [
  'learningRate',
  'optimizer',
  'activation',
  'loss',
  'init',
  'seed',
  'batchSize',
];

/** A change that cannot apply to this graph: what and where, for the compare panel and import. */
export class ChangeError extends Error {}

const roleOf = (node: GraphNode) => getKind(node.kind)?.role;
const hasActivation = (node: GraphNode) => node.kind === 'neuron' || node.kind === 'dense';

/** The graph with `changes` applied in order; throws a ChangeError naming the change that cannot apply. */
export function applyChanges<G extends Graph>(graph: G, changes: readonly Change[]): G {
  let out = graph;
  changes.forEach((change, i) => {
    out = applyOne(out, change, i);
  });
  return out;
}

function applyOne<G extends Graph>(graph: G, change: Change, i: number): G {
  const where = `change ${i + 1} (${change.type})`;
  const setNodes = (pick: (n: GraphNode) => boolean, update: (n: GraphNode) => GraphNode, what: string) => {
    let found = false;
    const nodes = graph.nodes.map((n) => {
      if (!pick(n)) return n;
      found = true;
      return update(n);
    });
    if (!found) throw new ChangeError(`${where}: the network has no ${what}`);
    return { ...graph, nodes };
  };
  const withParams = (n: GraphNode, params: Record<string, unknown>): GraphNode => ({
    ...n,
    params: { ...n.params, ...params },
  });
  switch (change.type) {
    case 'learningRate':
      positive(change.value, where, 'the learning rate');
      return setNodes(
        (n) => roleOf(n) === 'optimizer',
        (n) => withParams(n, { lr: change.value }),
        'optimizer',
      );
    case 'optimizer': {
      const kind = getKind(change.kind);
      if (kind?.role !== 'optimizer') throw new ChangeError(`${where}: "${change.kind}" is not an optimizer`);
      return setNodes(
        (n) => roleOf(n) === 'optimizer',
        (n) => ({
          ...n,
          kind: change.kind,
          label: relabel(n, kind.label),
          params: { ...(n.params.lr === undefined ? {} : { lr: n.params.lr }), ...change.params },
        }),
        'optimizer',
      );
    }
    case 'activation': {
      if (!(ELEMENTWISE_IDS as readonly string[]).includes(change.activation))
        throw new ChangeError(`${where}: "${change.activation}" is not an activation`);
      const node = graph.nodes.find((n) => n.id === change.node);
      if (!node || !hasActivation(node))
        throw new ChangeError(`${where}: the network has no neuron or dense layer "${change.node}"`);
      return setNodes(
        (n) => n.id === change.node,
        (n) => withParams(n, { activation: change.activation }),
        'such node',
      );
    }
    case 'loss': {
      if (
        getKind(change.kind)?.role !== 'loss' ||
        change.kind === 'loss.penalty' ||
        change.kind === 'loss.objective'
      )
        throw new ChangeError(`${where}: "${change.kind}" is not a loss`);
      return setNodes(
        (n) => roleOf(n) === 'loss' && n.kind !== 'loss.penalty',
        (n) => ({
          ...n,
          kind: change.kind,
          label: relabel(n, getKind(change.kind)?.label),
          params: { ...change.params },
        }),
        'loss',
      );
    }
    case 'init':
      if (!(INIT_SCHEMES as readonly string[]).includes(change.scheme))
        throw new ChangeError(`${where}: "${change.scheme}" is not a weight init`);
      return setNodes(hasActivation, (n) => withParams(n, { init: change.scheme }), 'neuron or dense layer');
    case 'seed':
      if (!Number.isInteger(change.value)) throw new ChangeError(`${where}: the seed must be a whole number`);
      return withSeed(graph, change.value);
    case 'batchSize':
      if (!Number.isInteger(change.value) || change.value < 1)
        throw new ChangeError(`${where}: the batch size must be a whole number of at least 1`);
      return setNodes(
        (n) => roleOf(n) === 'data',
        (n) => withParams(n, { batchSize: change.value }),
        'dataset',
      );
  }
}

/**
 * The graph with a new initialisation seed and its old training order: `orderSeed` pins the order
 * the graph had, and goes when it equals the seed again (a seed changed back gives the graph back).
 */
function withSeed<G extends Graph>(graph: G, seed: number): G {
  const { orderSeed: _, ...rest } = graph;
  const order = orderSeedOf(graph);
  return order === seed ? ({ ...rest, seed } as G) : { ...graph, seed, orderSeed: order };
}

/**
 * A node named after its kind ("SGD", "SGD 2") is renamed after the new one ("Adam", "Adam 2"), so
 * the canvas does not call an Adam optimizer "SGD"; a name of the learner's own stays.
 */
function relabel(node: GraphNode, to: string | undefined): string | undefined {
  const from = getKind(node.kind)?.label;
  if (!from || !to || node.label === undefined) return node.label;
  if (node.label === from) return to;
  return node.label.startsWith(`${from} `) && /^\d+$/.test(node.label.slice(from.length + 1))
    ? `${to}${node.label.slice(from.length)}`
    : node.label;
}

function positive(value: number, where: string, what: string) {
  if (!(Number.isFinite(value) && value > 0)) throw new ChangeError(`${where}: ${what} must be above 0`);
}

/**
 * Changes that undo `changes` on `graph`: each field they touch, set back to what `graph` holds.
 * applyChanges(applyChanges(g, c), restoring(g, c)) gives g back for every field a change touches
 * (a parameter that was absent comes back as its default's explicit value only where a kind needs it).
 */
export function restoring(graph: Graph, changes: readonly Change[]): Change[] {
  const out: Change[] = [];
  const firstOf = (pick: (n: GraphNode) => boolean) => graph.nodes.find(pick);
  for (const change of changes) {
    switch (change.type) {
      case 'learningRate':
      case 'optimizer': {
        const opt = firstOf((n) => roleOf(n) === 'optimizer');
        // The learning rate explicitly: an optimizer change otherwise carries the variant's over.
        const lr = opt?.params.lr ?? getKind(opt?.kind ?? '')?.params.lr?.default;
        if (opt) out.push({ type: 'optimizer', kind: opt.kind, params: { ...opt.params, lr } });
        break;
      }
      case 'activation': {
        const node = graph.nodes.find((n) => n.id === change.node);
        const activation = node?.params.activation ?? getKind(node?.kind ?? '')?.params.activation?.default;
        if (node && typeof activation === 'string')
          out.push({ type: 'activation', node: node.id, activation: activation as ElementwiseId });
        break;
      }
      case 'loss': {
        const loss = firstOf((n) => roleOf(n) === 'loss' && n.kind !== 'loss.penalty');
        if (loss) out.push({ type: 'loss', kind: loss.kind, params: { ...loss.params } });
        break;
      }
      case 'init': {
        const node = firstOf(hasActivation);
        const scheme = node?.params.init ?? getKind(node?.kind ?? '')?.params.init?.default;
        if (typeof scheme === 'string') out.push({ type: 'init', scheme: scheme as InitScheme });
        break;
      }
      case 'seed':
        out.push({ type: 'seed', value: graph.seed });
        break;
      case 'batchSize': {
        const data = firstOf((n) => roleOf(n) === 'data');
        const size = data?.params.batchSize ?? getKind(data?.kind ?? '')?.params.batchSize?.default;
        if (typeof size === 'number') out.push({ type: 'batchSize', value: size });
        break;
      }
    }
  }
  return out;
}
