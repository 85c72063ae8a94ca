import { promisedRetentionText } from '../../contracts/retention-sla';
import type { Contract } from '../../model/contract';
import { quoted } from '../../model/isolated-names';
import { doBlock, ident, literal, postgresName, qualified } from './postgres-names';

/*
 * A table or column a migration drops may hold the only copy of its data, and events are
 * immutable records consumers replay: a DROP runs only where nothing would be lost (no row; no
 * value in the column), and is otherwise refused, rolling the migration back, with the count and
 * the statements that keep the data or drop it knowingly. Either way the file then runs again:
 * a table or column already gone is skipped.
 */

const REFUSED = 'the migration is refused and nothing changed';

/** Why the rows matter more than most: events are immutable records, and the contract may promise to keep them. */
function whatIsLost(contract: Contract): string {
  const retention = promisedRetentionText(contract);
  return [
    ...(contract.kind === 'event' ? ['they are stored events, immutable records consumers may replay'] : []),
    ...(retention
      ? [`contract ${quoted(contract.name)} promises to keep its data for ${retention} (its retention SLA)`]
      : []),
  ]
    .map((reason) => `${reason}; `)
    .join('');
}

/** `DROP TABLE`, refused while the table holds rows. */
export function dropTableOrRefuse(schema: string, table: string, contract: Contract): string {
  const target = qualified(schema, table);
  const advice = `${REFUSED}; ${whatIsLost(contract)}keep them by renaming the table aside (ALTER TABLE ${target} RENAME TO ${ident(`${table}_retired`)};), or back them up and drop it yourself (DROP TABLE ${target};), then run this file again`;
  return doBlock(` DECLARE stored bigint := 0; BEGIN
  IF to_regclass(${literal(target)}) IS NOT NULL THEN SELECT count(*) INTO stored FROM ${target}; END IF;
  IF stored > 0 THEN RAISE EXCEPTION '% is dropped but holds % rows; %', ${literal(target)}, stored, ${literal(advice)}; END IF;
  DROP TABLE IF EXISTS ${target};
END `);
}

/** `DROP COLUMN`, refused while a row holds a value in it. */
export function dropColumnOrRefuse(target: string, column: string, contract: Contract): string {
  const where = `${target}.${ident(column)}`;
  const drop = `ALTER TABLE ${target} DROP COLUMN ${ident(column)};`;
  const advice = `${REFUSED}; ${whatIsLost(contract)}back the values up (CREATE TABLE … AS SELECT the key and ${ident(column)} FROM ${target};), then drop the column yourself (${drop}) and run this file again`;
  return doBlock(` DECLARE stored bigint := 0; BEGIN
  IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = ${literal(target)}::regclass AND attname = ${literal(postgresName(column))} AND NOT attisdropped) THEN
    SELECT count(*) INTO stored FROM ${target} WHERE ${ident(column)} IS NOT NULL;
    IF stored > 0 THEN RAISE EXCEPTION '% is dropped but % rows hold a value in it; %', ${literal(where)}, stored, ${literal(advice)}; END IF;
    ${drop}
  END IF;
END `);
}
