import { doBlock, ident, literal } from './postgres-names';
import { type CheckConstraint, checkClause } from './postgres-tables';

/*
 * Rows written before a field was required have no value in it, and a statement that needs one
 * (a primary key over the field) would fail on them, and with it the whole migration. Such
 * statements run only once no row lacks a value; until then the migration raises a warning
 * naming the statements to run once the rows are filled. Any other field made required is
 * refused instead (setNotNullOrRefuse): a column left nullable would pass for one the contract keeps. Contracts give no
 * default to fill them with, and a made-up one would pass for data. A CHECK the contract adds
 * waits alike for the rows that break it.
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

export function onceFilled({ columns, ...change }: OnceFilled): string {
  return onceNoRowWhere({ ...change, condition: columns.map((column) => `${ident(column)} IS NULL`).join(' OR ') });
}

/** The statements, run once no row of the table meets `condition`; until then, `meanwhile` and a warning. */
function onceNoRowWhere(change: Omit<OnceFilled, 'columns'> & { condition: string }): string {
  const { target, condition, statements, meanwhile = [], later = statements } = change;
  const warn = `RAISE WARNING '%', ${literal(change.warning(later.join(' ')))};`;
  return doBlock(` BEGIN
  IF EXISTS (SELECT FROM ${target} WHERE ${condition}) THEN ${[...meanwhile, warn].join(' ')}
  ELSE ${statements.join(' ')} END IF;
END `);
}

/**
 * A constraint added to a table that holds rows (a CHECK, a FOREIGN KEY): it holds for rows
 * written from now on at once (`NOT VALID`), and for the stored ones once none breaks it; until
 * then a warning names it and what to run once they are corrected. Rows the contract now refuses
 * are the data owner's to correct, as a made-up value would pass for data.
 */
export function addConstraintOnceKept(
  target: string,
  constraint: { name: string; clause: string; brokenWhere: string; described: string },
): string[] {
  const validate = `ALTER TABLE ${target} VALIDATE CONSTRAINT ${ident(constraint.name)};`;
  return [
    `ALTER TABLE ${target} ADD ${constraint.clause} NOT VALID;`,
    onceNoRowWhere({
      target,
      condition: constraint.brokenWhere,
      statements: [validate],
      warning: (later) =>
        `${target}: some rows break ${constraint.described} the contract now makes: it holds for rows written from now on; correct the stored ones, then run ${later}`,
    }),
  ];
}

export function addCheckOnceKept(target: string, check: CheckConstraint): string[] {
  return addConstraintOnceKept(target, {
    name: check.name,
    clause: checkClause(check),
    brokenWhere: `NOT (${check.condition})`,
    described: `the CHECK ${ident(check.name)} (${check.condition})`,
  });
}

/** `SET NOT NULL` on a column once no row lacks a value: for a column of a new key, which waits alike. */
export function setNotNullOnceFilled(target: string, column: string): string {
  return onceFilled({
    target,
    columns: [column],
    statements: [`ALTER TABLE ${target} ALTER COLUMN ${ident(column)} SET NOT NULL;`],
    warning: (later) =>
      `${target}.${ident(column)} is required but has rows without a value: fill them, then run ${later}`,
  });
}

/**
 * `SET NOT NULL` on a column, or, while rows lack a value, an exception that rolls the migration
 * back: a migration that commits leaves the column as a fresh export makes it. `isAdded`: the
 * column is new, so the rows can be filled only from a release where it is still optional.
 * `appendOnlyTrigger`: the table holds events, whose trigger refuses the UPDATE that would fill them.
 */
export function setNotNullOrRefuse(
  target: string,
  column: string,
  { isAdded, appendOnlyTrigger }: { isAdded: boolean; appendOnlyTrigger?: string },
): string {
  const where = `${target}.${ident(column)}`;
  const setNotNull = `ALTER TABLE ${target} ALTER COLUMN ${ident(column)} SET NOT NULL;`;
  const refused = 'the migration is refused and nothing changed; ';
  const advice = appendOnlyTrigger
    ? refused + storedEventsAdvice(target, column, appendOnlyTrigger, isAdded)
    : isAdded
      ? `${refused}the contract gives no default to fill them with: release the field as optional first, fill it in every row, then make it required, and its migration sets NOT NULL`
      : `${refused}fill it in those rows, then run this file again: it runs ${setNotNull}`;
  return doBlock(` DECLARE missing bigint; BEGIN
  SELECT count(*) INTO missing FROM ${target} WHERE ${ident(column)} IS NULL;
  IF missing > 0 THEN RAISE EXCEPTION '% is required but % of its rows have no value; %', ${literal(where)}, missing, ${literal(advice)}; END IF;
  ${setNotNull}
END `);
}

/** Events stored cannot be updated: the options left are to keep the field optional, or a backfill by the data owner past the trigger. */
function storedEventsAdvice(target: string, column: string, trigger: string, isAdded: boolean): string {
  const backfill = [
    'BEGIN;',
    `ALTER TABLE ${target} DISABLE TRIGGER ${ident(trigger)};`,
    `UPDATE ${target} SET ${ident(column)} = … WHERE ${ident(column)} IS NULL;`,
    `ALTER TABLE ${target} ENABLE TRIGGER ${ident(trigger)};`,
    'COMMIT;',
  ].join(' ');
  const first = isAdded ? 'release it as optional first, then ' : '';
  const then = isAdded ? 'then make it required' : 'then run this file again';
  return `stored events cannot be updated (the table is append-only): keep the field optional, as events published before it lack it, or ${first}have the data owner fill it with the append-only trigger disabled, in one transaction: ${backfill} ${then}`;
}
