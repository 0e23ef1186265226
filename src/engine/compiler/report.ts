/** Where the compiler's passes write what they find, each problem with its node or edge. */
import type { Diagnostic } from '../diagnostics';

export interface Report {
  error(d: Omit<Diagnostic, 'severity'>): void;
  warn(d: Omit<Diagnostic, 'severity'>): void;
}

/** A report that appends to `diagnostics`, in the order the passes find things. */
export function reportInto(diagnostics: Diagnostic[]): Report {
  return {
    error: (d) => diagnostics.push({ severity: 'error', ...d }),
    warn: (d) => diagnostics.push({ severity: 'warning', ...d }),
  };
}
