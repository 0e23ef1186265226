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

function html(katex: typeof Katex, tex: string): string {
  let out = typeset.get(tex);
  if (out === undefined) {
    out = katex.renderToString(tex, { throwOnError: false, displayMode: true, output: 'html' });
    typeset.set(tex, out);
  }
  return out;
}

/** A kind's formula, typeset by KaTeX (loaded with the first formula; its TeX shows meanwhile). */
export const Formula = memo(function Formula({ tex }: { tex: string }) {
  return (
    <LazyView lib={katexLibrary} placeholder={<code className="formula formula--source">{tex}</code>}>
      {(katex) => (
        <div
          className="formula"
          data-testid="formula"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of the registry's own formulas.
          dangerouslySetInnerHTML={{ __html: html(katex, tex) }}
        />
      )}
    </LazyView>
  );
});
