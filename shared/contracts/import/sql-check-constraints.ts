import { ITEMS_UNIQUE_FUNCTION } from '../../export/sql/postgres-json-checks';
import type { EnumValue, QualityRule } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { allowedValues, type ImportNote, rangeAt } from './imported-schema';
import { logicalTypeOptions } from './logical-type-options';
import { postgresPatternAsOdcs } from './postgres-pattern';
import { written } from './sql-column-types';
import { columnOf, type Expression, listItems, literal, numberLiteral, uncast } from './sql-expressions';
import { checkRule, keptAsRule } from './sql-quality-rules';
import { matching, type Token, tokenize } from './sql-tokens';

/*
 * SQL `CHECK` constraints as what ODCS says of a column: allowed values (`c IN ('a', 'b')`,
 * `c = 'a'`), bounds (`c >= 0`, `0 < c`, `c BETWEEN 0 AND 100`), lengths (`char_length(c) <= 8`)
 * a pattern (PostgreSQL's `c ~ '^[A-Z]{2}$'`, where ECMAScript reads it alike), a multipleOf
 * (`c % 0.01 = 0`, `c::numeric % 0.01 = 0` as the SQL export checks a float's), the shape of
 * a JSON column's documents (`jsonb_typeof(c) = 'array'`: an array, not an object), an array's
 * item count (`jsonb_array_length(c) <= 3`) and uniqueItems (`"p"."jsonb_items_unique"(c)`, the
 * function the SQL export writes), each condition of a CHECK that ANDs several on its own. What
 * the SQL export checks inside a JSON column's documents (a field it requires, the type of its
 * items) is let go, as an imported jsonb column has no fields or items to hold it. A
 * condition no property fact can say (OR, functions, another column, `<>`) is kept as a sql
 * quality rule of the table (sql-quality-rules.ts) and reported as written, and the rest of its
 * CHECK is imported all the same.
 */

/** A CHECK the parser read, where its constraint starts in the source, and what a note about it is on. */
export interface CheckAt {
  expression: Expression;
  offset: number;
  /** Where its text may end, for a CHECK outside the table's body (one ALTER TABLE adds). */
  end?: number;
  /** `orders` for a table constraint, `orders.qty` for a column's. */
  where: string;
  /** The constraint's name: `CONSTRAINT ck_order CHECK (…)`. */
  name?: string;
}

export interface ChecksRead {
  values: Map<string, EnumValue[]>;
  /** Each column's `logicalTypeOptions`: bounds and pattern. */
  options: Map<string, Record<string, unknown>>;
  /** The JSON value each JSON column holds, where a CHECK says: `object` or `array`. */
  shapes: Map<string, JsonShape>;
  /** The conditions no property fact can say, as quality rules of the table. */
  rules: QualityRule[];
  notes: ImportNote[];
}

interface CheckSource {
  table: string;
  text: string;
  /** Where the table's body ends: no CHECK goes further. */
  end: number;
  hasBackslashEscapes: boolean;
  /** An expression as the dialect writes it, for a condition whose text cannot be found. */
  sqlOf: (expression: Expression) => string;
}

const NO_EQUIVALENT = 'has no ODCS property equivalent';

/**
 * What the CHECKs of a table say of its columns, of which `logicalTypeOf` tells the logical type
 * (`array` for an array): bounds only where ODCS has them for that type, the tighter of two of a
 * kind (the database checks both), allowed values common to all the CHECKs of a column.
 */
