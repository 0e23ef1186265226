/**
 * Says each step's result to a screen reader, politely: "Step 4: loss 7.6, w −98.8, b −1.2". Only a
 * step taken by hand (or where playing stopped) is read: while training plays the numbers change
 * many times a second, and reading them all would drown everything else out.
 */
import { useEffect, useState } from 'react';
import { useReadout, useTraining } from '../../store/training-app';
import type { ParamOverlay } from '../../store/training-overlay';
import { fmt } from './format';

/** How many parameters a message names: enough for a small network, short for a big one. */
const MAX_PARAMS = 3;
/** The readout follows a step a few frames later; the message waits for it. */
const SETTLE_MS = 300;

function parameters(): string[] {
  const { edges, nodes } = useReadout.getState();
  const params: ParamOverlay[] = [];
  for (const e of edges.values()) if (e.param) params.push(e.param);
  for (const n of nodes.values()) params.push(...n.params);
  return params
    .filter((p) => p.value.length === 1)
    .slice(0, MAX_PARAMS)
    .map((p) => `${p.label} ${fmt(p.value[0])}`);
}

export function stepMessage(step: number, loss: number): string {
  const parts = [`loss ${fmt(loss)}`, ...parameters()];
  return `Step ${step}: ${parts.join(', ')}`;
}

export function StepAnnouncer() {
  const step = useTraining((s) => s.step);
  const playing = useTraining((s) => s.playing);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (playing || step === 0) return;
    const timer = setTimeout(() => setMessage(stepMessage(step, useTraining.getState().loss)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [step, playing]);
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="step-announcer">
      {message}
    </p>
  );
}
