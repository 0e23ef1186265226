/**
 * When React Flow must measure a node's ports again. It measures a node's handles when the node first
 * appears and when its size changes. Far away a node is a plain card (PlainCard) whose handles are
 * invisible stand-ins, so a node first drawn plain, or whose ports changed while it was plain, must be
 * measured again when its full card comes back — in one batch, since a zoom brings back hundreds.
 */

/** The ports each node had when React Flow last measured its full card. */
const fullCardPorts = new Map<string, string>();
/** Nodes drawn as a plain card, or given estimated ports, before their full card was ever measured. */
const firstDrawnPlain = new Set<string>();

/** A plain card is on screen for `id`. */
export function notePlainCard(id: string): void {
  if (!fullCardPorts.has(id)) firstDrawnPlain.add(id);
}

/**
 * `id` was handed to React Flow with estimated ports, unmeasured (a big network's node, see
 * estimated-handles.ts): its full card is measured when it is first drawn.
 */
export function noteEstimatedPorts(id: string): void {
  firstDrawnPlain.add(id);
}

/**
 * The full card of `id` is on screen with ports `portKey` (on mount and whenever they change):
 * whether React Flow's measure of it is stale. A node that is new on screen needs none: React Flow
 * measures it itself.
 */
export function fullCardNeedsMeasure(id: string, portKey: string): boolean {
  const known = fullCardPorts.get(id);
  fullCardPorts.set(id, portKey);
  if (firstDrawnPlain.delete(id)) return true;
  return known !== undefined && known !== portKey;
}

type UpdateNodeInternals = (ids: string[]) => void;
let queued: string[] = [];

/** Asks React Flow to measure `id` again, batched with every other request made in the same task. */
export function measureSoon(update: UpdateNodeInternals, id: string): void {
  queued.push(id);
  if (queued.length > 1) return;
  queueMicrotask(() => {
    const ids = queued;
    queued = [];
    update(ids);
  });
}
