/**
 * The `default` of a switch that handles every member of a union: if a member is added and a case
 * forgotten, `value` is no longer `never` and the switch fails to compile, instead of doing nothing.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${String(value)}`);
}
