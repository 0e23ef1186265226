import { useDeferredValue, useMemo, useState } from 'react';
import { kindsByFamily } from '../../engine/registry';
import { SearchIcon } from '../icons';
import { PaletteGroup } from './PaletteGroup';
import { matchesQuery } from './search';

const GROUPS = kindsByFamily();

/** Every node kind, by family, with a search box. Drag a kind onto the canvas, or click it. */
export function Palette({ className }: { className?: string }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(
    () =>
      GROUPS.map((g) => ({ ...g, kinds: g.kinds.filter((k) => matchesQuery(k, g.label, deferred)) })).filter(
        (g) => g.kinds.length > 0,
      ),
    [deferred],
  );
  return (
    <aside className={`palette ${className ?? ''}`} aria-label="Nodes">
      <div className="palette__search">
        <SearchIcon />
        <input
          className="input"
          type="search"
          placeholder="Search nodes"
          aria-label="Search nodes"
          data-testid="palette-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>
      <div className="palette__list">
        {groups.map((g) => (
          <PaletteGroup
            key={g.family}
            family={g.family}
            label={g.label}
            kinds={g.kinds}
            forceOpen={deferred !== ''}
          />
        ))}
        {groups.length === 0 && <p className="palette__empty">No node matches “{deferred}”.</p>}
      </div>
      <p className="palette__tip">Drag onto the canvas, or click to add in the middle.</p>
    </aside>
  );
}
