import { escapeRegExp } from '../../model/escape-reg-exp';
import type { LogicalType } from '../../model/logical-type';

/*
 * A property's ODCS `logicalTypeOptions` as the JSON Schema keywords that say the same. Dates'
 * and times' bounds have no JSON Schema keyword (they compare strings) and stay in the contract.
 */

/** The keywords for one property, and whether its written form replaces the logical type's `format`. */
export interface OptionKeywords {
  keywords: Record<string, unknown>;
  /** A date, timestamp or time with a `format` option: its pattern, or nothing it can be checked by, stands instead. */
  hasOwnForm: boolean;
}

/** The formats JSON Schema 2020-12 defines that validators commonly check (Ajv with ajv-formats among them). */
const JSON_SCHEMA_FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'uri-template',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'regex',
]);

/** ODCS's integer formats whose range a JSON number holds exactly (Rust's integer types). */
const INTEGER_RANGES: Record<string, [number, number]> = {
  i8: [-(2 ** 7), 2 ** 7 - 1],
  i16: [-(2 ** 15), 2 ** 15 - 1],
  i32: [-(2 ** 31), 2 ** 31 - 1],
  u8: [0, 2 ** 8 - 1],
  u16: [0, 2 ** 16 - 1],
  u32: [0, 2 ** 32 - 1],
};

/** A clock time as ODCS writes it: `HH:mm:ss`, fractions and an offset optional. */
const CLOCK_TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?';

/**
 * A time of day as ODCS writes it. JSON Schema's `time` format is RFC 3339's full-time, which
 * requires the offset, and so refuses `12:30:00`.
 */
export const TIME_OF_DAY = `^${CLOCK_TIME}$`;

/**
 * A timestamp of a contract that says it has no time zone (`timezone: false`): `date-time`
 * requires an offset, and so would refuse every such value (`2026-03-01T09:30:00`).
 */
const ZONELESS_DATE_TIME = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]${CLOCK_TIME}$`;

const NUMBER_KEYWORDS = ['multipleOf', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

export function optionKeywords(logicalType: LogicalType, options: Record<string, unknown>): OptionKeywords {
  switch (logicalType) {
    case 'string':
      return {
        keywords: { ...picked(options, ['minLength', 'maxLength', 'pattern']), ...stringFormat(options.format) },
        hasOwnForm: false,
      };
    case 'integer':
    case 'number':
      return { keywords: numberKeywords(options), hasOwnForm: false };
    case 'array':
      return { keywords: picked(options, ['minItems', 'maxItems', 'uniqueItems']), hasOwnForm: false };
    case 'object':
      return { keywords: picked(options, ['minProperties', 'maxProperties']), hasOwnForm: false };
    case 'date':
    case 'timestamp':
    case 'time': {
      if (typeof options.format !== 'string') {
        const isZoneless = logicalType === 'timestamp' && options.timezone === false;
        return isZoneless
          ? { keywords: { pattern: ZONELESS_DATE_TIME }, hasOwnForm: true }
          : { keywords: {}, hasOwnForm: false };
      }
      const pattern = dateTimePattern(options.format);
      return { keywords: pattern === undefined ? {} : { pattern }, hasOwnForm: true };
    }
    default:
      return { keywords: {}, hasOwnForm: false };
  }
}

function picked(options: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => options[name] !== undefined).map((name) => [name, options[name]]));
}

/** A text format JSON Schema knows as `format`; `byte` (base64) as its content encoding; others say nothing checkable. */
function stringFormat(format: unknown): Record<string, unknown> {
  if (format === 'byte') return { contentEncoding: 'base64' };
  return typeof format === 'string' && JSON_SCHEMA_FORMATS.has(format) ? { format } : {};
}

/** Bounds and steps as given; an integer format's range where it is narrower than the bounds given. */
function numberKeywords(options: Record<string, unknown>): Record<string, unknown> {
  const keywords = picked(options, NUMBER_KEYWORDS);
  const range = typeof options.format === 'string' ? INTEGER_RANGES[options.format] : undefined;
  if (!range) return keywords;
  const [lowest, highest] = range;
  const minimum = typeof keywords.minimum === 'number' ? Math.max(keywords.minimum, lowest) : lowest;
  const maximum = typeof keywords.maximum === 'number' ? Math.min(keywords.maximum, highest) : highest;
  return { ...keywords, minimum, maximum };
}

const TIME_ZONE: Record<string, string> = {
  X: '(Z|[+-]\\d{2}(\\d{2})?)',
  XX: '(Z|[+-]\\d{4})',
  XXX: '(Z|[+-]\\d{2}:\\d{2})',
  x: '[+-]\\d{2}(\\d{2})?',
  xx: '[+-]\\d{4}',
  xxx: '[+-]\\d{2}:\\d{2}',
  Z: '[+-]\\d{4}',
  ZZ: '[+-]\\d{4}',
  ZZZ: '[+-]\\d{4}',
  ZZZZZ: '(Z|[+-]\\d{2}:\\d{2})',
};

/**
 * A Java `DateTimeFormatter` pattern (as ODCS's `format` is) as an anchored regular expression
 * of the text it writes: `yyyy-MM-dd HH:mm:ss` → `^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$`.
 * Undefined for names of months or days and other fields whose text a pattern cannot state.
 */
export function dateTimePattern(format: string): string | undefined {
  let pattern = '';
  for (let index = 0; index < format.length; ) {
    const character = format[index] as string;
    if (character === "'") {
      const { text, end } = quotedLiteral(format, index);
      pattern += escapeRegExp(text);
      index = end;
      continue;
    }
    // [ and ] enclose an optional section.
    if (character === '[' || character === ']') {
      pattern += character === '[' ? '(?:' : ')?';
      index++;
      continue;
    }
    let count = 1;
    while (format[index + count] === character) count++;
    const field = /[A-Za-z]/.test(character) ? fieldPattern(character, count) : escapeRegExp(character.repeat(count));
    if (field === undefined) return undefined;
    pattern += field;
    index += count;
  }
  return `^${pattern}$`;
}

/** Text in quotes from the quote at `start` (`''` is a quote, inside quotes or alone), and where it ends. */
function quotedLiteral(format: string, start: number): { text: string; end: number } {
  if (format[start + 1] === "'") return { text: "'", end: start + 2 };
  let text = '';
  let index = start + 1;
  while (index < format.length) {
    if (format[index] === "'" && format[index + 1] === "'") {
      text += "'";
      index += 2;
    } else if (format[index] === "'") {
      return { text, end: index + 1 };
    } else {
      text += format[index];
      index++;
    }
  }
  return { text, end: index };
}

function fieldPattern(letter: string, count: number): string | undefined {
  switch (letter) {
    case 'y':
    case 'u':
      return count === 2 ? '\\d{2}' : '\\d{4}';
    case 'M':
    case 'L':
      return count <= 2 ? digits(count) : undefined;
    case 'd':
    case 'H':
    case 'h':
    case 'k':
    case 'K':
    case 'm':
    case 's':
      return count <= 2 ? digits(count) : undefined;
    case 'D':
      return count <= 3 ? `\\d{${count},3}` : undefined;
    case 'S':
      return `\\d{${count}}`;
    case 'n':
      return '\\d+';
    case 'a':
      return count === 1 ? '[AaPp][Mm]' : undefined;
    default:
      return TIME_ZONE[letter.repeat(count)];
  }
}

/** One letter: one or two digits; two letters: exactly two. */
function digits(count: number): string {
  return count === 1 ? '\\d{1,2}' : '\\d{2}';
}
