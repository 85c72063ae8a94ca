import { stringContent } from './sql-tokens';

/** The parts of node-sql-parser's expressions the DDL importer reads: literals, columns and conditions. */
export interface Expression {
  type: string;
  operator?: string;
  left?: Expression;
  right?: Expression;
  value?: unknown;
  expr?: Expression;
  expr_list?: Expression;
  args?: Expression;
  name?: { name?: Array<{ value: string }> };
  /** A column reference's name: a string (MySQL, SQL Server) or `{ expr: { value } }` (PostgreSQL). */
  column?: string | { expr: { value: string } };
}

/** The expression a cast (`'EUR'::text`, `(0)::numeric`) converts, as written. */
export function uncast(expression: Expression | undefined): Expression | undefined {
  return expression?.type === 'cast' ? uncast(expression.expr) : expression;
}

/** A literal's value; the parser gives a string as written between its quotes. */
export function literal(expression: Expression | undefined, hasBackslashEscapes: boolean): unknown {
  const value = uncast(expression);
  if (value?.type === 'single_quote_string') return stringContent(String(value.value), hasBackslashEscapes);
  return value && /string|number|bool/.test(value.type) ? value.value : undefined;
}

/** A number literal (`0`, `-5.5`, `(100)::numeric`) as JavaScript holds it exactly; undefined for anything else. */
export function numberLiteral(expression: Expression | undefined): number | undefined {
  const value = uncast(expression);
  if (value?.type === 'unary_expr' && value.operator === '-') {
    const negated = numberLiteral(value.expr);
    return negated === undefined ? undefined : -negated;
  }
  if (value?.type !== 'number' && value?.type !== 'bigint') return undefined;
  const number = Number(value.value);
  // A bigint's bound (9223372036854775807) would be written rounded.
  return Number.isFinite(number) && (!Number.isInteger(number) || Number.isSafeInteger(number)) ? number : undefined;
}

/** The column an expression names (`score`, `(score)::text`), or undefined when it is no column. */
export function columnOf(expression: Expression | undefined): string | undefined {
  const value = uncast(expression);
  if (value?.type !== 'column_ref' || value.column === undefined) return undefined;
  return typeof value.column === 'string' ? value.column : value.column.expr.value;
}

/** The items of a list: `('a', 'b')` of IN, `ARRAY['a', 'b']`. */
export function listItems(expression: Expression | undefined): Expression[] | undefined {
  return expression?.type === 'expr_list' && Array.isArray(expression.value)
    ? (expression.value as Expression[])
    : undefined;
}
