import './lazy.css';
import type { ReactNode } from 'react';
import type { Lazy } from '../../engine/lazy';
import { useLazy } from './use-lazy';

/**
 * Shows `children(module)` once a library loaded on first use has come (engine/lazy.ts). Meanwhile it
 * says what is loading (or shows `placeholder`), and a failed download says so with a Retry button:
 * never a blank panel. Actions use store/load-libraries' `withLibraries` instead.
 */
export function LazyView<T>({
  lib,
  children,
  placeholder,
  inline,
  overlay,
  quiet,
}: {
  lib: Lazy<T>;
  children(module: T): ReactNode;
  /** Shown while loading instead of "Loading …" (e.g. the TeX source of a formula). */
  placeholder?: ReactNode;
  inline?: boolean;
  /** Float the message over the app (a dialog on its way) instead of in the flow of a panel. */
  overlay?: boolean;
  /** Show nothing while loading (failures are still shown). */
  quiet?: boolean;
}) {
  const { state, value, message, retry } = useLazy(lib);
  if (state === 'ready' && value !== undefined) return children(value);
  const Tag = inline ? 'span' : 'div';
  const where = overlay ? ' lazy-overlay' : '';
  if (state === 'failed') {
    return (
      <Tag className={`lazy-failed${where}`} role="alert" data-testid="lazy-failed">
        <span>{message}</span>{' '}
        <button type="button" className="btn btn--outline lazy-failed__retry" onClick={retry}>
          Retry
        </button>
      </Tag>
    );
  }
  if (quiet) return null;
  return (
    <Tag className={`lazy-loading${where}`} role="status" aria-busy="true" data-testid="lazy-loading">
      {placeholder ?? `Loading ${lib.what}…`}
    </Tag>
  );
}
