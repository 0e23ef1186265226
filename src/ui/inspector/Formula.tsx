import katex from 'katex';
import { memo } from 'react';
import { BoundedCache } from '../../engine/formula/bounded-cache';

/**
 * Typeset formulas by TeX source. The registry has a few dozen; typesetting one takes several ms,
 * and the inspector mounts a new Formula each time a node is added or selected. Bounded: the
 * training inspector typesets a new chain rule, with this step's numbers, at every step.
 */
const typeset = new BoundedCache<string, string>(200);

function html(tex: string): string {
  let out = typeset.get(tex);
  if (out === undefined) {
    out = katex.renderToString(tex, { throwOnError: false, displayMode: true, output: 'html' });
    typeset.set(tex, out);
  }
  return out;
}

/** A kind's formula, typeset by KaTeX. */
export const Formula = memo(function Formula({ tex }: { tex: string }) {
  // A wide formula scrolls sideways: the box takes the focus so that the keyboard can scroll it (WCAG 2.1.1).
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="formula" data-testid="formula" aria-label="Formula" tabIndex={0}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of the registry's own formulas. */}
      <div dangerouslySetInnerHTML={{ __html: html(tex) }} />
    </section>
  );
});
