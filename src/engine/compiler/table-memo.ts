/**
 * A data node's table (its kind's `data`), remembered per parameter values. Building a table is
 * the costliest step of a compile that has a dataset: a CSV node reads, splits and standardizes up
 * to 1 MB of text, a built-in set generates up to 100,000 points. The editor recompiles on every
 * edit anywhere in the graph, and the table depends on the data node's parameters alone, so an
 * unchanged data node gets the table it had.
 *
 * Keyed by the resolved values object, which resolve-node.ts shares between compiles for as long
 * as the node's params object is unchanged; a shallow copy of the values guards against an object
 * changed in place. A build that failed is remembered too (a bad CSV is not re-read at every edit),
 * but not one that failed because a library the kind needs had not loaded yet ("the handwritten
 * digits are still loading"): the compile that follows the library's arrival builds it again.
 *
 * The table is then shared by every plan compiled from those parameters, and by their trainers and
 * sessions: nothing writes into a table after it is built (the loader and evaluator copy rows out
 * of it; the worker's layout sends copies), and its records are frozen to keep it so.
 */
import type { DataTable } from '../datasets/table';
import type { AnyKind } from '../kind';
import { kindLibrariesReady } from '../support';

interface Entry {
  names: string[];
  given: unknown[];
  table?: DataTable;
  error?: Error;
}

const memo = new WeakMap<AnyKind, WeakMap<object, Entry>>();

/** The kind's table for these values; throws (the remembered) Error when the table cannot be built. */
export function tableOf(kind: AnyKind, values: Record<string, unknown>): DataTable {
  let entries = memo.get(kind);
  if (!entries) {
    entries = new WeakMap();
    memo.set(kind, entries);
  }
  let entry = entries.get(values);
  if (!entry || !unchanged(entry, values)) {
    const names = Object.keys(values);
    entry = { names, given: names.map((n) => values[n]) };
    try {
      entry.table = freeze(kind.data!(values));
    } catch (e) {
      entry.error = e as Error;
    }
    if (entry.table || kindLibrariesReady(kind, values)) entries.set(values, entry);
  }
  if (entry.error) throw entry.error;
  return entry.table!;
}

/** Freezes the table's records (typed arrays cannot be frozen; nothing writes into them). */
function freeze(table: DataTable): DataTable {
  Object.freeze(table.featureNames);
  Object.freeze(table.train);
  Object.freeze(table.test);
  return Object.freeze(table);
}

function unchanged(entry: Entry, values: Record<string, unknown>): boolean {
  let i = 0;
  for (const name in values) {
    if (name !== entry.names[i] || values[name] !== entry.given[i]) return false;
    i++;
  }
  return i === entry.names.length;
}
