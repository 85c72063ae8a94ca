import { mapPartsOf, nestedPropertiesOf } from '../contracts/odcs-document';
import type { ContractProperty, DatasetKind, EnumValue } from '../model/contract';
import type { LogicalType } from '../model/logical-type';
import { quotedClassification } from '../model/quoted-classification';
import { logicalTypeOptions } from './allowed-values';
import { matchesPatternSql } from './pattern-match';
import { quoteIdentifier, quoteLiteral } from './sql-text';

/** The rules a published record is checked against, in the order they are tried. */
export type ContractRule =
  | 'immutable'
  | 'required'
  | 'type'
  | 'enum'
  | 'range'
  | 'length'
  | 'pattern'
  | 'classification'
  | 'unique';

/** The first rule a record breaks, as the quarantine records it. */
export interface ContractViolation {
  rule: ContractRule;
  /** The property, or the path of a nested field (`size.system`); null for a rule about the whole record. */
  property: string | null;
  message: string;
}

export interface ContractCheck {
  kind: DatasetKind;
  properties: readonly ContractProperty[];
  key: readonly string[];
  /** Property → the classification its input data carries but the contract does not. */
  untaggedClassifications: ReadonlyMap<string, string>;
}

/**
 * A SQL expression over a record's contract columns and its `_op` that is NULL when the record
 * keeps its contract and otherwise `json_array(rule, property, message)` for the first rule it
 * breaks. A deleted entity only needs its key. Fields nested in object, array and map properties
 * are checked by the same rules, named by their path (`size.system`, `photos[2].url`).
 */
export function violationSql(check: ContractCheck): string {
  const checks: Check[] = [];
  if (check.kind === 'event') {
    checks.push({
      when: `_op <> 'c'`,
      gives: violation(
        'immutable',
        null,
        `'a published event was ' || CASE _op WHEN 'u' THEN 'updated' ELSE 'deleted' END || '; events never change'`,
      ),
    });
  }
  for (const property of check.properties) {
    const isKey = check.key.includes(property.name);
    const unlessDeleted = check.kind === 'entity' && !isKey ? `_op <> 'd' AND ` : '';
    const at = columnAt(property.name);
    checks.push(...valueChecks(property, at, unlessDeleted));
    const upstream = check.untaggedClassifications.get(property.name);
    if (upstream) {
      checks.push({
        when: `${unlessDeleted}${at.isPresent}`,
        gives: violation(
          'classification',
          property.name,
          quoteLiteral(
            `${property.name} carries ${quotedClassification(upstream)} data but the contract does not classify it as ${quotedClassification(upstream)}`,
          ),
        ),
      });
    }
    checks.push(...nestedChecks(property, at, unlessDeleted, 1));
  }
  return firstViolationSql(checks);
}

/**
 * One rule's check: a condition and the violation it gives, or (`first`) an expression giving the
 * first violation among an array's items or a map's values, NULL when none.
 */
type Check = { when: string; gives: string } | { first: string };

/** The first violation of the checks in order: one CASE, unless items or values need a query of their own. */
function firstViolationSql(checks: readonly Check[]): string {
  const parts: string[] = [];
  let cases: string[] = [];
  const closeCases = () => {
    if (cases.length > 0) parts.push(`CASE ${cases.join('\n  ')} END`);
    cases = [];
  };
  for (const check of checks) {
    if ('when' in check) cases.push(`WHEN ${check.when} THEN ${check.gives}`);
    else {
      closeCases();
      parts.push(check.first);
    }
  }
  closeCases();
  if (parts.length === 0) return 'NULL';
  return parts.length === 1 ? (parts[0] as string) : `COALESCE(${parts.join(',\n  ')})`;
}

/** Text a message is built of: literal pieces, and SQL (`{ sql }`) for what only the record knows. */
type TextPiece = string | { sql: string };

