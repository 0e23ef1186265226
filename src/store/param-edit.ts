/**
 * Parameter edits as the inspector makes them: text typed by a learner → a value, checked against
 * the kind's spec with `resolveParams` before it may reach the document.
 */
import type { AnyKind } from '../engine/kind';
import type { NumberSpec, ParamSpec } from '../engine/params';
import { resolveParams } from '../engine/params';

/** Why `value` may not be given to parameter `key` of `kind`, or null when it may. */
export function checkParam(
  kind: AnyKind,
  current: Record<string, unknown>,
  key: string,
  value: unknown,
): string | null {
  const spec = kind.params[key];
  if (!spec) return `${kind.label} has no parameter “${key}”.`;
  const { issues } = resolveParams({ [key]: spec }, { [key]: value });
  if (issues.length > 0) return sentence(issues[0].message);
  if (kind.validate) {
    const before = new Set(kind.validate(resolveParams(kind.params, current).values));
    const after = kind.validate(resolveParams(kind.params, { ...current, [key]: value }).values);
    const fresh = after.find((m) => !before.has(m));
    if (fresh) return sentence(fresh);
  }
  return null;
}

function sentence(s: string): string {
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** "between 0 and 10", "at least 1, a whole number", "" — what a number parameter allows. */
export function rangeHint(spec: ParamSpec): string {
  if (spec.type !== 'number') return '';
  const parts: string[] = [];
  const n = spec as NumberSpec;
  const unit = n.unit ? ` ${n.unit}` : '';
  if (n.min !== undefined && n.max !== undefined) parts.push(`from ${n.min} to ${n.max}${unit}`);
  else if (n.min !== undefined) parts.push(`at least ${n.min}${unit}`);
  else if (n.max !== undefined) parts.push(`at most ${n.max}${unit}`);
  if (n.integer) parts.push('a whole number');
  return parts.join(', ');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number typed by a learner: "0.5", "-3", "1e-4". */
export function parseNumber(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Enter a number.' };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: `“${t}” is not a number.` };
  return { ok: true, value: v };
}

/** A list of numbers: "1, 2, 3", "1 2 3" or "[1, 2, 3]"; blank gives null ("not given"). */
export function parseNumberList(text: string): Parsed<number[] | null> {
  const t = text
    .trim()
    .replace(/^\[|\]$/g, '')
    .trim();
  if (t === '') return { ok: true, value: null };
  const parts = t.split(/[\s,;]+/).filter((p) => p !== '');
  const values: number[] = [];
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isFinite(v)) return { ok: false, message: `“${p}” is not a number.` };
    values.push(v);
  }
  return { ok: true, value: values };
}

/** An edge's initial weight: blank = drawn by the init scheme, one number, or one per element. */
export function parseWeight(text: string): Parsed<number | number[] | undefined> {
  const list = parseNumberList(text);
  if (!list.ok) return list;
  if (list.value === null) return { ok: true, value: undefined };
  return { ok: true, value: list.value.length === 1 ? list.value[0] : list.value };
}

/** The text shown for a list of numbers or a weight. */
export function formatNumbers(value: number | readonly number[] | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value.join(', ');
}
