import type { ComponentType } from 'react';
import { lazy } from '../../engine/lazy';
import { LazyView } from './LazyView';

/**
 * A component whose code (and libraries) load the first time it is shown: a dialog, the gallery, the
 * lesson panel, the loss chart. Meanwhile LazyView says what is loading; a failed download says so,
 * with Retry. `overlay`: for a dialog, the message floats over the app instead of sitting in a panel;
 * `quiet`: nothing is shown while loading (a section that appears a moment later is no dead click).
 */
export function lazyComponent<P extends object>(
  what: string,
  importer: () => Promise<ComponentType<P>>,
  options: { overlay?: boolean; quiet?: boolean } = {},
): ComponentType<P> & { preload(): void } {
  const lib = lazy(what, importer);
  // biome-ignore lint/correctness/noComponentHookFactories: called once per component at module level, never in a render.
  function Lazily(props: P) {
    return (
      <LazyView lib={lib} overlay={options.overlay} quiet={options.quiet}>
        {(Component) => <Component {...props} />}
      </LazyView>
    );
  }
  Lazily.displayName = `Lazy(${what})`;
  /** Loads the code ahead of its first showing (a failure is left for that showing to tell). */
  Lazily.preload = () => {
    if (lib.state() === 'idle') lib.load().catch(() => undefined);
  };
  return Lazily;
}