/** The pieces as one SQL text expression, literals next to each other joined into one. */
function textSql(pieces: readonly TextPiece[]): string {
  const parts: string[] = [];
  let literal = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') literal += piece;
    else {
      if (literal !== '') parts.push(quoteLiteral(literal));
      literal = '';
      parts.push(piece.sql);
    }
  }
  if (literal !== '' || parts.length === 0) parts.push(quoteLiteral(literal));
  return parts.join(' || ');
}

/** Where a checked value sits: a record's column, or a field inside the JSON one holds. */
interface ValueAt {
  /** SQL: the value as SQL holds it (booleans 0 and 1; objects and arrays as JSON text). */
  value: string;
  /** SQL: true when the value is there and not null. */
  isPresent: string;
  /** SQL: true when there is no value or it is null. */
  isMissing: string;
  /** SQL: true when a present value has the logical type. */
  hasType: (type: LogicalType) => string;
  /** How the quarantine names it. */
  label: TextPiece[];
  /** How messages name it, when not by its label (a map's key). */
  subject?: TextPiece[];
  /** SQL: an allowed value as the value is compared with it. */
  allowedValue: (value: EnumValue) => string;
  /** The type an untyped value is read as, where it has one: a map's key is text. */
  untypedAs?: LogicalType;
  /** The column holding the JSON, and the JSON path to the value within it; none for a map's key, which nests nothing. */
  json?: { holder: string; path: TextPiece[] };
}

function columnAt(name: string): ValueAt {
  const column = quoteIdentifier(name);
  return {
    value: column,
    isPresent: `${column} IS NOT NULL`,
    isMissing: `${column} IS NULL`,
    hasType: (type) => typeCheckSql(column, type),
    label: [name],
    allowedValue: enumLiteral,
    json: { holder: column, path: ['$'] },
  };
}

/** A value inside a column's JSON, at `path`. */
function jsonValueAt(holder: string, path: TextPiece[], label: TextPiece[]): ValueAt {
  const pathSql = textSql(path);
  const jsonType = `json_type(${holder}, ${pathSql})`;
  // `->>` binds as tightly as `||`: a path joined of pieces needs its own parentheses.
  const value = `(${holder} ->> ${pathSql.includes(' || ') ? `(${pathSql})` : pathSql})`;
  return {
    value,
    isPresent: `${jsonType} <> 'null'`,
    isMissing: `COALESCE(${jsonType}, 'null') = 'null'`,
    hasType: (type) => jsonTypeCheckSql(jsonType, value, type),
    label,
    allowedValue: enumLiteral,
    json: { holder, path },
  };
}

/** The key of a map's entry in `json_each` row `alias`: always text, so a key of another type is that type written as text. */
function mapKeyAt(alias: string, label: TextPiece[]): ValueAt {
  const key = `${alias}.key`;
  return {
    value: key,
    isPresent: `${key} IS NOT NULL`,
    isMissing: `${key} IS NULL`,
    hasType: (type) => keyTypeCheckSql(key, type),
    label,
    subject: ['the key of ', ...label],
    allowedValue: (value) => quoteLiteral(String(value)),
    untypedAs: 'string',
  };
}

