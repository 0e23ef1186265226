import type { ParamSpec } from '../../engine/params';
import { formatNumber } from '../../engine/text/number';

/** A number short enough for a node: 0.0001 → "1e−4", 3.14159 → "3.142" (the app's one formatter). */
export const compactNumber = (v: number): string => formatNumber(v);

export function formatParamValue(spec: ParamSpec, value: unknown): string {
  switch (spec.type) {
    case 'choice':
      return spec.options.find((o) => o.value === value)?.label ?? String(value);
    case 'number':
      return typeof value === 'number'
        ? `${compactNumber(value)}${spec.unit ? ` ${spec.unit}` : ''}`
        : String(value);
    case 'bool':
      return value ? 'on' : 'off';
    case 'numbers':
      return Array.isArray(value) ? `${value.length} value${value.length === 1 ? '' : 's'}` : '—';
    case 'strings':
      return Array.isArray(value) ? value.join(', ') || '—' : '—';
    case 'text': {
      if (spec.contents) return `${String(value ?? '').length} characters`;
      const s = String(value ?? '');
      return s.length > 24 ? `${s.slice(0, 23)}…` : s;
    }
  }
}
