import { memo } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';

/** A warning badge: its tooltip tells what the compiler found, in sentences. */
export const DiagnosticBadge = memo(function DiagnosticBadge({
  diagnostics,
}: {
  diagnostics: readonly Diagnostic[];
}) {
  if (diagnostics.length === 0) return null;
  const error = diagnostics.some((d) => d.severity === 'error');
  const text = diagnostics.map((d) => d.message).join('\n');
  return (
    <span
      className={`ng-badge ng-badge--${error ? 'error' : 'warning'}`}
      title={text}
      aria-label={text}
      role="img"
      data-testid="node-diagnostic"
    >
      {diagnostics.length > 1 ? diagnostics.length : '!'}
    </span>
  );
});
