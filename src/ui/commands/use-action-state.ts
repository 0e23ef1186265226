import { useSyncExternalStore } from 'react';
import type { Action } from './action';

const never = () => () => {};

/** Whether `action` can run now, and whether its toggle is on, following the stores it reads. */
export function useActionState(action: Action): { enabled: boolean; pressed: boolean | undefined } {
  const subscribe = action.subscribe ?? never;
  const enabled = useSyncExternalStore(subscribe, () => action.enabled?.() ?? true);
  const pressed = useSyncExternalStore(subscribe, () => action.pressed?.());
  return { enabled, pressed };
}