export function readChecks(
  checks: readonly CheckAt[],
  logicalTypeOf: (column: string) => LogicalType | undefined,
  source: CheckSource,
): ChecksRead {
  const read: ChecksRead = { values: new Map(), options: new Map(), shapes: new Map(), rules: [], notes: [] };
  const take = (fact: CheckFact): string | undefined => {
    if ('isInsideDocuments' in fact) return logicalTypeOf(fact.column) === 'object' ? undefined : NO_EQUIVALENT;
    if ('shape' in fact) {
      // A JSON column imports as an object; one the CHECK says holds arrays is an array.
      if (logicalTypeOf(fact.column) !== 'object' || read.shapes.has(fact.column)) return NO_EQUIVALENT;
      read.shapes.set(fact.column, fact.shape);
      return undefined;
    }
    if ('values' in fact) {
      const earlier = read.values.get(fact.column);
      read.values.set(fact.column, earlier ? earlier.filter((value) => fact.values.includes(value)) : fact.values);
      return undefined;
    }
    const logicalType = read.shapes.get(fact.column) === 'array' ? 'array' : logicalTypeOf(fact.column);
    if (logicalType === undefined) return NO_EQUIVALENT;
    const { unmapped } = logicalTypeOptions(logicalType, fact.options);
    if (unmapped.length > 0) return `${NO_EQUIVALENT} for logical type ${logicalType} (${unmapped.join(', ')})`;
    const options = read.options.get(fact.column) ?? {};
    const merged = withOptions(options, fact.options);
    if (typeof merged === 'string') return merged;
    read.options.set(fact.column, merged);
    return undefined;
  };
  for (const check of checks) {
    for (const condition of checkConditions(check, source)) {
      const why = typeof condition.fact === 'string' ? condition.fact : take(condition.fact);
      if (why === undefined) continue;
      read.rules.push(checkRule(check.name, condition.sql));
      read.notes.push({
        path: check.where,
        message: `${condition.text} ${why}: ${keptAsRule(source.table, 'the rows where it is false')}`,
        ...rangeAt(source.text, condition.offset, condition.length),
      });
    }
  }
  return read;
}

/** Bounds that a higher value tightens; the others (maximum, exclusiveMaximum, maxLength) a lower one does. */
const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength']);

/** A column's options with a condition's added, or why they cannot be: ODCS holds one pattern and one multipleOf. */
export function withOptions(
  options: Record<string, unknown>,
  added: Record<string, number | string | boolean>,
): Record<string, unknown> | string {
  const merged = { ...options };
  for (const [name, value] of Object.entries(added)) {
    const earlier = merged[name];
    // Two multipleOfs ask for a common multiple, which neither is: only bounds tighten.
    if (typeof earlier === 'number' && typeof value === 'number' && name !== 'multipleOf')
      merged[name] = LOWER_BOUNDS.has(name) ? Math.max(earlier, value) : Math.min(earlier, value);
    else if (earlier !== undefined && earlier !== value)
      return `is a second ${name} of the column, where ODCS holds one`;
    else merged[name] = value;
  }
  return merged;
}

export type JsonShape = 'object' | 'array';

/** What one condition of a CHECK says of a column, in ODCS terms. */
type CheckFact =
  | { column: string; values: EnumValue[] }
  | { column: string; options: Record<string, number | string | boolean> }
  | { column: string; shape: JsonShape }
  | { column: string; isInsideDocuments: true };

interface CheckCondition {
  /** `CHECK (qty > 0)`; one condition of several, `CHECK (… qty % 2 = 0 …)`. */
  text: string;
  /** The condition alone, as written: `qty % 6 = 0 OR qty = 1`. */
  sql: string;
  offset: number;
  length: number;
  /** What it says, or why ODCS cannot say it (`has no ODCS equivalent`). */
  fact: CheckFact | string;
}

/** The conditions a CHECK ANDs, each as written (as the dialect writes it when its text cannot be told). */
function checkConditions(check: CheckAt, source: CheckSource): CheckCondition[] {
  const conditions = andedConditions(check.expression);
  const facts = conditions.map((condition) => factOf(condition, source.hasBackslashEscapes));
  const found = writtenCheck(check.offset, check.end ?? source.end, source);
  if (!found)
    return conditions.map((condition, index) => ({
      text: `CHECK (${source.sqlOf(condition)})`,
      sql: source.sqlOf(condition),
      offset: check.offset,
      length: 'CHECK'.length,
      fact: facts[index] as CheckFact | string,
    }));
  const parts = writtenConditions(found.body);
  const isWhole = conditions.length === 1 || parts.length !== conditions.length;
  return conditions.map((condition, index) => {
    const part = parts[index] as Token[];
    const fact = facts[index] as CheckFact | string;
    if (isWhole) {
      const text = conditions.length === 1 ? written(found.body, source.text) : source.sqlOf(condition);
      const sql = conditions.length === 1 ? asWritten(found.body, source.text) : source.sqlOf(condition);
      return { text: `CHECK (${text})`, sql, offset: check.offset, length: 'CHECK'.length, fact };
    }
    const start = (part[0] as Token).start;
    const end = (part.at(-1) as Token).end;
    return {
      text: `CHECK (… ${written(part, source.text)} …)`,
      sql: asWritten(part, source.text),
      offset: start,
      length: end - start,
      fact,
    };
  });
}

