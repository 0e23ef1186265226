import type Katex from 'katex';
import { memo } from 'react';
import { BoundedCache } from '../../engine/formula/bounded-cache';
import { katexLibrary } from '../katex/katex';
import { LazyView } from '../lazy/LazyView';

/**
 * Typeset formulas by TeX source. The registry has a few dozen; typesetting one takes several ms,
 * and the inspector mounts a new Formula each time a node is added or selected. Bounded: the
 * training inspector typesets a new chain rule, with this step's numbers, at every step.
 */
const typeset = new BoundedCache<string, string>(200);

function html(katex: typeof Katex, tex: string, wrap: boolean): string {
  const key = `${wrap ? 'w' : 'd'}${tex}`;
  let out = typeset.get(key);
  if (out === undefined) {
    out = katex.renderToString(tex, { throwOnError: false, displayMode: !wrap, output: 'html' });
    typeset.set(key, out);
  }
  return out;
}

/**
 * A kind's formula, typeset by KaTeX (loaded with the first formula; its TeX shows meanwhile).
 * `wrap`: a long one (the chain rule with a step's numbers) typeset inline, so it breaks after an =
 * or a + to fit the inspector's width instead of being cut; what still does not fit scrolls, and the
 * box then takes the focus so that the keyboard can scroll it (WCAG 2.1.1).
 */
export const Formula = memo(function Formula({ tex, wrap = false }: { tex: string; wrap?: boolean }) {
  return (
    <LazyView lib={katexLibrary} placeholder={<code className="formula formula--source">{tex}</code>}>
      {(katex) => (
        <section
          className={`formula${wrap ? ' formula--wrap' : ''}`}
          data-testid="formula"
          aria-label="Formula"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
          tabIndex={0}
        >
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of the registry's own formulas. */}
          <div dangerouslySetInnerHTML={{ __html: html(katex, tex, wrap) }} />
        </section>
      )}
    </LazyView>
  );
});
