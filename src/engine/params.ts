/**
 * Parameter declarations: one spec yields both the zod validator (used by the compiler and the
 * JSON format) and the metadata the inspector needs to render a form (label, range, unit, options).
 *
 * zod/mini, not classic zod: the compiler runs at first paint, and classic zod's methods on every
 * schema (and its JSON Schema writer) cost ~16 kB gzip of the first load (issue #16). Messages
 * are written here from the issue's code, since zod/mini carries no English messages of its own.
 */
import * as z from 'zod/mini';

interface BaseSpec<T> {
  label: string;
  /** One sentence for the inspector's tooltip. */
  help?: string;
  default: T;
  schema: z.ZodMiniType<T>;
  /** Shown on the node itself, not only in the inspector. */
  key?: boolean;
  /**
   * Whether the parameter does anything with these values of the others (α only with leaky ReLU or
   * ELU): where it does not, forms leave it out. Its value is kept either way.
   */
  appliesWhen?: (params: Readonly<Record<string, unknown>>) => boolean;
  /**
   * A default that depends on the other parameters (a neuron's α is its activation's own default:
   * 0.01 for leaky ReLU, 1 for ELU); `default` stands where this gives undefined.
   */
  defaultFrom?: (params: Readonly<Record<string, unknown>>) => T | undefined;
}

/** Whether a form shows `spec` for a node with these parameter values. */
export function paramApplies(
  spec: { appliesWhen?: BaseSpec<unknown>['appliesWhen'] },
  params: Readonly<Record<string, unknown>>,
): boolean {
  return spec.appliesWhen?.(params) ?? true;
}

export interface NumberSpec extends BaseSpec<number> {
  type: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  /** Suggests a logarithmic slider (learning rates). */
  log?: boolean;
}

export interface ChoiceSpec<T extends string = string> extends BaseSpec<T> {
  type: 'choice';
  options: readonly { value: T; label: string }[];
}

export interface BoolSpec extends BaseSpec<boolean> {
  type: 'bool';
}

export interface TextSpec extends BaseSpec<string> {
  type: 'text';
  /** Text holding a mathjs formula in x. */
  formula?: boolean;
  /** Longest text allowed, in characters; default 2000. */
  maxLength?: number;
  /** Holds a whole file's contents (CSV data): editors show a summary, not a text box. */
  contents?: boolean;
}

export interface NumbersSpec extends BaseSpec<number[] | null> {
  type: 'numbers';
}

/** A list of names, e.g. the columns of a CSV file chosen as features. */
export interface StringsSpec extends BaseSpec<string[]> {
  type: 'strings';
}

export type ParamSpec = NumberSpec | ChoiceSpec | BoolSpec | TextSpec | NumbersSpec | StringsSpec;
export type ParamSpecs = Record<string, ParamSpec>;

/** The typed values of a spec record, e.g. { lr: number; nesterov: boolean }. */
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: S[K]['default'] };

type Extra<S> = Omit<S, 'type' | 'schema' | 'default' | 'label' | 'options'>;

export function num(label: string, value: number, extra: Extra<NumberSpec> = {}): NumberSpec {
  const checks: z.core.$ZodCheck<number>[] = [
    z.refine(Number.isFinite, { message: 'must be a finite number' }),
  ];
  if (extra.integer) checks.push(z.refine(Number.isInteger, { message: 'must be a whole number' }));
  if (extra.min !== undefined) {
    const min = extra.min;
    checks.push(z.refine((v: number) => v >= min, { message: `must be at least ${min}` }));
  }
  if (extra.max !== undefined) {
    const max = extra.max;
    checks.push(z.refine((v: number) => v <= max, { message: `must be at most ${max}` }));
  }
  return { type: 'number', label, default: value, schema: z.number().check(...checks), ...extra };
}