/** The required, type, enum, bound and pattern rules of one property, at `at`, when `guard` (SQL ending in AND, or '') holds. */
function valueChecks(property: ContractProperty, at: ValueAt, guard: string): Check[] {
  const checks: Check[] = [];
  const ruleBroken = (rule: ContractRule, message: TextPiece[]) =>
    ruleBrokenSql(rule, textSql(at.label), textSql([...(at.subject ?? at.label), ...message]));
  const got: TextPiece = { sql: `quote(${at.value})` };
  if (property.required || property.primaryKey) {
    checks.push({ when: `${guard}${at.isMissing}`, gives: ruleBroken('required', [' is required']) });
  }
  const type = property.logicalType;
  if (type !== undefined) {
    checks.push({
      when: `${guard}${at.isPresent} AND NOT (${at.hasType(type)})`,
      gives: ruleBroken('type', [typeBrokenWords(type, at.value), got]),
    });
  }
  if (property.enum && property.enum.length > 0) {
    checks.push({
      when: `${guard}${at.isPresent} AND ${at.value} NOT IN (${property.enum.map(at.allowedValue).join(', ')})`,
      gives: ruleBroken('enum', [` must be one of ${property.enum.join(', ')}, got `, got]),
    });
  }
  for (const bound of boundChecks(property, at.value)) {
    checks.push({
      when: `${guard}${at.isPresent} AND ${bound.breaks}`,
      gives: ruleBroken(bound.rule, [` must be ${bound.words}, got `, got]),
    });
  }
  const pattern =
    (property.logicalType ?? at.untypedAs) === 'string' ? logicalTypeOptions(property)?.pattern : undefined;
  const matches = typeof pattern === 'string' ? matchesPatternSql(pattern, at.value) : undefined;
  if (matches) {
    checks.push({
      when: `${guard}${at.isPresent} AND typeof(${at.value}) = 'text' AND NOT ${matches}`,
      gives: ruleBroken('pattern', [` must match ${pattern}, got `, got]),
    });
  }
  return checks;
}

/**
 * The rules of the fields an object, array or map property nests, checked where the property
 * holds a value (its own type rule, tried first, makes that value JSON of the right kind).
 * Each nesting of items or values has its own `depth`, so its query's alias is its own.
 */
function nestedChecks(property: ContractProperty, at: ValueAt, guard: string, depth: number): Check[] {
  if (!at.json) return [];
  const json = at.json;
  const within = `${guard}${at.isPresent} AND `;
  const { properties, items } = nestedPropertiesOf(property);
  if (property.logicalType === 'object') {
    return properties.flatMap((member) => {
      const memberAt = jsonValueAt(
        json.holder,
        [...json.path, `.${jsonPathKey(member.name)}`],
        [...at.label, `.${member.name}`],
      );
      return [...valueChecks(member, memberAt, within), ...nestedChecks(member, memberAt, within, depth)];
    });
  }
  const map = property.logicalType === 'map' ? mapPartsOf(property) : undefined;
  const element = property.logicalType === 'array' ? items : map?.value;
  if (!element && !map?.key) return [];
  const alias = `_element${depth}`;
  const elementLabel: TextPiece[] = [
    ...at.label,
    ...(property.logicalType === 'array' ? ['[', { sql: `${alias}.key` }, ']'] : ['.', { sql: `${alias}.key` }]),
  ];
  const elementAt = jsonValueAt(json.holder, [{ sql: `${alias}.fullkey` }], elementLabel);
  const elementViolation = firstViolationSql([
    // A map entry's key is checked before its value, by the same rules (written as text).
    ...(map?.key ? valueChecks(map.key, mapKeyAt(alias, elementLabel), '') : []),
    ...(element ? [...valueChecks(element, elementAt, ''), ...nestedChecks(element, elementAt, '', depth + 1)] : []),
  ]);
  if (elementViolation === 'NULL') return [];
  const elements = `json_each(${json.holder}, ${textSql(json.path)}) AS ${alias}`;
  return [
    {
      first: `CASE WHEN ${guard}${at.isPresent} THEN (SELECT _violation FROM (SELECT ${elementViolation} AS _violation FROM ${elements}) WHERE _violation IS NOT NULL LIMIT 1) END`,
    },
  ];
}

/** A key as SQLite's JSON path names it: quoted unless it is a plain name, `"` and `\` escaped inside the quotes. */
export function jsonPathKey(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
}

interface BoundCheck {
  rule: 'range' | 'length';
  /** SQL true when a value of the right type is out of bounds. */
  breaks: string;
  /** What a value must be, as a message says it: `at least 0`. */
  words: string;
}

