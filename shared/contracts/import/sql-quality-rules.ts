import type { QualityRule } from '../../model/contract';

/*
 * What a table's DDL says of its rows together, which no property fact can say, as ODCS
 * schema-level `sql` quality rules: each query counts the rows (or key groups) breaking the
 * constraint, which must be 0. `{object}` is ODCS's placeholder (v3.1.0 and later) for the
 * table the rule is on, so the rule follows the schema object's physicalName.
 */

/** A column of a UNIQUE constraint: its name as the source writes it (quoted or not), and whether it is NOT NULL. */
export interface UniqueColumn {
  name: string;
  written: string;
  isRequired: boolean;
}

/** Names as a sentence lists them: `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * `UNIQUE (a, b)`: the key groups with more than one row. Rows with a NULL in the key never clash
 * in PostgreSQL and MySQL, so they are left out there; SQL Server holds NULLs equal in a UNIQUE.
 */
export function uniqueTogetherRule(
  constraintName: string | undefined,
  columns: readonly UniqueColumn[],
  areNullsEqual: boolean,
): QualityRule {
  const key = columns.map((column) => column.written).join(', ');
  const nullable = areNullsEqual ? [] : columns.filter((column) => !column.isRequired);
  const where =
    nullable.length > 0 ? ` WHERE ${nullable.map((column) => `${column.written} IS NOT NULL`).join(' AND ')}` : '';
  return {
    ...(constraintName && { name: constraintName }),
    description: `${listed(columns.map((column) => column.name))} are unique together (UNIQUE in the source DDL)`,
    type: 'sql',
    dimension: 'uniqueness',
    query: `SELECT COUNT(*) FROM (SELECT 1 FROM {object}${where} GROUP BY ${key} HAVING COUNT(*) > 1) AS duplicates`,
    mustBe: 0,
  };
}

/**
 * A CHECK condition: the rows where it is false. `NOT (c)` is NULL where `c` is, and such a row
 * is not counted, as the database lets it pass.
 */
export function checkRule(constraintName: string | undefined, condition: string): QualityRule {
  return {
    ...(constraintName && { name: constraintName }),
    description: `CHECK (${condition.replace(/\s+/g, ' ')}) in the source DDL; a row where it is NULL passes, as in the database`,
    type: 'sql',
    query: `SELECT COUNT(*) FROM {object} WHERE NOT (${condition})`,
    mustBe: 0,
  };
}

/** How an import note says where a constraint went. */
export const keptAsRule = (table: string, counted: string) =>
  `kept as a sql quality rule of ${table} counting ${counted}, which must be 0`;
