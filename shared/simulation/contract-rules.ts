import type { ContractProperty, DatasetKind, EnumValue } from '../model/contract';
import type { LogicalType } from '../model/logical-type';
import { quoteIdentifier, quoteLiteral } from './sql-text';

/** The rules a published record is checked against, in the order they are tried. */
export type ContractRule =
  | 'immutable'
  | 'required'
  | 'type'
  | 'enum'
  | 'range'
  | 'length'
  | 'classification'
  | 'unique';

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
 * breaks. A deleted entity only needs its key.
 */
export function violationSql(check: ContractCheck): string {
  const cases: string[] = [];
  if (check.kind === 'event') {
    cases.push(
      `WHEN _op <> 'c' THEN ${violation('immutable', null, `'a published event was ' || CASE _op WHEN 'u' THEN 'updated' ELSE 'deleted' END || '; events never change'`)}`,
    );
  }
  for (const property of check.properties) {
    const column = quoteIdentifier(property.name);
    const isKey = check.key.includes(property.name);
    const unlessDeleted = check.kind === 'entity' && !isKey ? `_op <> 'd' AND ` : '';
    if (property.required || property.primaryKey) {
      cases.push(
        `WHEN ${unlessDeleted}${column} IS NULL THEN ${violation('required', property.name, quoteLiteral(`${property.name} is required`))}`,
      );
    }
    const type = property.logicalType;
    if (type !== undefined) {
      cases.push(
        `WHEN ${unlessDeleted}${column} IS NOT NULL AND NOT (${typeCheckSql(column, type)}) THEN ${violation('type', property.name, `${quoteLiteral(`${property.name} must be ${article(type)} ${type}, got `)} || quote(${column})`)}`,
      );
    }
    if (property.enum && property.enum.length > 0) {
      cases.push(
        `WHEN ${unlessDeleted}${column} IS NOT NULL AND ${column} NOT IN (${property.enum.map(enumLiteral).join(', ')}) THEN ${violation('enum', property.name, `${quoteLiteral(`${property.name} must be one of ${property.enum.join(', ')}, got `)} || quote(${column})`)}`,
      );
    }
    for (const bound of boundChecks(property, column)) {
      cases.push(
        `WHEN ${unlessDeleted}${column} IS NOT NULL AND ${bound.breaks} THEN ${violation(bound.rule, property.name, bound.messageSql)}`,
      );
    }
    const upstream = check.untaggedClassifications.get(property.name);
    if (upstream) {
      cases.push(
        `WHEN ${unlessDeleted}${column} IS NOT NULL THEN ${violation('classification', property.name, quoteLiteral(`${property.name} carries ${upstream} data but the contract does not classify it as ${upstream}`))}`,
      );
    }
  }
  return cases.length > 0 ? `CASE ${cases.join('\n  ')} END` : 'NULL';
}

interface BoundCheck {
  rule: 'range' | 'length';
  /** SQL true when a value of the right type is out of bounds. */
  breaks: string;
  messageSql: string;
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
  const options = property.extensions?.logicalTypeOptions;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return [];
  const given = options as Record<string, unknown>;
  const got = (text: string) => `${quoteLiteral(`${property.name} must be ${text}, got `)} || quote(${column})`;
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
            messageSql: got(`${ofNumbers} ${bound}`),
          },
        ];
      });
    case 'date':
    case 'timestamp':
      return BOUNDS.flatMap(({ option, breaks, ofTimes }) => {
        const bound = given[option];
        if (typeof bound !== 'string' || Number.isNaN(Date.parse(bound))) return [];
        const breaksBound = `julianday(${column}) ${breaks} julianday(${quoteLiteral(bound)})`;
        return [{ rule: 'range', breaks: breaksBound, messageSql: got(`${ofTimes} ${bound}`) }];
      });
    case 'string':
      return LENGTHS.flatMap(({ option, breaks, words }) => {
        const length = given[option];
        if (!Number.isInteger(length)) return [];
        const breaksLength = `typeof(${column}) = 'text' AND length(${column}) ${breaks} ${length}`;
        return [{ rule: 'length', breaks: breaksLength, messageSql: got(`${words} ${length} characters long`) }];
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
  return `json_array('${rule}', ${property === null ? 'NULL' : quoteLiteral(property)}, ${messageSql})`;
}

function article(type: LogicalType): string {
  return /^[aeiou]/.test(type) ? 'an' : 'a';
}

const DATE = '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]';
const TIME = '[0-2][0-9]:[0-5][0-9]:[0-5][0-9]';

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
      return `typeof(${column}) = 'text' AND ${column} GLOB '${DATE}[T ]${TIME}*' AND julianday(${column}) IS NOT NULL`;
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