/** Each bound option: the comparison a value breaks it by, and how a message says it of numbers and of times. */
const BOUNDS = [
  { option: 'minimum', breaks: '<', ofNumbers: 'at least', ofTimes: 'at or after' },
  { option: 'maximum', breaks: '>', ofNumbers: 'at most', ofTimes: 'at or before' },
  { option: 'exclusiveMinimum', breaks: '<=', ofNumbers: 'more than', ofTimes: 'after' },
  { option: 'exclusiveMaximum', breaks: '>=', ofNumbers: 'less than', ofTimes: 'before' },
] as const;

const LENGTHS = [
  { option: 'minLength', breaks: '<', words: 'at least' },
  { option: 'maxLength', breaks: '>', words: 'at most' },
] as const;

/**
 * The bounds a property's `logicalTypeOptions` set: of numbers, of dates and timestamps (each
 * compared as a time), and the length of text. Checked on values of the right type only: a
 * value of another type already breaks the type rule.
 */
function boundChecks(property: ContractProperty, column: string): BoundCheck[] {
  const given = logicalTypeOptions(property);
  if (!given) return [];
  switch (property.logicalType) {
    case 'integer':
    case 'number':
      return BOUNDS.flatMap(({ option, breaks, ofNumbers }) => {
        const bound = given[option];
        if (typeof bound !== 'number' || !Number.isFinite(bound)) return [];
        const isNumber = `typeof(${column}) IN ('integer', 'real')`;
        return [
          {
            rule: 'range',
            breaks: `${isNumber} AND ${column} ${breaks} ${bound}`,
            words: `${ofNumbers} ${bound}`,
          },
        ];
      });
    case 'date':
    case 'timestamp':
      return BOUNDS.flatMap(({ option, breaks, ofTimes }) => {
        const bound = given[option];
        if (typeof bound !== 'string' || Number.isNaN(Date.parse(bound))) return [];
        const breaksBound = `julianday(${column}) ${breaks} julianday(${quoteLiteral(bound)})`;
        return [{ rule: 'range', breaks: breaksBound, words: `${ofTimes} ${bound}` }];
      });
    case 'string':
      return LENGTHS.flatMap(({ option, breaks, words }) => {
        const length = given[option];
        if (!Number.isInteger(length)) return [];
        const breaksLength = `typeof(${column}) = 'text' AND length(${column}) ${breaks} ${length}`;
        return [{ rule: 'length', breaks: breaksLength, words: `${words} ${length} characters long` }];
      });
    default:
      return [];
  }
}

/** An allowed value as SQL: booleans are stored as 0 and 1. */
function enumLiteral(value: EnumValue): string {
  if (typeof value === 'string') return quoteLiteral(value);
  return String(typeof value === 'boolean' ? Number(value) : value);
}

/** `json_array(rule, property, message)`: how a check names the rule a record breaks. */
export function violation(rule: ContractRule, property: string | null, messageSql: string): string {
  return ruleBrokenSql(rule, property === null ? 'NULL' : quoteLiteral(property), messageSql);
}

/** `violation` of a property named by SQL: a nested field's path names its item or key. */
function ruleBrokenSql(rule: ContractRule, propertySql: string, messageSql: string): string {
  return `json_array('${rule}', ${propertySql}, ${messageSql})`;
}

/**
 * What a value of the wrong type is told. A whole number SQLite keeps as a REAL in an integer's
 * place is one past its 64-bit integers (a smaller one it converts), which is an integer to ODCS
 * but is not held exactly: it is told so, not that it has a fraction.
 */
function typeBrokenWords(type: LogicalType, value: string): TextPiece {
  const mustBe = ` must be ${article(type)} ${type}, got `;
  if (type !== 'integer') return mustBe;
  const tooLarge = ' is a whole number too large to hold exactly (beyond 64-bit integers), got ';
  // 9e999 is SQLite's infinity, which round() keeps as it is but is no whole number.
  const isWholeReal = `typeof(${value}) = 'real' AND ${value} = round(${value}) AND abs(${value}) < 9e999`;
  return { sql: `CASE WHEN ${isWholeReal} THEN ${quoteLiteral(tooLarge)} ELSE ${quoteLiteral(mustBe)} END` };
}

