/**
 * Finds where and why a text stops being JSON. JSON.parse's messages differ between engines and
 * often give no position ("Unexpected token 'a', "abc" is not valid JSON"), so after JSON.parse has
 * refused a text, this scanner re-reads it to say what a learner should fix and where.
 * It only checks syntax and builds nothing; it uses an explicit stack, so deep nesting cannot
 * overflow the call stack.
 */

export interface JsonSyntaxError {
  /** Offset in the text, in UTF-16 code units. */
  offset: number;
  message: string;
}

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const EXPECTED: Record<Expect, string> = {
  value: 'expected a value',
  valueOrClose: "expected a value or ']'",
  key: 'expected a property name in double quotes',
  keyOrClose: "expected a property name in double quotes or '}'",
  colon: "expected ':'",
  commaOrClose: "expected ',' or a closing bracket",
  end: 'expected nothing more',
};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (open.length === 0 ? 'end' : 'commaOrClose');

  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      const missing = open.length > 0 ? `; ${open.length} bracket(s) are still open` : '';
      return { offset: text.length, message: `the text ends too early: ${EXPECTED[expect]}${missing}` };
    }
    const c = text[i];
    const common = commonMistake(text, i);

    switch (expect) {
      case 'end':
        return { offset: i, message: `unexpected ${show(text, i)} after the end of the JSON value` };

      case 'colon':
        if (c !== ':')
          return { offset: i, message: `expected ':' after the property name, found ${show(text, i)}` };
        i++;
        expect = 'value';
        break;

      case 'commaOrClose': {
        const close = open[open.length - 1] === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = close === '}' ? 'key' : 'value';
        } else if (c === close) {
          open.pop();
          i++;
          expect = afterValue();
        } else if (c === '/' && common) {
          return { offset: i, message: common };
        } else {
          const missingComma = /["\d{[tfn-]/.test(c) ? ': is a comma missing?' : '';
          return { offset: i, message: `expected ',' or '${close}', found ${show(text, i)}${missingComma}` };
        }
        break;
      }

      case 'key':
      case 'keyOrClose': {
        if (c === '}' && expect === 'keyOrClose') {
          open.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (c === '}') return { offset: i, message: "a comma before '}' is not allowed in JSON: remove it" };
        if (c !== '"') return { offset: i, message: common ?? `${EXPECTED[expect]}, found ${show(text, i)}` };
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expect = 'colon';
        break;
      }

      case 'value':
      case 'valueOrClose': {
        if (c === ']' && expect === 'valueOrClose') {
          open.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (c === ']' && open.length > 0) {
          return { offset: i, message: "a comma before ']' is not allowed in JSON: remove it" };
        }
        if (c === '{' || c === '[') {
          open.push(c);
          i++;
          expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
          break;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = afterValue();
          break;
        }
        NUMBER.lastIndex = i;
        const number = c === '-' || isDigit(c) ? NUMBER.exec(text) : null;
        const literal = LITERALS.find((word) => text.startsWith(word, i));
        const length = number?.[0].length ?? literal?.length ?? 0;
        if (length === 0) {
          return {
            offset: i,
            message:
              common ??
              `expected a value (a number, text in double quotes, true, false, null, an object or a list), found ${show(text, i)}`,
          };
        }
        i += length;
        expect = afterValue();
        break;
      }
    }
  }
}

/** Index just past the closing quote of the string starting at `start`, or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, message: 'invalid \\u escape in text: expected four hexadecimal digits' };
        }
        i += 6;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
        i += 2;
      } else {
        return {
          offset: i,
          message: `invalid escape \\${escaped ?? ''} in text (write \\\\ for a backslash)`,
        };
      }
      continue;
    }
    if (code === 0x0a || code === 0x0d) {
      return {
        offset: i,
        message: 'the text is not closed before the end of the line: a closing " is missing',
      };
    }
    if (code < 0x20)
      return { offset: i, message: 'a control character inside text must be written as an escape' };
    i++;
  }
  return { offset: start, message: 'this text is never closed: a closing " is missing' };
}

/** Things people write when they expect JavaScript rather than JSON. */
function commonMistake(text: string, i: number): string | undefined {
  const c = text[i];
  if (c === "'") return 'JSON needs double quotes (") around text and property names, not single quotes';
  if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return 'JSON does not allow comments';
  if (text.startsWith('NaN', i) || text.startsWith('Infinity', i) || text.startsWith('-Infinity', i)) {
    return 'JSON has no NaN or Infinity: write a finite number';
  }
  if (/^[A-Za-z_$]/.test(c) && !LITERALS.some((word) => text.startsWith(word, i))) {
    return `unexpected ${show(text, i)}: text must be in double quotes`;
  }
  return undefined;
}

function show(text: string, i: number): string {
  const code = text.codePointAt(i) ?? 0;
  if (code < 0x20) return `a control character (U+${code.toString(16).padStart(4, '0').toUpperCase()})`;
  return `'${String.fromCodePoint(code)}'`;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** 1-based line and column of `offset`, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
