import { lazy } from '../../engine/lazy';

/** KaTeX, loaded when the first formula is shown (the inspector, a lesson): see ui/lazy/LazyView. */
export const katexLibrary = lazy('the formula typesetter', () =>
  import('./katex-chunk').then((m) => m.katex),
);
