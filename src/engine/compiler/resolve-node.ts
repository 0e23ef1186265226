/**
 * What a node's kind and parameters alone decide (validated values, parameter problems, ports),
 * remembered per parameter object. The editor recompiles on every structural change, and the
 * document store never edits a params object in place (a moved or relabelled node keeps its params
 * object), so on a recompile nearly every node is found here instead of being validated again.
 *
 * The memo is a WeakMap per kind keyed by the params object: an entry goes when its document does.
 * Each entry also keeps a shallow copy of the parameters it was computed from, so a params object
 * changed in place after all (a script, a test) is resolved afresh instead of answered stale.
 */
import type { AnyKind } from '../kind';
import { type ParamIssue, resolveParams } from '../params';
import type { PortLayout } from '../ports';

export interface NodeResolution {
  /** Every parameter's value, defaults filled in. Shared by all compiles that hit: read only. */
  values: Record<string, unknown>;
  /** Problems with single parameters, in the kind's parameter order. */
  issues: readonly ParamIssue[];
  /** The kind's own checks across parameters (`validate`). */
  messages: readonly string[];
  ports: PortLayout;
}

interface Entry {
  resolution: NodeResolution;
  /** The parameters as they were when resolved: names, and values compared by identity. */
  names: string[];
  given: unknown[];
}

const memo = new WeakMap<AnyKind, WeakMap<object, Entry>>();
/** Nodes without a params object take every default: one resolution per kind. */
const defaults = new WeakMap<AnyKind, NodeResolution>();

export function resolveNode(kind: AnyKind, raw: Record<string, unknown> | undefined): NodeResolution {
  if (raw === undefined || raw === null) {
    let resolution = defaults.get(kind);
    if (!resolution) {
      resolution = resolve(kind, {});
      defaults.set(kind, resolution);
    }
    return resolution;
  }
  let entries = memo.get(kind);
  if (!entries) {
    entries = new WeakMap();
    memo.set(kind, entries);
  }
  const entry = entries.get(raw);
  if (entry && unchanged(entry, raw)) return entry.resolution;
  const names = Object.keys(raw);
  const fresh: Entry = { resolution: resolve(kind, raw), names, given: names.map((n) => raw[n]) };
  entries.set(raw, fresh);
  return fresh.resolution;
}

function resolve(kind: AnyKind, raw: Record<string, unknown>): NodeResolution {
  const { values, issues } = resolveParams(kind.params, raw);
  return { values, issues, messages: kind.validate?.(values) ?? [], ports: kind.ports(values) };
}

function unchanged(entry: Entry, raw: Record<string, unknown>): boolean {
  let i = 0;
  for (const name in raw) {
    if (name !== entry.names[i] || raw[name] !== entry.given[i]) return false;
    i++;
  }
  return i === entry.names.length;
}
