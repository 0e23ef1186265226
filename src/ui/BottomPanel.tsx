import { useState } from 'react';
import { ChevronIcon } from './icons';
import { LabelToggle, TrainingPanel, TrainingStatus, useTrainingSession } from './training/TrainingPanel';

/** The bottom panel: training (controls, loss chart, what the network learned, timeline). */
export function BottomPanel() {
  const [collapsed, setCollapsed] = useState(false);
  useTrainingSession();
  return (
    <section
      className="bottom-panel has-training"
      data-testid="bottom-panel"
      data-collapsed={collapsed}
      aria-labelledby="bottom-panel-title"
    >
      <header className="panel-header">
        <h2 id="bottom-panel-title">Training</h2>
        <TrainingStatus />
        <span className="panel-header__spacer" />
        <LabelToggle />
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
        <div className="bottom-panel__body train-body">
          <TrainingPanel />
        </div>
      )}
    </section>
  );
}
