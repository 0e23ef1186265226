// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useStore } from 'zustand';
import type {
  EdgeOverlay,
  NodeOverlay,
  OverlayState,
  OverlayStore,
  ParamOverlay,
} from '../../src/store/training-overlay';
import { createOverlayStore, emptyOverlay } from '../../src/store/training-overlay';
import {
  nodePrintedKey,
  type PrintedRow,
  parsePrinted,
  printedKey,
  selectEdgePrinted,
} from '../../src/ui/training/printed';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function param(value: number[], grad: number[], delta: number[]): ParamOverlay {
  return { block: 0, name: 'w', label: 'w', offset: 0, value, grad, delta, state: [] };
}

function edge(value: number[], grad = [0.5], delta = [-0.001]): EdgeOverlay {
  return { param: param(value, grad, delta), x: [1], dx: [0] };
}

function state(e: EdgeOverlay): OverlayState {
  return { ...emptyOverlay(), edges: new Map([['e1', e]]), loadId: 1 };
}

describe('printed edge labels', () => {
  it('prints 4 significant digits of w, ∂L/∂w, Δw and the sign', () => {
    expect(parsePrinted(printedKey(edge([-0.123456], [2e-5], [0]))!)).toEqual({
      value: '−0.1235',
      grad: '2e−5',
      delta: '0',
      sign: 'neg',
    });
  });

  it('prints a block of several weights by its norm', () => {
    const p = parsePrinted(printedKey(edge([3, -4], [0, 0], [0, 0]))!);
    expect(p.value).toBe('‖w‖ 5');
    expect(p.sign).toBe('pos');
  });

  it('has no key for an edge without a weight', () => {
    expect(printedKey(undefined)).toBeNull();
    expect(printedKey({ param: null, x: [1], dx: [0] })).toBeNull();
  });

  it('is the same string when only digits beyond the printed ones move', () => {
    expect(printedKey(edge([0.12341]))).toBe(printedKey(edge([0.123449])));
    expect(printedKey(edge([0.1234]))).not.toBe(printedKey(edge([0.1236])));
  });
});

let renders = 0;
function Label({ store }: { store: OverlayStore }) {
  const key = useStore(store, selectEdgePrinted('e1'));
  renders++;
  return <span>{key && parsePrinted(key).value}</span>;
}

function nodeEntry(y: number[], dy: number[]): NodeOverlay {
  return { outputs: [{ port: 'y', values: y, grads: dy }], scratch: [], params: [] };
}

describe('printed node rows', () => {
  it('prints a unit as numbers with its sign, for the ports asked only', () => {
    const rows = JSON.parse(nodePrintedKey(nodeEntry([-0.5], [0.25]), 'y=out')!) as PrintedRow[];
    expect(rows).toEqual([{ port: 'y', name: 'out', value: '−0.5', grad: '0.25', sign: 'neg', cells: null }]);
    expect(nodePrintedKey(nodeEntry([1], [0]), 'z=z')).toBeNull();
    expect(nodePrintedKey(undefined, 'y=y')).toBeNull();
  });

  it('prints a layer as strips of cells scaled by its largest magnitude', () => {
    const rows = JSON.parse(nodePrintedKey(nodeEntry([2, -1, 0], [0, 0, 0]), 'y=y')!) as PrintedRow[];
    expect(rows[0].cells!.value.map((c) => c.text)).toEqual(['2', '−1', '0']);
    expect(rows[0].cells!.value[0].color).toContain('var(--train-pos) 100%');
    expect(rows[0].cells!.value[1].color).toContain('var(--train-neg) 50%');
  });

  it('is the same key when only unprinted digits move', () => {
    expect(nodePrintedKey(nodeEntry([0.12341], [1]), 'y=y')).toBe(
      nodePrintedKey(nodeEntry([0.123449], [1]), 'y=y'),
    );
    expect(nodePrintedKey(nodeEntry([0.1234], [1]), 'y=y')).not.toBe(
      nodePrintedKey(nodeEntry([0.1235], [1]), 'y=y'),
    );
  });
});

describe('a label subscribed to its printed key', () => {
  let root: ReturnType<typeof createRoot> | null = null;
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
  });

  it('re-renders only when its printed text changes, not when its numbers move', () => {
    const store = createOverlayStore();
    store.setState(state(edge([0.12341])), true);
    renders = 0;
    const host = document.createElement('div');
    root = createRoot(host);
    act(() => root!.render(<Label store={store} />));
    expect(renders).toBe(1);
    const text = host.querySelector('span')!.firstChild;
    expect(text?.nodeValue).toBe('0.1234');

    // A readout whose numbers changed beyond the 4th digit: a new entry, the same print.
    act(() => store.setState(state(edge([0.123449], [0.50001])), true));
    expect(store.getState().edges.get('e1')!.param!.value[0]).toBe(0.123449);
    expect(renders).toBe(1);

    act(() => store.setState(state(edge([0.1236])), true));
    expect(renders).toBe(2);
    expect(host.textContent).toBe('0.1236');
    // React updated the text node in place.
    expect(host.querySelector('span')!.firstChild).toBe(text);
  });
});