/** Tokens exactly as the source has them, strings and all (`written` tidies spaces, for a message). */
function asWritten(tokens: Token[], text: string): string {
  return text.slice((tokens[0] as Token).start, (tokens.at(-1) as Token).end);
}

function andedConditions(expression: Expression): Expression[] {
  return expression.type === 'binary_expr' && expression.operator === 'AND'
    ? [...andedConditions(expression.left as Expression), ...andedConditions(expression.right as Expression)]
    : [expression];
}

/** The tokens inside the parentheses of the first CHECK at or after `offset`. */
function writtenCheck(offset: number, end: number, source: CheckSource): { body: Token[] } | undefined {
  const { tokens } = tokenize(source.text.slice(offset, end), source.hasBackslashEscapes);
  const inSource = tokens.map((token) => ({ ...token, start: token.start + offset, end: token.end + offset }));
  const keyword = inSource.findIndex((token) => token.kind === 'word' && token.text.toUpperCase() === 'CHECK');
  if (keyword === -1 || inSource[keyword + 1]?.text !== '(') return undefined;
  const body = inSource.slice(keyword + 2, matching(inSource, keyword + 1));
  return body.length > 0 ? { body } : undefined;
}

/**
 * A condition's tokens split at each AND outside parentheses (not BETWEEN's), and inside the
 * parentheses around a part, as the parser's ANDs nest: `((a > 0) AND (b > 0))` is `(a > 0)`,
 * `(b > 0)`. A part that ANDs nothing is as written, parentheses and all.
 */
function writtenConditions(tokens: Token[]): Token[][] {
  let inner = tokens;
  while (inner[0]?.text === '(' && matching(inner, 0) === inner.length - 1) inner = inner.slice(1, -1);
  const parts: Token[][] = [[]];
  let depth = 0;
  let isInBetween = false;
  for (const token of inner) {
    const word = depth === 0 && token.kind === 'word' ? token.text.toUpperCase() : '';
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (word === 'BETWEEN') isInBetween = true;
    else if (word === 'AND' && isInBetween) isInBetween = false;
    else if (word === 'AND') {
      parts.push([]);
      continue;
    }
    (parts.at(-1) as Token[]).push(token);
  }
  return parts.length === 1 ? [tokens] : parts.flatMap(writtenConditions);
}

/** Comparisons of a column with a number, as the bound of the column each gives. */
const BOUNDS: Record<string, string> = {
  '>=': 'minimum',
  '>': 'exclusiveMinimum',
  '<=': 'maximum',
  '<': 'exclusiveMaximum',
};
/** The same comparison seen from its other side: `0 < qty` is `qty > 0`. */
const MIRRORED: Record<string, string> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };

/** A comparison of a count (`char_length(c) <= 8`) as the bound of the option it gives, by operator. */
type CountBound = (value: number) => Record<string, number>;
const countBounds = (least: string, most: string): Record<string, CountBound> => ({
  '>=': (value) => ({ [least]: value }),
  '>': (value) => ({ [least]: value + 1 }),
  '<=': (value) => ({ [most]: value }),
  '<': (value) => ({ [most]: value - 1 }),
});
const TEXT_LENGTH = countBounds('minLength', 'maxLength');
const ITEM_COUNT = countBounds('minItems', 'maxItems');
/** SQL's functions counting a text's characters (`length` is also a function of bytes, arrays, geometry) and a JSON array's items. */
const COUNTS: Record<string, Record<string, CountBound>> = {
  char_length: TEXT_LENGTH,
  character_length: TEXT_LENGTH,
  jsonb_array_length: ITEM_COUNT,
  json_array_length: ITEM_COUNT,
};

/** The column an expression counts (`char_length(code)`) and the bounds a comparison of it gives; undefined when it is no such count. */
function countOf(
  expression: Expression | undefined,
): { column: string; bounds: Record<string, CountBound> } | undefined {
  const counted = uncast(expression);
  const name = counted?.type === 'function' ? counted.name?.name?.[0]?.value.toLowerCase() : undefined;
  const args = listItems(counted?.args) ?? [];
  const bounds = name === undefined ? undefined : COUNTS[name];
  const column = bounds && args.length === 1 ? columnOf(args[0]) : undefined;
  return column !== undefined && bounds ? { column, bounds } : undefined;
}

