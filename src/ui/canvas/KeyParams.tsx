import { memo } from 'react';
import type { AnyKind } from '../../engine/kind';
import type { ParamSpecs } from '../../engine/params';
import { formatParamValue } from './format-value';

/** The parameters a kind marks as key, shown on the node itself. */
export const KeyParams = memo(function KeyParams({
  kind,
  values,
}: {
  kind: AnyKind;
  values: Record<string, unknown>;
}) {
  const keys = Object.entries(kind.params as ParamSpecs).filter(([, spec]) => spec.key);
  if (keys.length === 0) return null;
  return (
    <dl className="ng-node__params">
      {keys.map(([name, spec]) => {
        const text = formatParamValue(spec, values[name]);
        return (
          <div key={name} className="ng-node__param">
            <dt>{spec.label}</dt>
            {/* A value too long for the card ends in "…"; the whole of it shows on hover. */}
            <dd data-testid={`param-${name}`} title={text}>
              {text}
            </dd>
          </div>
        );
      })}
    </dl>
  );
});