export function choice<const T extends string>(
  label: string,
  value: NoInfer<T>,
  options: readonly (T | { value: T; label: string })[],
  extra: Extra<ChoiceSpec<T>> = {},
): ChoiceSpec<T> {
  const opts = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  const values = opts.map((o) => o.value);
  const schema = z.string().check(
    z.refine((v: string) => (values as string[]).includes(v), {
      message: `must be one of ${values.join(', ')}`,
    }),
  ) as unknown as z.ZodMiniType<T>;
  return { type: 'choice', label, default: value, schema, ...extra, options: opts };
}

export function bool(label: string, value: boolean, extra: Extra<BoolSpec> = {}): BoolSpec {
  return { type: 'bool', label, default: value, schema: z.boolean(), ...extra };
}

export function text(label: string, value: string, extra: Extra<TextSpec> = {}): TextSpec {
  const max = extra.maxLength ?? 2000;
  const schema = z.string().check(z.maxLength(max, { message: `must be at most ${max} characters` }));
  return { type: 'text', label, default: value, schema, ...extra };
}

/** An optional list of numbers (explicit initial values); null means "not given". */
export function numbers(label: string, extra: Extra<NumbersSpec> = {}): NumbersSpec {
  const schema = z.nullable(
    z.array(z.number().check(z.refine(Number.isFinite, { message: 'must be finite' }))),
  );
  return { type: 'numbers', label, default: null, schema, ...extra };
}

/** A list of up to 1000 names of up to 200 characters each (empty by default). */
export function strings(label: string, extra: Extra<StringsSpec> = {}): StringsSpec {
  const schema = z
    .array(z.string().check(z.maxLength(200, { message: 'must hold names of at most 200 characters each' })))
    .check(z.maxLength(1000, { message: 'must list at most 1000 names' }));
  return { type: 'strings', label, default: [], schema, ...extra };
}

export interface ParamIssue {
  param: string;
  message: string;
}

/**
 * Fills defaults and validates. Unknown parameters are reported, not dropped silently.
 * Never throws: a learner's typo becomes an issue naming the parameter.
 */
export function resolveParams<S extends ParamSpecs>(
  specs: S,
  raw: Record<string, unknown>,
): { values: ParamValues<S>; issues: ParamIssue[] } {
  const values = {} as Record<string, unknown>;
  const issues: ParamIssue[] = [];
  const derived: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const given = raw[name];
    const parsed = given === undefined ? undefined : spec.schema.safeParse(given);
    if (parsed?.success) {
      values[name] = parsed.data;
      continue;
    }
    values[name] = spec.default;
    if (spec.defaultFrom) derived.push(name);
    if (parsed) {
      issues.push({
        param: name,
        message: `${spec.label} ${friendlyMessage(parsed.error.issues[0], given)}`,
      });
    }
  }
  // Once the others are known: a derived default reads the values, not the raw document.
  for (const name of derived) values[name] = specs[name].defaultFrom?.(values) ?? specs[name].default;
  for (const name of Object.keys(raw)) {
    if (!(name in specs)) issues.push({ param: name, message: `unknown parameter "${name}"` });
  }
  return { values: values as ParamValues<S>, issues };
}

export function defaultParams<S extends ParamSpecs>(specs: S): ParamValues<S> {
  return resolveParams(specs, {}).values;
}

function friendlyMessage(issue: z.core.$ZodIssue | undefined, given: unknown): string {
  if (!issue) return 'is invalid';
  if (issue.code !== 'invalid_type') return issue.message;
  // The first wrong element of a list, or the value itself.
  const received = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown>)?.[key], given);
  // z.number() refuses NaN and ±Infinity as the wrong type; to a learner they are numbers.
  if (issue.expected === 'number' && typeof received === 'number') return 'must be a finite number';
  return `must be ${article(issue.expected)}, not ${received === null ? 'null' : article(typeName(received))}`;
}

/** What a JSON value other than null is, in the words of the expected types ("array", "string", …). */
function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