const JSON_TYPE_FUNCTIONS = new Set(['jsonb_typeof', 'json_typeof']);

/** PostgreSQL's `jsonb_typeof(c) = 'object'` (or `'array'`): the JSON value a column holds. */
function jsonShapeOf(
  left: Expression | undefined,
  right: Expression | undefined,
  hasBackslashEscapes: boolean,
): CheckFact | undefined {
  const typed = uncast(left);
  const name = typed?.type === 'function' ? typed.name?.name?.[0]?.value.toLowerCase() : undefined;
  const args = listItems(typed?.args) ?? [];
  const column =
    name !== undefined && JSON_TYPE_FUNCTIONS.has(name) && args.length === 1 ? columnOf(args[0]) : undefined;
  const shape = right ? literal(right, hasBackslashEscapes) : undefined;
  return column !== undefined && (shape === 'object' || shape === 'array') ? { column, shape } : undefined;
}

/** The jsonpath the SQL export checks a JSON array's items or a map's values with (postgres-json-checks.ts). */
const MEMBER_TYPES = /^strict !exists\(\$(\[\*\]|\.\*) \? \(.+\)\)$/;

/**
 * What the SQL export checks inside a JSON column's documents: a field it requires (`c ? 'fuel'`,
 * `c -> 'fuel' <> 'null'`), the type of its items (`jsonb_path_match(c, 'strict !exists($[*] ? (…))')`).
 */
function insideDocumentsOf(condition: Expression, hasBackslashEscapes: boolean): CheckFact | undefined {
  const { operator, left, right } = condition;
  const columnKeyed = (object: Expression | undefined, key: Expression | undefined) =>
    typeof literal(key, hasBackslashEscapes) === 'string' ? columnOf(object) : undefined;
  const column =
    operator === '?'
      ? columnKeyed(left, right)
      : (operator === '<>' || operator === '!=') &&
          left?.operator === '->' &&
          literal(right, hasBackslashEscapes) === 'null'
        ? columnKeyed(left.left, left.right)
        : memberTypesOf(condition, hasBackslashEscapes);
  return column === undefined ? undefined : { column, isInsideDocuments: true };
}

function memberTypesOf(condition: Expression, hasBackslashEscapes: boolean): string | undefined {
  const name = condition.type === 'function' ? condition.name?.name?.[0]?.value.toLowerCase() : undefined;
  const [document, path, ...rest] = listItems(condition.args) ?? [];
  const jsonpath = literal(path, hasBackslashEscapes);
  const isMemberTypes = name === 'jsonb_path_match' && rest.length === 0 && typeof jsonpath === 'string';
  return isMemberTypes && MEMBER_TYPES.test(jsonpath) ? columnOf(document) : undefined;
}

/** `"p"."jsonb_items_unique"(c)`, in any schema: the column's uniqueItems. */
function uniqueItemsOf(condition: Expression): CheckFact | undefined {
  const name = condition.type === 'function' ? condition.name?.name?.at(-1)?.value : undefined;
  const [document, ...rest] = listItems(condition.args) ?? [];
  const column = name === ITEMS_UNIQUE_FUNCTION && rest.length === 0 ? columnOf(document) : undefined;
  return column === undefined ? undefined : { column, options: { uniqueItems: true } };
}

/** `c % 0.01 = 0`: the column's multipleOf. */
function multipleOfFact({ operator, left, right }: Expression): CheckFact | undefined {
  const remainder = uncast(left);
  if (operator !== '=' || numberLiteral(right) !== 0 || remainder?.operator !== '%') return undefined;
  const column = columnOf(remainder.left);
  const divisor = numberLiteral(remainder.right);
  return column !== undefined && divisor !== undefined && divisor > 0
    ? { column, options: { multipleOf: divisor } }
    : undefined;
}

/** Why an operator's conditions are none ODCS can say, where it is not only that it has no equivalent. */
const UNSAID: Record<string, string> = {
  '~*': 'ignores case, which an ODCS pattern cannot',
  '!~': 'says what must not match, which an ODCS pattern cannot',
  '!~*': 'says what must not match, which an ODCS pattern cannot',
  REGEXP: "is MySQL's REGEXP, which ignores case under its usual collations, as an ODCS pattern cannot",
  RLIKE: "is MySQL's RLIKE, which ignores case under its usual collations, as an ODCS pattern cannot",
};

