import { useState } from 'react';
import { ChevronIcon } from './icons';

/** The bottom panel: the training panel will be built here. */
export function BottomPanel() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <section
      className="bottom-panel"
      data-testid="bottom-panel"
      data-collapsed={collapsed}
      aria-labelledby="bottom-panel-title"
    >
      <header className="panel-header">
        <h2 id="bottom-panel-title">Training</h2>
        <span className="panel-header__spacer" />
        <button
          type="button"
          className="btn btn--icon"
          onClick={() => setCollapsed((c) => !c)}
          aria-expanded={!collapsed}
          title={collapsed ? 'Show the training panel' : 'Hide the training panel'}
        >
          <ChevronIcon direction={collapsed ? 'up' : 'down'} />
        </button>
      </header>
      {!collapsed && (
        <div className="bottom-panel__body">
          Training controls, the loss curve and the step-by-step view will appear here.
        </div>
      )}
    </section>
  );
}
