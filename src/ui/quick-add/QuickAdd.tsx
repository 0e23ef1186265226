/**
 * The quick-add box: type to search the node kinds, ↑/↓ to choose, Enter to add, Esc to close.
 * Opened from a connection, it lists only the kinds with a port that fits, and the new node comes
 * connected (one undo entry).
 */
import {
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Position } from '../../engine/graph';
import { FAMILY_LABELS } from '../../engine/kind';
import {
  addConnectedNode,
  allKindChoices,
  type ConnectionStart,
  inputPort,
  type KindChoice,
  kindsFitting,
  nodeById,
  nodeName,
  outputPort,
  rankKinds,
  useDocument,
} from '../../store';
import { canvasElement } from '../actions/flow';
import { placed } from '../actions/place';
import { DEFAULT_DROP_OFFSET } from '../canvas/drop';
import { canvasBounds, popupPlace } from '../canvas/popup-place';
import { SearchIcon } from '../icons';
import { type QuickAddRequest, useQuickAdd } from './state';
import './quick-add.css';
import { ListKeyHints } from '../key-hints/ListKeyHints';

const selectOpen = (s: { open: QuickAddRequest | null }) => s.open;

export function QuickAdd() {
  const request = useQuickAdd(selectOpen);
  if (!request) return null;
  return (
    <>
      {request.from && <DanglingLink key={`link-${request.id}`} from={request.from} to={request.at} />}
      <QuickAddBox key={request.id} request={request} />
    </>
  );
}

/** The dropped connection stays drawn, from its port to the box, until a node is chosen. */
function DanglingLink({ from, to }: { from: ConnectionStart; to: Position }) {
  const [start, setStart] = useState<Position | null>(null);
  useLayoutEffect(() => {
    const handle = document.querySelector(
      `.react-flow__handle.${from.type}[data-nodeid="${CSS.escape(from.nodeId)}"][data-handleid="${CSS.escape(from.handleId ?? '')}"]`,
    );
    const r = handle?.getBoundingClientRect();
    if (r) setStart({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
  }, [from]);
  if (!start) return null;
  const bend = Math.max(40, Math.abs(to.x - start.x) / 2) * (from.type === 'source' ? 1 : -1);
  const d = `M${start.x},${start.y} C${start.x + bend},${start.y} ${to.x - bend},${to.y} ${to.x},${to.y}`;
  return (
    <svg className="quick-add__link" aria-hidden="true" data-testid="quick-add-link">
      <path d={d} />
      <circle cx={to.x} cy={to.y} r={3.5} />
    </svg>
  );
}

/** From the top of a node to the middle of its first port row, and the pitch of the rows (node.css). */
const FIRST_PORT_Y = 52;
const PORT_ROW = 22;
const NODE_WIDTH = 212;
const BOX_WIDTH = 320;
const BOX_MAX_HEIGHT = 380;
const MARGIN = 8;

/** Where the new node goes: under the pointer, or with its connected port right at the pointer. */
function nodePosition(request: QuickAddRequest, choice: KindChoice): Position {
  const { flow, from } = request;
  if (!from || !choice.port)
    return placed({ x: flow.x - DEFAULT_DROP_OFFSET.x, y: flow.y - DEFAULT_DROP_OFFSET.y });
  const y = flow.y - FIRST_PORT_Y - choice.port.row * PORT_ROW;
  return placed({ x: from.type === 'source' ? flow.x : flow.x - NODE_WIDTH, y });
}

/** "Neuron 1 · out": the port the connection started from. */
function describeFrom(from: ConnectionStart): string {
  const node = nodeById(useDocument.getState().nodes, from.nodeId);
  if (!node) return 'this port';
  const port = from.type === 'source' ? outputPort(node, from.handleId) : inputPort(node, from.handleId);
  return `${nodeName(node)} · ${port?.label ?? from.handleId ?? ''}`;
}

function QuickAddBox({ request }: { request: QuickAddRequest }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  const choices = useMemo(
    () => (request.from ? kindsFitting(useDocument.getState(), request.from) : allKindChoices()),
    [request],
  );
  const shown = useMemo(() => rankKinds(choices, query), [choices, query]);
  const current = Math.min(active, shown.length - 1);
  const close = () => useQuickAdd.getState().close();

  const choose = (choice: KindChoice | undefined) => {
    if (!choice) return;
    close();
    addConnectedNode(choice.kind.id, nodePosition(request, choice), request.from, choice.port?.id);
  };

  // Open at the pointer, on the canvas: flipped up or left where there is no room.
  useLayoutEffect(() => {
    const height = box.current?.offsetHeight ?? BOX_MAX_HEIGHT;
    setPlace(
      popupPlace(request.at, { width: BOX_WIDTH, height }, canvasBounds(canvasElement()), { margin: MARGIN }),
    );
    input.current?.focus();
  }, [request]);

  // A press anywhere outside closes it (the press still does what it does there).
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) useQuickAdd.getState().close();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the active option changes.
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) =>
    listKey(e, { current, count: shown.length, setActive, choose: () => choose(shown[current]), close });

  const empty = shown.length === 0;
  return (
    <div
      ref={box}
      className="quick-add"
      role="dialog"
      aria-label={request.from ? 'Add a connected node' : 'Add a node'}
      data-testid="quick-add"
      style={
        place ? { left: place.left, top: place.top } : { left: request.at.x, top: request.at.y, opacity: 0 }
      }
    >
      {request.from && (
        <div className="quick-add__context" data-testid="quick-add-context">
          Connect to <strong>{describeFrom(request.from)}</strong>
        </div>
      )}
      <div className="quick-add__search">
        <SearchIcon />
        <input
          ref={input}
          className="quick-add__input"
          placeholder={request.from ? 'Search the nodes that fit…' : 'Search nodes…'}
          aria-label="Search nodes to add"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={empty ? undefined : `${listId}-${current}`}
          aria-autocomplete="list"
          data-testid="quick-add-input"
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <QuickAddList
        shown={shown}
        current={current}
        listId={listId}
        listRef={list}
        empty={
          choices.length === 0
            ? 'Nothing can connect here: this input already has its one connection.'
            : `No node matches “${query}”.`
        }
        setActive={setActive}
        choose={choose}
      />
      <ListKeyHints enter="add" />
    </div>
  );
}

