import { allowedValueType } from '../../contracts/allowed-value-types';
import { postgresPatternAsOdcs } from '../../contracts/import/postgres-pattern';
import type { TypeDialect } from '../../contracts/server-record-format';
import type { ContractProperty, EnumValue } from '../../model/contract';
import { logicalTypeOptions } from '../../simulation/allowed-values';
import { isBinaryFloatType, postgresTypeOf, varcharLengthOf } from './postgres-column-types';
import { jsonDocumentChecksOf } from './postgres-json-checks';
import { ident, literal } from './postgres-names';

/*
 * What a contract says of a column's values, as the conditions of its CHECK, written as the DDL
 * import reads them back (contracts/import/sql-check-constraints.ts): allowed values of strings,
 * numbers and booleans (`IN (…)`); bounds of integers and numbers; a string's minLength, and a
 * maxLength its varchar does not hold (`char_length`); its pattern (`~`) where PostgreSQL's
 * regular expressions read it as ECMAScript does; what an object, map or array property's jsonb
 * holds (postgres-json-checks.ts), as jsonb takes any JSON value; an integer's or number's
 * multipleOf (`"price" % 0.01 = 0`), in numeric's exact decimal arithmetic. A real or double
 * precision has no `%`, and its binary value of 0.07 is no exact multiple of 0.01: its CHECK takes
 * the decimal PostgreSQL reads it as (`"weight"::numeric`, the shortest digits that give the float
 * back), so it holds the values written as multiples, as a JSON Schema's multipleOf means them. A
 * pattern they read otherwise is left out, with why. Allowed values and bounds of dates and times,
 * and formats stay in the contract, as in the JSON Schema export.
 */

/** The logical types whose allowed values PostgreSQL compares as the contract means them. */
const COMPARED_VALUES = new Set(['string', 'integer', 'number', 'boolean']);
const BOUND_OPERATORS: Record<string, string> = {
  minimum: '>=',
  exclusiveMinimum: '>',
  maximum: '<=',
  exclusiveMaximum: '<',
};

export interface ColumnChecks {
  /** Each condition on the column's value, to be ANDed. */
  conditions: string[];
  /** Why the contract's pattern is not among them. */
  patternLeftOut?: string;
}

/**
 * The conditions on a column of a table in `schema`, whose functions a condition may call; its type
 * read in the `typeDialect` of the table's contract's servers.
 */
export function columnChecksOf(
  property: ContractProperty,
  column: string,
  { schema, typeDialect }: { schema: string; typeDialect: TypeDialect | undefined },
): ColumnChecks {
  const { logicalType } = property;
  const columnType = postgresTypeOf(property, typeDialect);
  // A uuid has no length or pattern, and an allowed value that is no uuid would make CREATE TABLE fail: its text is checked.
  const value = columnType === 'uuid' ? `${ident(column)}::text` : ident(column);
  const options = logicalTypeOptions(property) ?? {};
  const numberOption = (name: string) => {
    const option = options[name];
    return typeof option === 'number' && Number.isFinite(option) ? option : undefined;
  };
  const allowed = allowedValuesOf(property);
  const conditions = allowed.length > 0 ? [`${value} IN (${allowed.map(valueLiteral).join(', ')})`] : [];
  if (columnType === 'jsonb') conditions.push(...jsonDocumentChecksOf(property, value, schema));
  if (logicalType === 'integer' || logicalType === 'number') {
    for (const [option, operator] of Object.entries(BOUND_OPERATORS)) {
      const bound = numberOption(option);
      if (bound !== undefined) conditions.push(`${value} ${operator} ${bound}`);
    }
    const multipleOf = numberOption('multipleOf');
    if (multipleOf !== undefined && multipleOf > 0) conditions.push(multipleCondition(columnType, value, multipleOf));
  }
  if (logicalType !== 'string') return { conditions };
  const [minLength, maxLength] = [numberOption('minLength'), numberOption('maxLength')];
  const declaredLength = varcharLengthOf(columnType);
  if (minLength !== undefined && minLength > 0) conditions.push(`char_length(${value}) >= ${minLength}`);
  if (maxLength !== undefined && (declaredLength === undefined || declaredLength > maxLength))
    conditions.push(`char_length(${value}) <= ${maxLength}`);
  const pattern = options.pattern;
  if (typeof pattern !== 'string') return { conditions };
  const readAlike = postgresPatternAsOdcs(pattern);
  if (!readAlike.ok) return { conditions, patternLeftOut: readAlike.why };
  return { conditions: [...conditions, `${value} ~ ${literal(pattern)}`] };
}

function multipleCondition(columnType: string, value: string, multipleOf: number): string {
  // PostgreSQL's `%` takes no float.
  const dividend = isBinaryFloatType(columnType) ? `${value}::numeric` : value;
  return `${dividend} % ${multipleOf} = 0`;
}

/** The property's allowed values of its type (a value of another type matches no record, see allowed-value-types.ts). */
function allowedValuesOf(property: ContractProperty): EnumValue[] {
  const valueType = allowedValueType(property.logicalType);
  if (!property.enum || !property.logicalType || !COMPARED_VALUES.has(property.logicalType)) return [];
  return property.enum.filter((value) => typeof value === valueType);
}

function valueLiteral(value: EnumValue): string {
  return typeof value === 'string' ? literal(value) : String(value);
}
