import { doBlock, ident, literal } from './postgres-names';

/*
 * Rows written before a field was required have no value in it, and a statement that needs one
 * (SET NOT NULL, a primary key over the field) would fail on them, and with it the whole
 * migration. Such statements run only once no row lacks a value; until then the migration
 * raises a warning naming the statements to run once the rows are filled. Contracts give no
 * default to fill them with, and a made-up one would pass for data.
 */

export interface OnceFilled {
  /** The qualified table. */
  target: string;
  /** The columns every row needs a value in. */
  columns: readonly string[];
  /** What to run when every row has one, each statement ending in `;`. */
  statements: readonly string[];
  /** What to run instead while some row lacks one. */
  meanwhile?: readonly string[];
  /** What to run once the rows are filled, when not `statements` (it undoes `meanwhile`). */
  later?: readonly string[];
  /** The warning's text, from the statements to run later. */
  warning(later: string): string;
}

export function onceFilled(change: OnceFilled): string {
  const { target, columns, statements, meanwhile = [], later = statements } = change;
  const lacksValue = columns.map((column) => `${ident(column)} IS NULL`).join(' OR ');
  const warn = `RAISE WARNING '%', ${literal(change.warning(later.join(' ')))};`;
  return doBlock(` BEGIN
  IF EXISTS (SELECT FROM ${target} WHERE ${lacksValue}) THEN ${[...meanwhile, warn].join(' ')}
  ELSE ${statements.join(' ')} END IF;
END `);
}

/** `SET NOT NULL` on a column once no row lacks a value. */
export function setNotNullOnceFilled(target: string, column: string): string {
  return onceFilled({
    target,
    columns: [column],
    statements: [`ALTER TABLE ${target} ALTER COLUMN ${ident(column)} SET NOT NULL;`],
    warning: (later) =>
      `${target}.${ident(column)} is required but has rows without a value: fill them, then run ${later}`,
  });
}