function factOf(condition: Expression, hasBackslashEscapes: boolean): CheckFact | string {
  const { operator = '', left, right } = condition;
  const shaped = operator === '=' ? jsonShapeOf(left, right, hasBackslashEscapes) : undefined;
  if (shaped) return shaped;
  const inside = insideDocumentsOf(condition, hasBackslashEscapes);
  if (inside) return inside;
  const uniqueItems = uniqueItemsOf(condition);
  if (uniqueItems) return uniqueItems;
  const values = allowedValuesOf(condition, hasBackslashEscapes);
  if (values) return values;
  const multiple = multipleOfFact(condition);
  if (multiple) return multiple;
  if (BOUNDS[operator]) {
    const isMirrored = numberLiteral(left) !== undefined;
    const [compared, value, comparison] = isMirrored
      ? [right, numberLiteral(left), MIRRORED[operator] as string]
      : [left, numberLiteral(right), operator];
    const column = columnOf(compared);
    if (column !== undefined && value !== undefined)
      return { column, options: { [BOUNDS[comparison] as string]: value } };
    const measured = countOf(compared);
    if (measured !== undefined && Number.isInteger(value))
      return { column: measured.column, options: (measured.bounds[comparison] as CountBound)(value as number) };
  }
  if (operator === 'BETWEEN') {
    const column = columnOf(left);
    const [low, high] = (listItems(right) ?? []).map(numberLiteral);
    if (column !== undefined && low !== undefined && high !== undefined)
      return { column, options: { minimum: low, maximum: high } };
  }
  if (operator === '~') return patternOf(left, right, hasBackslashEscapes);
  return UNSAID[operator.toUpperCase()] ?? NO_EQUIVALENT;
}

/**
 * `c IN ('a', 'b')`, `c = 'a'`, PostgreSQL's own spelling of IN, `c = ANY (ARRAY['a', 'b'])`, or
 * SQL Server's, `c = 'a' OR c = 'b'` (it stores an IN so, and SSMS scripts it so).
 */
function allowedValuesOf(condition: Expression, hasBackslashEscapes: boolean): CheckFact | undefined {
  if (condition.operator === 'OR') return eitherAllowedValues(condition, hasBackslashEscapes);
  const column = columnOf(condition.left);
  if (column === undefined) return undefined;
  const { operator, right } = condition;
  const isAny = right?.type === 'function' && right.name?.name?.[0]?.value === 'ANY';
  const anyArray = isAny ? uncast((right.args?.value as Expression[] | undefined)?.[0]) : undefined;
  const list =
    operator === 'IN'
      ? listItems(right)
      : operator !== '='
        ? undefined
        : isAny
          ? listItems(anyArray?.expr_list)
          : [right];
  const values = list?.map((value) => literal(value, hasBackslashEscapes));
  if (!values || values.length === 0 || values.some((value) => value === undefined)) return undefined;
  return { column, values: allowedValues(values) };
}

/** The values either side of an OR allows, where both allow values of one column. */
function eitherAllowedValues(condition: Expression, hasBackslashEscapes: boolean): CheckFact | undefined {
  const sides = [condition.left, condition.right].map((side) =>
    side ? allowedValuesOf(side, hasBackslashEscapes) : undefined,
  );
  const [left, right] = sides.map((side) => (side && 'values' in side ? side : undefined));
  if (!left || !right || left.column !== right.column) return undefined;
  return { column: left.column, values: [...new Set([...left.values, ...right.values])] };
}

/** PostgreSQL's `c ~ 'regex'`: the column's pattern, where ECMAScript reads the regex alike. */
function patternOf(left: Expression | undefined, right: Expression | undefined, hasBackslashEscapes: boolean) {
  const column = columnOf(left);
  const regex = literal(right, hasBackslashEscapes);
  if (column === undefined || typeof regex !== 'string') return NO_EQUIVALENT;
  const pattern = postgresPatternAsOdcs(regex);
  return pattern.ok
    ? { column, options: { pattern: pattern.pattern } }
    : `reads differently as an ODCS pattern (ECMAScript): ${pattern.why}`;
}
