/** The "Landscape" button of the training panel; the panel's code loads the first time it opens. */
import { useState } from 'react';
import { lazyComponent } from '../lazy/lazy-component';
import './toggle.css';

const LandscapePanel = lazyComponent('the loss landscape', () =>
  import('./LandscapePanel').then((m) => m.LandscapePanel),
);

export function LandscapeToggle() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn train-landscape-toggle"
        aria-pressed={open}
        title="The training loss over the parameters, with the optimizer's path"
        data-testid="landscape-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        Landscape
      </button>
      {open && <LandscapePanel onClose={() => setOpen(false)} />}
    </>
  );
}
