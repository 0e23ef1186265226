/**
 * The compiler's check of the whole graph: one dataset at most, one optimizer, losses to learn
 * from and connected to it; and the dataset's table (remembered per data node parameters: see
 * table-memo.ts). What it finds is what the layout needs to know of the whole.
 */
import type { DataTable } from '../datasets/table';
import type { NodeId } from '../graph';
import type { Whole } from './layout';
import { incomingAt, type NodeInfo } from './node-info';
import type { Report } from './report';
import { tableOf } from './table-memo';

export function checkRoles(
  infos: ReadonlyMap<NodeId, NodeInfo>,
  list: readonly NodeInfo[],
  report: Report,
): Whole {
  const byRole = (role: string) => list.filter((i) => i.kind.role === role);
  const dataNodes = byRole('data');
  for (const extra of dataNodes.slice(1)) {
    report.error({
      code: 'two-datasets',
      nodeId: extra.node.id,
      message: 'A graph can hold one dataset; remove this one or the other.',
    });
  }
  const optimizers = byRole('optimizer');
  for (const extra of optimizers.slice(1)) {
    report.error({
      code: 'two-optimizers',
      nodeId: extra.node.id,
      message: 'Only one optimizer can train a graph; remove the extra one.',
    });
  }
  const lossNodes = byRole('loss');
  if (lossNodes.length === 0 && list.length > 0) {
    report.warn({
      code: 'no-loss',
      message: 'Nothing to learn from yet: add a loss node that compares a prediction with the target.',
    });
  }
  const optimizer = optimizers[0];
  if (!optimizer && lossNodes.length > 0) {
    report.warn({
      code: 'no-optimizer',
      message:
        'No optimizer: gradients are computed but no weight changes. Add one and connect the loss to it.',
    });
  }
  const optimized = optimizer ? new Set(incomingAt(optimizer, 'loss').map((e) => e.edge.source)) : null;
  if (optimized) warnUntrainedLosses(infos, lossNodes, optimized, report);
  return {
    dataNode: dataNodes[0],
    optimizer,
    losses: optimized ? lossNodes.filter((l) => optimized.has(l.node.id)) : lossNodes,
  };
}

/** A loss that reaches the optimizer neither directly nor through a trained loss trains nothing. */
function warnUntrainedLosses(
  infos: ReadonlyMap<NodeId, NodeInfo>,
  lossNodes: readonly NodeInfo[],
  optimized: ReadonlySet<NodeId>,
  report: Report,
): void {
  // A loss wired into a trained loss (a data loss into an L1/L2 penalty) trains through it.
  const reaches = new Set(optimized);
  const stack = [...optimized];
  while (stack.length > 0) {
    const info = infos.get(stack.pop() as NodeId);
    for (const e of info ? incomingAt(info, 'loss') : []) {
      if (!reaches.has(e.edge.source)) {
        reaches.add(e.edge.source);
        stack.push(e.edge.source);
      }
    }
  }
  for (const l of lossNodes) {
    if (!reaches.has(l.node.id)) {
      report.warn({
        code: 'optimizer-unconnected',
        nodeId: l.node.id,
        message: `Loss “${l.name}” is not connected to the optimizer, so it trains nothing.`,
      });
    }
  }
}

/** The dataset's table, or undefined (with the reason reported) when it cannot be made. */
export function tableFor(dataNode: NodeInfo | undefined, report: Report): DataTable | undefined {
  if (!dataNode?.kind.data) return undefined;
  try {
    return tableOf(dataNode.kind, dataNode.params);
  } catch (e) {
    report.error({
      code: 'bad-param',
      nodeId: dataNode.node.id,
      message: `Dataset “${dataNode.name}”: ${(e as Error).message}`,
    });
    return undefined;
  }
}
