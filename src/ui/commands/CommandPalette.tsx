/**
 * Ctrl/⌘+K: every action of the registry, searched by name. A combobox (the search field) that
 * controls a listbox of actions: ↑/↓ move the active option (aria-activedescendant, the focus
 * stays in the field), Enter or a click runs it, Escape closes. Actions that cannot run now are
 * listed, marked unavailable, and skipped.
 */
import { useId, useMemo, useState } from 'react';
import { useSession } from '../../store';
import { Modal } from '../dialogs/Modal';
import { keysHint } from './ActionButton';
import type { Action } from './action';
import { ACTIONS } from './registry';
import { useActionState } from './use-action-state';
import './command-palette.css';

const OFFERED = ACTIONS.filter((a) => !a.hiddenFromPalette);

/** The actions whose label, group or description contain every word typed, labels first. */
export function searchActions(query: string, actions: readonly Action[] = OFFERED): Action[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...actions];
  const hay = (a: Action) => `${a.label} ${a.group} ${a.description}`.toLowerCase();
  const hits = actions.filter((a) => words.every((w) => hay(a).includes(w)));
  const inLabel = (a: Action) => words.every((w) => a.label.toLowerCase().includes(w));
  return [...hits.filter(inLabel), ...hits.filter((a) => !inLabel(a))];
}

export function CommandPalette() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchActions(query), [query]);
  const listId = useId();
  const optionId = (i: number) => `${listId}-${i}`;
  const current = Math.min(active, results.length - 1);
  const run = (action: Action) => {
    if (action.enabled?.() === false) return;
    // Close first: the action may open a dialog of its own.
    useSession.getState().closeDialog();
    action.run();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + results.length) % results.length);
    } else if (e.key === 'Home' || e.key === 'End') {
      if (results.length === 0) return;
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : results.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (results[current]) run(results[current]);
    }
  };
  return (
    <Modal
      title="Commands"
      titleId="command-palette-title"
      testId="command-palette"
      className="dialog--commands"
    >
      <input
        className="command-palette__search"
        type="text"
        role="combobox"
        aria-label="Search actions"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? optionId(current) : undefined}
        placeholder="Type to search actions…"
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="command-palette__list" id={listId} role="listbox" aria-label="Actions">
        {results.map((a, i) => (
          <Option
            key={a.id}
            id={optionId(i)}
            action={a}
            active={i === current}
            onHover={() => setActive(i)}
            onRun={() => run(a)}
          />
        ))}
      </div>
      {results.length === 0 && <p className="command-palette__empty">No action matches “{query}”.</p>}
    </Modal>
  );
}

function Option({
  id,
  action,
  active,
  onHover,
  onRun,
}: {
  id: string;
  action: Action;
  active: boolean;
  onHover(): void;
  onRun(): void;
}) {
  const { enabled } = useActionState(action);
  return (
    // The field keeps the focus and handles the keys (combobox pattern); a click runs the option.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users choose with ↑/↓ and Enter in the field.
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      aria-disabled={!enabled || undefined}
      className={`command-palette__option${active ? ' is-active' : ''}`}
      onMouseMove={onHover}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      <span className="command-palette__icon" aria-hidden="true">
        {action.icon?.({})}
      </span>
      <span className="command-palette__text">
        <span className="command-palette__label">{action.label}</span>
        <span className="command-palette__hint">
          {action.group} · {action.description}
          {enabled ? '' : ' (not available now)'}
        </span>
      </span>
      {action.keys && <kbd className="command-palette__keys">{keysHint(action.keys)}</kbd>}
    </div>
  );
}
