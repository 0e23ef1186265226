import type { ParamSpec } from '../../engine/params';

/** A number short enough for a node: 0.0001 → "1e-4", 3.14159 → "3.142". */
export function compactNumber(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6)
    return v.toExponential(a.toExponential(2).includes('.00') ? 0 : 2).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

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
