/**
 * The checks that need the node kinds: unknown kinds, invalid parameters, duplicate ids, and edges
 * to missing nodes or to ports a node does not have. They run on the raw document element by
 * element, skipping only elements whose shape is already wrong (schema problems report those),
 * so one bad node does not hide the problems of the others.
 *
 * Whether the graph can run (port types, cycles, a loss and an optimizer) is the compiler's
 * question, not the file's: a half-built network is still a valid document.
 */
import type { AnyKind } from '../engine/kind';
import { resolveParams } from '../engine/params';
import type { PortLayout } from '../engine/ports';
import { formatPath, isJsonObject, type Problem } from './problem';
import { edgeSchema, nodeSchema } from './schema';

export type KindLookup = (id: string) => AnyKind | undefined;

interface KnownNode {
  index: number;
  kind?: AnyKind;
  /** Undefined when the kind is unknown or the params are invalid: ports cannot be trusted then. */
  ports?: PortLayout;
}

export function checkGraph(doc: Record<string, unknown>, getKind: KindLookup): Problem[] {
  const problems: Problem[] = [];
  const nodes = new Map<string, KnownNode>();

  (Array.isArray(doc.nodes) ? doc.nodes : []).forEach((raw, i) => {
    const parsed = nodeSchema.safeParse(raw);
    if (!parsed.success) {
      // Still known by its id, so edges to it do not add "no node has id" to the schema's problem.
      const id = isJsonObject(raw) ? raw.id : undefined;
      if (typeof id === 'string' && id !== '' && !nodes.has(id)) nodes.set(id, { index: i });
      return;
    }
    const node = parsed.data;
    const first = nodes.get(node.id);
    if (first) {
      problems.push({
        path: `nodes[${i}].id`,
        message: `duplicate node id \`${node.id}\` (nodes[${first.index}] has it too)`,
      });
    }
    const kind = getKind(node.kind);
    if (!kind) problems.push({ path: `nodes[${i}].kind`, message: `unknown kind \`${node.kind}\`` });
    // The params as written, not zod's copy: zod drops keys such as "__proto__" silently.
    const rawParams = isJsonObject(raw) && isJsonObject(raw.params) ? raw.params : node.params;
    const ports = kind ? checkParams(kind, rawParams, i, problems) : undefined;
    if (!first) nodes.set(node.id, { index: i, kind, ports });
  });

  // Without a list of nodes, every edge would be "dangling": the missing list is the one problem.
  const nodesKnown = Array.isArray(doc.nodes);
  const edgeIds = new Map<string, number>();
  (Array.isArray(doc.edges) ? doc.edges : []).forEach((raw, i) => {
    const parsed = edgeSchema.safeParse(raw);
    if (!parsed.success) return;
    const edge = parsed.data;
    const first = edgeIds.get(edge.id);
    if (first !== undefined) {
      problems.push({
        path: `edges[${i}].id`,
        message: `duplicate edge id \`${edge.id}\` (edges[${first}] has it too)`,
      });
    } else edgeIds.set(edge.id, i);

    if (!nodesKnown) return;
    problems.push(...checkEnd(i, 'source', edge.source, edge.sourceHandle, nodes.get(edge.source)));
    problems.push(...checkEnd(i, 'target', edge.target, edge.targetHandle, nodes.get(edge.target)));
  });

  return problems;
}

/** Reports the node's parameter problems; returns its ports when the params are valid. */
function checkParams(
  kind: AnyKind,
  params: Record<string, unknown>,
  index: number,
  problems: Problem[],
): PortLayout | undefined {
  const { values, issues } = resolveParams(kind.params, params);
  for (const issue of issues) {
    problems.push({ path: formatPath(['nodes', index, 'params', issue.param]), message: issue.message });
  }
  if (issues.length > 0) return undefined;
  // A kind's own code could throw on values its specs allowed; that must not lose the other problems.
  try {
    for (const message of kind.validate?.(values) ?? []) {
      problems.push({ path: `nodes[${index}].params`, message });
    }
    return kind.ports(values);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ path: `nodes[${index}].params`, message: `these parameters do not work: ${reason}` });
    return undefined;
  }
}

/** An edge's source or target: the node must exist and have the port. */
function checkEnd(
  edgeIndex: number,
  end: 'source' | 'target',
  id: string,
  port: string,
  node: KnownNode | undefined,
): Problem[] {
  if (!node) return [{ path: `edges[${edgeIndex}].${end}`, message: `no node has id \`${id}\`` }];
  if (!node.ports) return [];
  const [side, ports] =
    end === 'source' ? (['output', node.ports.outputs] as const) : (['input', node.ports.inputs] as const);
  if (ports.some((p) => p.id === port)) return [];
  const known = listPorts(
    `${side}s`,
    ports.map((p) => p.id),
  );
  const message = `${describeNode(id, node)} has no ${side} port \`${port}\`; ${known}`;
  return [{ path: `edges[${edgeIndex}].${end}Handle`, message }];
}

function describeNode(id: string, node: KnownNode): string {
  return `node \`${id}\` (${node.kind?.label ?? 'unknown kind'})`;
}

function listPorts(what: string, ids: string[]): string {
  if (ids.length === 0) return `it has no ${what}`;
  return `its ${what} are ${ids.map((id) => `\`${id}\``).join(', ')}`;
}
