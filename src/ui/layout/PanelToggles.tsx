/**
 * The two toggles a narrow screen shows over the canvas's top corners: "Nodes" opens the palette,
 * "Inspector" (or "Lesson") the right column, each over the canvas; Escape or the toggle closes it.
 * Wide screens hide them (layout.css): the panels are always there.
 */
import { useEffect } from 'react';
import { useSession } from '../../store/session';
import { CloseIcon, InfoIcon, PlusIcon } from '../icons';
import { usePanels } from './panels';

export function PanelToggles({ lesson }: { lesson: boolean }) {
  const open = usePanels((s) => s.open);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) usePanels.getState().close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const side = lesson ? 'Lesson' : 'Inspector';
  return (
    <>
      <button
        type="button"
        className="panel-toggle panel-toggle--palette btn btn--outline"
        aria-expanded={open === 'palette'}
        data-testid="toggle-palette"
        onClick={() => usePanels.getState().toggle('palette')}
      >
        {open === 'palette' ? <CloseIcon /> : <PlusIcon />}
        <span>Nodes</span>
      </button>
      <button
        type="button"
        className="panel-toggle panel-toggle--side btn btn--outline"
        aria-expanded={open === 'side'}
        data-testid="toggle-side"
        onClick={() => {
          usePanels.getState().toggle('side');
          // A lesson is read beside its network: fitted again into the part the panel leaves.
          if (lesson && usePanels.getState().open === 'side') useSession.getState().requestFit();
        }}
      >
        {open === 'side' ? <CloseIcon /> : <InfoIcon />}
        <span>{side}</span>
      </button>
    </>
  );
}