/** The kinds that fit, as a listbox the search field controls; or why there are none. */
function QuickAddList({
  shown,
  current,
  listId,
  listRef,
  empty,
  setActive,
  choose,
}: {
  shown: readonly KindChoice[];
  current: number;
  listId: string;
  listRef: RefObject<HTMLDivElement | null>;
  /** What to say when nothing is shown. */
  empty: string;
  setActive(i: number): void;
  choose(choice: KindChoice): void;
}) {
  if (shown.length === 0) return <p className="quick-add__empty">{empty}</p>;
  return (
    <div className="quick-add__list" id={listId} role="listbox" ref={listRef} aria-label="Node kinds">
      {shown.map((c, i) => (
        // Keyboard choice goes through the search field (a combobox), not these options.
        // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
        <div
          key={c.kind.id}
          id={`${listId}-${i}`}
          role="option"
          tabIndex={-1}
          aria-selected={i === current}
          className={`quick-add__item family-${c.kind.family}${i === current ? ' is-active' : ''}`}
          data-testid={`quick-add-${c.kind.id}`}
          onMouseMove={() => i !== current && setActive(i)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => choose(c)}
        >
          <span className="kind-icon">{c.kind.icon}</span>
          <span className="quick-add__label">{c.kind.label}</span>
          <span className="quick-add__meta">
            {c.port ? `→ ${c.port.label}` : FAMILY_LABELS[c.kind.family]}
          </span>
        </div>
      ))}
    </div>
  );
}

/** The search field's keys: ↑/↓, Page, Ctrl+Home/End and Tab move; Enter adds; Escape closes. */
function listKey(
  e: KeyboardEvent<HTMLInputElement>,
  list: { current: number; count: number; setActive(i: number): void; choose(): void; close(): void },
) {
  const { current, count: n } = list;
  const move = (to: number) => {
    e.preventDefault();
    if (n > 0) list.setActive(((to % n) + n) % n);
  };
  switch (e.key) {
    case 'ArrowDown':
      return move(current + 1);
    case 'ArrowUp':
      return move(current - 1);
    case 'PageDown':
      return move(Math.min(n - 1, current + 8));
    case 'PageUp':
      return move(Math.max(0, current - 8));
    case 'Home':
      if (e.ctrlKey) move(0);
      return;
    case 'End':
      if (e.ctrlKey) move(n - 1);
      return;
    case 'Enter':
      e.preventDefault();
      return list.choose();
    case 'Escape':
      e.preventDefault();
      e.stopPropagation();
      return list.close();
    case 'Tab':
      e.preventDefault();
      return move(current + (e.shiftKey ? -1 : 1));
  }
}
