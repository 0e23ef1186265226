/**
 * When autosave writes, as plain arithmetic: a change waits `delay` for the edits to settle, but
 * never past `maxWait` after the first unsaved one; a failed save is tried again after a delay that
 * grows with the failures in a row. And the sentences the learner reads when saving goes wrong.
 */
import { formatProblem, type Problem } from '../format';
import { RETRY_DELAYS } from './autosave-types';

/** How long from `now` until the save of changes pending since `firstPending`. */
export function saveWait(now: number, firstPending: number, delay: number, maxWait: number): number {
  return Math.max(0, Math.min(delay, firstPending + maxWait - now));
}

/** How long after the `failures`-th failed save in a row (0-based) the next try comes. */
export function retryDelay(failures: number): number {
  return RETRY_DELAYS[Math.min(failures, RETRY_DELAYS.length - 1)];
}

/** An error, in words for the learner. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError') return 'the browser’s storage is full';
    return error.message || error.name;
  }
  return String(error);
}

export const saveFailedMessage = (error: unknown) =>
  `Your network could not be saved in this browser (${describeError(error)}). It is still open here: export it to keep a copy.`;

export const readFailedMessage = (error: unknown) =>
  `Autosave is off: this browser’s storage cannot be read (${describeError(error)}). Export your network to keep it.`;

export const unreadableMessage = (problems: Problem[]) =>
  `The network saved in this browser could not be opened (${formatProblem(problems[0])}); it was kept aside.`;

export const rereadFailedMessage = (error: unknown) =>
  `The saved network could not be read (${describeError(error)}).`;
