/**
 * JSON whose integers past 2^53 keep their digits: SQLite writes a record's INTEGERs exactly (a
 * SQL Server `datetime2`'s nanoseconds, 1772488919123456700), where `JSON.parse` would round them
 * to a double (…456800). Node 20 has neither `JSON.rawJSON` nor the source text in a reviver.
 */

/** An integer of 16 digits or more may be past 2^53; text without one parses as `JSON.parse` does. */
const LONG_DIGIT_RUN = /\d{16}/;

/**
 * `text` parsed as `JSON.parse` parses it, but an integer a number would print otherwise than it
 * is written becomes a bigint; every other value is as `JSON.parse` gives it.
 */
export function parseExactJson(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  const reader = { text, at: 0 };
  const value = readValue(reader);
  token(reader, SPACE);
  if (reader.at < text.length) throw unexpected(reader);
  return value;
}

/**
 * `value` as `JSON.stringify(value, null, indent)` writes it, a bigint as its digits (a number in
 * the JSON); typed as TypeScript types `JSON.stringify`, undefined for no JSON value.
 */
export function exactJsonText(value: unknown, indent = 0): string {
  return writeValue(value, indent, '') as string;
}

interface Reader {
  text: string;
  at: number;
}

const SPACE = /[ \t\n\r]*/y;
/** A string's extent; `JSON.parse` then reads it, refusing what JSON does not allow in one. */
const STRING = /"(?:[^"\\]|\\.)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function token(reader: Reader, pattern: RegExp): string | undefined {
  pattern.lastIndex = reader.at;
  const match = pattern.exec(reader.text);
  if (!match) return undefined;
  reader.at = pattern.lastIndex;
  return match[0];
}

function readValue(reader: Reader): unknown {
  token(reader, SPACE);
  const next = reader.text[reader.at];
  if (next === '{') return readObject(reader);
  if (next === '[') return readArray(reader);
  const text = token(reader, STRING) ?? token(reader, LITERAL);
  if (text !== undefined) return JSON.parse(text);
  const number = token(reader, NUMBER);
  if (number === undefined) throw unexpected(reader);
  return exactNumber(number);
}

/** A JSON number's text as a number, or a bigint for an integer whose digits a number would not print back (`-0` stays a number). */
export function exactNumber(text: string): number | bigint {
  const value = Number(text);
  const isInteger = !/[.eE]/.test(text);
  return isInteger && !Number.isSafeInteger(value) && String(value) !== text ? BigInt(text) : value;
}

function readArray(reader: Reader): unknown[] {
  reader.at += 1;
  const items: unknown[] = [];
  if (closes(reader, ']')) return items;
  do items.push(readValue(reader));
  while (separates(reader, ']'));
  return items;
}

function readObject(reader: Reader): Record<string, unknown> {
  reader.at += 1;
  const entries: [string, unknown][] = [];
  if (!closes(reader, '}')) {
    do {
      token(reader, SPACE);
      const name = token(reader, STRING);
      token(reader, SPACE);
      if (name === undefined || reader.text[reader.at] !== ':') throw unexpected(reader);
      reader.at += 1;
      entries.push([JSON.parse(name) as string, readValue(reader)]);
    } while (separates(reader, '}'));
  }
  // As JSON.parse: `__proto__` is a field of its own, and a repeated name keeps its last value.
  return Object.fromEntries(entries);
}

/** Whether the list ends here, empty (consuming `end`). */
function closes(reader: Reader, end: string): boolean {
  token(reader, SPACE);
  if (reader.text[reader.at] !== end) return false;
  reader.at += 1;
  return true;
}

/** After an item: true at a comma (another follows), false at `end`, which it consumes. */
function separates(reader: Reader, end: string): boolean {
  token(reader, SPACE);
  const next = reader.text[reader.at];
  if (next !== ',' && next !== end) throw unexpected(reader);
  reader.at += 1;
  return next === ',';
}

function unexpected(reader: Reader): SyntaxError {
  const found = reader.at < reader.text.length ? `'${reader.text[reader.at]}'` : 'the end';
  return new SyntaxError(`Unexpected ${found} in JSON at position ${reader.at}`);
}

function writeValue(value: unknown, indent: number, margin: string): string | undefined {
  if (typeof value === 'bigint') return String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return writeValue(toJSON.call(value), indent, margin);
  const inner = indent > 0 ? `${margin}${' '.repeat(indent)}` : '';
  const items = Array.isArray(value)
    ? value.map((item) => writeValue(item, indent, inner) ?? 'null')
    : Object.entries(value).flatMap(([name, field]) => {
        const text = writeValue(field, indent, inner);
        return text === undefined ? [] : [`${JSON.stringify(name)}:${indent > 0 ? ' ' : ''}${text}`];
      });
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${close}`;
  if (indent === 0) return `${open}${items.join(',')}${close}`;
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${margin}${close}`;
}
