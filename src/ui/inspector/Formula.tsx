import katex from 'katex';
import { memo, useMemo } from 'react';

/** A kind's formula, typeset by KaTeX. */
export const Formula = memo(function Formula({ tex }: { tex: string }) {
  const html = useMemo(
    () => katex.renderToString(tex, { throwOnError: false, displayMode: true, output: 'html' }),
    [tex],
  );
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of the registry's own formulas.
  return <div className="formula" data-testid="formula" dangerouslySetInnerHTML={{ __html: html }} />;
});