function article(type: LogicalType): string {
  return /^[aeiou]/.test(type) ? 'an' : 'a';
}

const DATE = '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]';
const TIME = '[0-2][0-9]:[0-5][0-9]:[0-5][0-9]';
/**
 * `${DATE}[T ]${TIME}*` wherever `julianday` reads the text, which takes digits in those ranges
 * only: the shape is enough. Every bracket a GLOB matches is costly, and every published
 * timestamp is checked: the full pattern took longer than this one and `julianday` together.
 */
const TIMESTAMP_SHAPE = '[0-9]???-??-??[T ]??:??:??*';

/** Whether a non-null value has the logical type; SQLite's own type tells integers from reals. */
function typeCheckSql(column: string, type: LogicalType): string {
  switch (type) {
    case 'string':
      return `typeof(${column}) = 'text'`;
    case 'integer':
      return `typeof(${column}) = 'integer'`;
    case 'number':
      return `typeof(${column}) IN ('integer', 'real')`;
    case 'boolean':
      return `typeof(${column}) = 'integer' AND ${column} IN (0, 1)`;
    case 'timestamp':
      return `typeof(${column}) = 'text' AND ${column} GLOB '${TIMESTAMP_SHAPE}' AND julianday(${column}) IS NOT NULL`;
    case 'date':
      return `typeof(${column}) = 'text' AND ${column} GLOB '${DATE}' AND date(${column}) = ${column}`;
    case 'time':
      return `typeof(${column}) = 'text' AND ${column} GLOB '${TIME}*' AND time(${column}) IS NOT NULL`;
    case 'object':
    case 'array':
      return `json_valid(${column}) AND json_type(${column}) = '${type}'`;
    case 'map':
      return `json_valid(${column}) AND json_type(${column}) = 'object'`;
  }
}

/**
 * Whether a map's key (text) is written as a value of the logical type: a JSON number for a
 * number (`42`, `-3` with no fraction or exponent for an integer), `true` or `false` for a
 * boolean. The exported JSON Schema states the same as `propertyNames` patterns.
 */
function keyTypeCheckSql(key: string, type: LogicalType): string {
  const isJsonNumber = `json_valid(${key}) AND trim(${key}, char(32, 9, 10, 13)) = ${key}`;
  switch (type) {
    case 'integer':
      return `${isJsonNumber} AND json_type(${key}) = 'integer'`;
    case 'number':
      return `${isJsonNumber} AND json_type(${key}) IN ('integer', 'real')`;
    case 'boolean':
      return `${key} IN ('true', 'false')`;
    case 'object':
    case 'array':
    case 'map':
      return '0';
    default:
      return typeCheckSql(key, type);
  }
}

/** Whether a non-null value inside JSON (its `json_type`, and its `value` as SQL) has the logical type. */
function jsonTypeCheckSql(jsonType: string, value: string, type: LogicalType): string {
  switch (type) {
    case 'string':
      return `${jsonType} = 'text'`;
    case 'timestamp':
    case 'date':
    case 'time':
      return `${jsonType} = 'text' AND ${typeCheckSql(value, type)}`;
    case 'integer':
      // JSON Schema's integer is a number with no fraction, written 640 or 640.0 (SQLite's 'real').
      return `(${jsonType} = 'integer' OR (${jsonType} = 'real' AND round(${value}) = ${value}))`;
    case 'number':
      return `${jsonType} IN ('integer', 'real')`;
    case 'boolean':
      return `${jsonType} IN ('true', 'false')`;
    case 'object':
    case 'map':
      return `${jsonType} = 'object'`;
    case 'array':
      return `${jsonType} = 'array'`;
  }
}
