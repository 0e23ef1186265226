import { type FormulaError, formulaSupport, formulaTex } from '../../engine/formula';
import { compactNumber } from '../canvas/format-value';
import { useLazy } from '../lazy/use-lazy';
import { Formula } from './Formula';
import { Section } from './Section';

interface Props {
  /** f(x) as shown in its field: the draft while typing, else the document's value. */
  formula: string;
  /** f′(x) as shown in its field; blank means "work it out". */
  derivative: string;
}

/**
 * A custom activation's f(x) and f′(x), typeset as the engine parsed and differentiated them, or why
 * not. All the math (parsing, differentiating, checking a typed f′) is the engine's `formulaTex`.
 */
export function CustomFormulaPreview({ formula, derivative }: Props) {
  // Loads the formula compiler if need be, and shows the real answer once it has come.
  useLazy(formulaSupport);
  const tex = formulaTex(formula, derivative);
  return (
    <Section title="Your function">
      <div data-testid="custom-formula">
        {tex.fTex !== undefined && (
          <div data-testid="custom-formula-f">
            <Formula tex={tex.fTex} />
          </div>
        )}
        {tex.ok ? (
          <>
            <div data-testid="custom-formula-df">
              <Formula tex={tex.dfTex} />
            </div>
            <p className="field__hint" data-testid="custom-formula-source">
              {tex.derivativeSource === 'user'
                ? 'f′(x) as you typed it.'
                : 'f′(x) worked out from f(x); type it in the f′(x) field to check your own.'}
            </p>
            {tex.mismatch && (
              <p className="field__error" role="status" data-testid="custom-formula-mismatch">
                Your f′(x) does not match f(x): at x = {compactNumber(tex.mismatch.x)} it gives{' '}
                {compactNumber(tex.mismatch.typed)}, but the slope of f there is{' '}
                {compactNumber(tex.mismatch.expected)}.
              </p>
            )}
          </>
        ) : (
          <p className="field__error" data-testid="custom-formula-error">
            {problem(tex.error)}
          </p>
        )}
      </div>
    </Section>
  );
}

function problem({ field, message, position }: FormulaError): string {
  const where = position === undefined ? '' : ` (at character ${position + 1})`;
  const what = field === 'f' ? 'No f(x) or f′(x) until the formula parses' : 'No f′(x) yet';
  return `${what}: ${message}${where}.`.replace(/\.\.$/, '.');
}
