import type { Problem } from './problem';

/**
 * Why a file given as a design is not one, in words that say where and what to do: the line and
 * column where its JSON breaks, a merge left unresolved, an ODCS contract opened as a design.
 */

export const ODCS_CONTRACT_GIVEN_AS_DESIGN: Problem = {
  path: '(document)',
  message: 'this is an ODCS data contract, not a mesh design: add it to a design with File › Import Contracts…',
};

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;
const ODCS_YAML = /^kind:[ \t]*["']?DataContract["']?[ \t]*$/m;

/** An ODCS contract as parsed JSON (ODCS may be written as JSON too): it names its kind and has no schemaVersion. */
export function isOdcsContractDocument(json: unknown): boolean {
  const document = json as { kind?: unknown; schemaVersion?: unknown } | null;
  return typeof document === 'object' && document?.kind === 'DataContract' && !('schemaVersion' in document);
}

/** The problem with `text`, which JSON.parse refused with `error`. */
export function diagnoseInvalidJson(text: string, error: Error): Problem {
  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    return {
      path: '(document)',
      message: `unresolved merge conflict markers at line ${lineAndColumn(text, conflict.index).line} (${conflict[1]}): resolve the conflict, then open the file again`,
    };
  }
  if (ODCS_YAML.test(text)) return ODCS_CONTRACT_GIVEN_AS_DESIGN;
  const offset = jsonSyntaxErrorOffset(text);
  if (offset === null) return { path: '(document)', message: `not valid JSON: ${error.message}` };
  const { line, column } = lineAndColumn(text, offset);
  const what =
    offset >= text.length
      ? 'the file ends early; was it cut off while being written or copied?'
      : error.message.replace(ENGINE_POSITION, '');
  return { path: '(document)', message: `not valid JSON at line ${line}, column ${column}: ${what}` };
}

/** Where the JavaScript engine says JSON breaks (`in JSON at position 30 (line 3 column 11)`): the message names one place, ours. */
const ENGINE_POSITION = / (?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/;

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const WHITESPACE = /[ \t\n\r]*/y;
/** A string's characters between its quotes: no raw control characters, escapes whole. */
const STRING_BODY = String.raw`(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*`;
const STRING_SOURCE = `"${STRING_BODY}"`;
const STRING = new RegExp(STRING_SOURCE, 'y');
const SCALAR = new RegExp(
  String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|${STRING_SOURCE}`,
  'y',
);
/** A value the text ends in the middle of: a string not closed, a `tru`, a number ending in `-`, `.` or an exponent's `e`. */
const UNFINISHED_VALUE = new RegExp(
  String.raw`(?:"${STRING_BODY}(?:\\(?:u[0-9a-fA-F]{0,3})?)?|t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?|-?(?:(?:0|[1-9]\d*)(?:\.|(?:\.\d+)?[eE][+-]?))?)$`,
  'y',
);

type Expected = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * The offset where `text` stops being JSON (RFC 8259): the first character that cannot be there,
 * or the text's length when it ends early, in the middle of a value included. Null when it is
 * valid JSON. One pass, no recursion.
 */
export function jsonSyntaxErrorOffset(text: string): number | null {
  const offset = firstOffendingOffset(text);
  if (offset === null || offset.at >= text.length) return offset?.at ?? null;
  UNFINISHED_VALUE.lastIndex = offset.valueStart;
  return UNFINISHED_VALUE.test(text) ? text.length : offset.at;
}

/** The first character that cannot be there (or the text's length), and where the value it breaks began. */
function firstOffendingOffset(text: string): { at: number; valueStart: number } | null {
  const open: string[] = [];
  let index = 0;
  let valueStart = 0;
  let expected: Expected = 'value';
  const matchAt = (pattern: RegExp): boolean => {
    pattern.lastIndex = index;
    if (!pattern.test(text)) return false;
    index = pattern.lastIndex;
    return true;
  };
  const offending = () => ({ at: index, valueStart });
  const afterValue = (): Expected => (open.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    matchAt(WHITESPACE);
    if (index >= text.length) return expected === 'end' ? null : offending();
    const char = text[index];
    if ((expected === 'value-or-close' && char === ']') || (expected === 'key-or-close' && char === '}')) {
      open.pop();
      index++;
      expected = afterValue();
    } else if (expected === 'value' || expected === 'value-or-close') {
      if (char === '{' || char === '[') {
        open.push(char);
        index++;
        expected = char === '{' ? 'key-or-close' : 'value-or-close';
      } else {
        valueStart = index;
        if (!matchAt(SCALAR)) return offending();
        expected = afterValue();
      }
    } else if (expected === 'key' || expected === 'key-or-close') {
      valueStart = index;
      if (!matchAt(STRING)) return offending();
      expected = 'colon';
    } else if (expected === 'colon') {
      if (char !== ':') return offending();
      index++;
      expected = 'value';
    } else if (expected === 'comma-or-close') {
      const isObject = open.at(-1) === '{';
      if (char === ',') expected = isObject ? 'key' : 'value';
      else if (char === (isObject ? '}' : ']')) {
        open.pop();
        expected = afterValue();
      } else return offending();
      index++;
    } else return offending();
  }
}
