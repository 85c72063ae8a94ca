/** Where text stops being JSON, found by the app itself: engines word and place their errors each their own way. */

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
  return endsInValue(text, offset.valueStart) ? text.length : offset.at;
}

/** A token, or anything up to the next space: what a marker underlines where JSON breaks. */
const TOKEN = new RegExp(String.raw`${STRING_SOURCE}|[\w.+-]+|\S`, 'y');

/**
 * The offsets (end excluded) of the token where `text` stops being JSON: the character or word
 * that cannot be there, the value the text ends in the middle of, or, where it ends between
 * tokens, its last one. Null when it is valid JSON.
 */
export function jsonSyntaxErrorSpan(text: string): { start: number; end: number } | null {
  const offset = firstOffendingOffset(text);
  if (offset === null) return null;
  if (offset.at >= text.length) {
    const end = text.trimEnd().length;
    return { start: Math.max(0, end - 1), end };
  }
  if (endsInValue(text, offset.valueStart)) return { start: offset.valueStart, end: text.length };
  TOKEN.lastIndex = offset.at;
  TOKEN.test(text);
  return { start: offset.at, end: Math.max(TOKEN.lastIndex, offset.at + 1) };
}

function endsInValue(text: string, valueStart: number): boolean {
  UNFINISHED_VALUE.lastIndex = valueStart;
  return UNFINISHED_VALUE.test(text);
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

/** The 1-based line and column of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where the JavaScript engine says JSON breaks (`in JSON at position 30 (line 3 column 11)`): the message names one place, ours. */
export const ENGINE_POSITION = / (?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/;

/**
 * Why `text` stops being JSON at `offset` (`jsonSyntaxErrorOffset`), in the engine's words
 * (`engineMessage`) without the position it names or any excerpt of the file, or in ours where
 * they would mislead: a cut-off file, a trailing comma (the engine asks for a property name).
 */
export function jsonBreakReason(text: string, offset: number | null, engineMessage: string): string {
  // Where the app finds no break (the engine's limits, not JSON's), only the engine can say why.
  if (offset === null) return withoutExcerpt(engineMessage, undefined);
  if (offset >= text.length) return 'the file ends early; was it cut off while being written or copied?';
  const offending = text[offset];
  if ((offending === '}' || offending === ']') && text.slice(0, offset).trimEnd().endsWith(','))
    return `unexpected '${offending}' after a comma; JSON allows no trailing comma`;
  return withoutExcerpt(engineMessage.replace(ENGINE_POSITION, ''), text.codePointAt(offset));
}

/**
 * The engine's words, unless they quote the file (`Unexpected token 'r', "root:x:0:0"... is not
 * valid JSON`): a file opened by mistake may hold secrets, so then only the character it stopped at.
 */
function withoutExcerpt(message: string, offending: number | undefined): string {
  if (!message.includes('"')) return message;
  if (offending === undefined) return 'unexpected text';
  const character = String.fromCodePoint(offending);
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)
    ? `unexpected '${character}'`
    : `unexpected character U+${offending.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `text` is not JSON, and the line and column where it breaks; undefined when it is JSON. */
export function jsonSyntaxBreak(text: string): { message: string; at?: { line: number; column: number } } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const offset = jsonSyntaxErrorOffset(text);
    const message = jsonBreakReason(text, offset, (error as Error).message);
    return offset === null ? { message } : { message, at: lineAndColumn(text, offset) };
  }
}
