import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Lazy, LazyState } from '../../engine/lazy';

export interface LazyView<T> {
  state: LazyState;
  value: T | undefined;
  /** Says what failed and why (state 'failed'). */
  message: string | undefined;
  retry(): void;
}

/** A library loaded on first use, as a component sees it: asks for it on mount, re-renders when it comes. */
export function useLazy<T>(lib: Lazy<T>): LazyView<T> {
  const state = useSyncExternalStore(lib.subscribe, lib.state, lib.state);
  const retry = useCallback(() => {
    // The failure is shown from lib.error(); nothing to do with the rejection here.
    lib.load().catch(() => undefined);
  }, [lib]);
  useEffect(() => {
    if (lib.state() === 'idle') retry();
  }, [lib, retry]);
  return { state, value: lib.current(), message: lib.error()?.message, retry };
}
