import { useState } from 'react';
import type { AnyKind, Family } from '../../engine/kind';
import { ChevronIcon } from '../icons';
import { PaletteItem } from './PaletteItem';

interface Props {
  family: Family;
  label: string;
  kinds: AnyKind[];
  /** While searching, every group with a match is open. */
  forceOpen: boolean;
}

export function PaletteGroup({ family, label, kinds, forceOpen }: Props) {
  const [open, setOpen] = useState(true);
  const shown = open || forceOpen;
  return (
    <section className={`palette__group family-${family}`}>
      <button
        type="button"
        className="palette__group-header"
        aria-expanded={shown}
        onClick={() => setOpen((o) => !o)}
      >
        <ChevronIcon direction={shown ? 'down' : 'right'} />
        <span className="palette__swatch" />
        <span>{label}</span>
        <span className="palette__count">{kinds.length}</span>
      </button>
      {shown && (
        <ul className="palette__items">
          {kinds.map((k) => (
            <li key={k.id}>
              <PaletteItem kind={k} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
