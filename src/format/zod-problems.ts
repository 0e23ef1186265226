/**
 * zod issues → learner-readable problems. zod's own messages ("Invalid input: expected int,
 * received number") name types the way a programmer would; here the expected shape and the
 * received value are said in plain words, at a path like "nodes[2].position.x".
 */
import type * as z from 'zod/mini';
import { describeValue, formatPath, type Problem, valueAt } from './problem';

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/** Problems for every issue, paths relative to `root` (the value that was validated). */
export function issuesToProblems(
  issues: readonly Issue[],
  root: unknown,
  prefix: readonly PropertyKey[] = [],
): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, root, [...prefix, ...issue.path]));
}

function issueToProblems(issue: Issue, root: unknown, path: PropertyKey[]): Problem[] {
  const received = valueAt(root, path);
  const problem = (message: string): Problem[] => [{ path: formatPath(path), message }];

  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const field = path[path.length - 1];
      if (received === undefined && typeof field === 'string') {
        return problem(`missing field \`${field}\` (expected ${expected})`);
      }
      if (issue.expected === 'number' && typeof received === 'number')
        return problem('expected a finite number');
      return problem(`expected ${expected}, received ${describeValue(received)}`);
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return problem('must not be empty');
      if (issue.origin === 'array') return problem(`must have at least ${issue.minimum} item(s)`);
      return problem(`must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`);
    case 'too_big':
      if (issue.origin === 'array') return problem(`must have at most ${issue.maximum} item(s)`);
      if (issue.origin === 'string') return problem(`must be at most ${issue.maximum} characters long`);
      return problem(`must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`);
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(' or ');
      return problem(`expected ${options}, received ${describeValue(received)}`);
    }
    case 'invalid_union': {
      // When exactly one alternative got past the outer type (a list for "number or list of
      // numbers"), its inner issues say precisely which element is wrong.
      const deeper = issue.errors.filter(
        (branch) => branch.length > 0 && branch.every((i) => i.path.length > 0),
      );
      if (deeper.length === 1) return issuesToProblems(deeper[0], root, path);
      return problem(`${issue.message}, received ${describeValue(received)}`);
    }
    default:
      return problem(issue.message);
  }
}
