/**
 * The list a keyboard user connects from: opened by Enter (or Space) on a focused port, it lists
 * every port that fits — the ports that would light up while dragging — then "New node…", which
 * opens quick-add for this port. ↑/↓ choose, Enter connects, Esc closes; the focus goes back to
 * the port. A refused connection cannot be offered: the list holds only what checkConnection allows.
 */
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  inputPort,
  nodeById,
  nodeName,
  outputPort,
  type PortChoice,
  portChoices,
  useDocument,
} from '../../store';
import { canvasElement } from '../actions/flow';
import { canvasBounds, popupPlace } from '../canvas/popup-place';
import { useQuickAdd } from '../quick-add/state';
import { type ConnectRequest, useConnectMenu } from './state';
import './connect-menu.css';
import { ListKeyHints } from '../key-hints/ListKeyHints';

const selectOpen = (s: { open: ConnectRequest | null }) => s.open;
const WIDTH = 280;

/** The open list (LazyConnectMenu.tsx loads this module the first time a port asks for it). */
export function ConnectMenu() {
  const request = useConnectMenu(selectOpen);
  return request ? <ConnectList key={request.id} request={request} /> : null;
}

/** "neuron · output y": the port the list was opened from. */
function describeFrom(request: ConnectRequest): string {
  const { from } = request;
  const node = nodeById(useDocument.getState().nodes, from.nodeId);
  if (!node) return 'this port';
  const port = from.type === 'source' ? outputPort(node, from.handleId) : inputPort(node, from.handleId);
  return `${nodeName(node)} · ${from.type === 'source' ? 'output' : 'input'} ${port?.label ?? ''}`;
}

/** The connection between the port the list was opened from and the chosen one, the right way round. */
function connectionTo(from: ConnectRequest['from'], choice: PortChoice) {
  return from.type === 'source'
    ? { source: from.nodeId, sourceHandle: from.handleId, target: choice.nodeId, targetHandle: choice.portId }
    : {
        source: choice.nodeId,
        sourceHandle: choice.portId,
        target: from.nodeId,
        targetHandle: from.handleId,
      };
}

/** The list's keys: ↑/↓, Home and End move (around); Enter or Space chooses; Escape or Tab closes. */
function listKey(
  e: KeyboardEvent,
  list: { active: number; count: number; setActive(i: number): void; choose(): void; close(): void },
) {
  const { active, count } = list;
  const move = (to: number) => {
    e.preventDefault();
    list.setActive(((to % count) + count) % count);
  };
  switch (e.key) {
    case 'ArrowDown':
      return move(active + 1);
    case 'ArrowUp':
      return move(active - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(count - 1);
    case 'Enter':
    case ' ':
      e.preventDefault();
      e.stopPropagation();
      return list.choose();
    case 'Escape':
    case 'Tab':
      e.preventDefault();
      e.stopPropagation();
      return list.close();
  }
}

function ConnectList({ request }: { request: ConnectRequest }) {
  const choices = useMemo(() => portChoices(useDocument.getState(), request.from), [request]);
  // The last row opens quick-add: a new node that fits, already connected.
  const count = choices.length + 1;
  const [active, setActive] = useState(0);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const listId = useId();

  const close = (refocus = true) => {
    useConnectMenu.getState().close();
    if (refocus) request.origin?.focus();
  };
  const choose = (i: number) => {
    const choice: PortChoice | undefined = choices[i];
    if (!choice) {
      close(false);
      useQuickAdd.getState().show(request.at, request.from);
      return;
    }
    useDocument.getState().connect(connectionTo(request.from, choice));
    close();
  };

  useLayoutEffect(() => {
    const height = box.current?.offsetHeight ?? 200;
    const left = request.from.type === 'source' ? request.at.x : request.at.x - WIDTH;
    setPlace(
      popupPlace({ x: left, y: request.at.y - 16 }, { width: WIDTH, height }, canvasBounds(canvasElement()), {
        margin: 8,
      }),
    );
    list.current?.focus();
  }, [request]);

  // A press outside closes it (and does what it does there).
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) useConnectMenu.getState().close();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onKeyDown = (e: KeyboardEvent) =>
    listKey(e, { active, count, setActive, choose: () => choose(active), close: () => close() });

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div
      ref={box}
      className="connect-menu"
      role="dialog"
      aria-label={`Connect ${describeFrom(request)}`}
      data-testid="connect-menu"
      style={place ?? { left: request.at.x, top: request.at.y, opacity: 0 }}
    >
      <div className="connect-menu__context">
        Connect <strong>{describeFrom(request)}</strong> to
      </div>
      <div
        ref={list}
        id={listId}
        className="connect-menu__list"
        role="listbox"
        tabIndex={0}
        aria-label="Ports that fit"
        aria-activedescendant={optionId(active)}
        onKeyDown={onKeyDown}
      >
        {choices.map((c, i) => (
          // Keys go through the list (aria-activedescendant); a click or tap chooses directly.
          // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
          <div
            key={`${c.nodeId}:${c.portId}`}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={`connect-menu__item${i === active ? ' is-active' : ''}`}
            data-testid={`connect-to-${c.nodeId}-${c.portId}`}
            onMouseMove={() => i !== active && setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            {c.name}
          </div>
        ))}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: keys go through the list, as above. */}
        <div
          id={optionId(choices.length)}
          role="option"
          tabIndex={-1}
          aria-selected={active === choices.length}
          className={`connect-menu__item connect-menu__new${active === choices.length ? ' is-active' : ''}`}
          data-testid="connect-new-node"
          onMouseMove={() => active !== choices.length && setActive(choices.length)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => choose(choices.length)}
        >
          New node that fits…
        </div>
      </div>
      {choices.length === 0 && (
        <p className="connect-menu__empty">No port on the canvas fits here; add a new node instead.</p>
      )}
      <ListKeyHints enter="connect" />
    </div>
  );
}
