import { bytesAsTextSql, jsonObjectSql, keyJsonSql, type LogProgress, partitionSql, prepareAppend } from './broker-log';
import { type ContractCheck, violationSql } from './contract-rules';
import type { Dataset } from './dataset';
import { copiesSql } from './dataset-table';
import type { OutputPlan } from './product-plan';
import { columnDefinitions, columnList, quoteIdentifier, quoteLiteral } from './sql-text';
import type { SqlConnection } from './sql-workspace';
import { createUniqueValuesCheck, uniqueNonKeyProperties } from './unique-values-check';
import { createWithheldKeys } from './withheld-keys';

/**
 * Triggers on a published table collect its changes into `_pending_<name>`; each tick every
 * port publishing the table checks them against its contract, then the pending rows are cleared.
 */
export function changeCaptureSql(dataset: Dataset): string[] {
  const names = dataset.columns.map((column) => column.name);
  const definitions = columnDefinitions(dataset.columns);
  // Of a row kept in copies, the first copy creates it and the last one gone deletes it: a record tells no copies apart.
  const when = (event: 'INSERT' | 'UPDATE' | 'DELETE', image: 'NEW' | 'OLD') =>
    dataset.keepsCopies && event !== 'UPDATE'
      ? ` WHEN ${copiesSql(dataset, image)} = ${event === 'INSERT' ? 1 : 0}`
      : '';
  const trigger = (event: 'INSERT' | 'UPDATE' | 'DELETE', op: string, image: 'NEW' | 'OLD') =>
    `CREATE TRIGGER node.${quoteIdentifier(`_pending_${dataset.name}_${event.toLowerCase()}`)} AFTER ${event} ON ${quoteIdentifier(dataset.name)}${when(event, image)} BEGIN
  INSERT INTO ${pendingTable(dataset)} (_op, ${columnList(names)}) VALUES ('${op}', ${columnList(names, image)});
END`;
  return [
    `CREATE TABLE node.${pendingTable(dataset)} (_seq INTEGER PRIMARY KEY, _op TEXT NOT NULL, ${definitions.join(', ')})`,
    trigger('INSERT', 'c', 'NEW'),
    trigger('UPDATE', 'u', 'NEW'),
    trigger('DELETE', 'd', 'OLD'),
  ];
}

export function prepareClearPending(connection: SqlConnection, dataset: Dataset) {
  return connection.prepare(`DELETE FROM node.${pendingTable(dataset)}`);
}

function pendingTable(dataset: Dataset): string {
  return quoteIdentifier(`_pending_${dataset.name}`);
}

/**
 * The rules an output port checks each record by before publishing it, but `unique`, which also
 * compares the record with what the port published before.
 */
export function outputContractCheck(
  output: Pick<OutputPlan, 'governing' | 'log' | 'untaggedClassifications'>,
): ContractCheck {
  return {
    kind: output.governing.contract.kind,
    properties: output.governing.schemaObject.properties,
    key: output.log.dataset.key,
    untaggedClassifications: output.untaggedClassifications,
  };
}

export interface PublishOutcome {
  published: number;
  quarantined: number;
}

/**
 * Publishes a tick's pending changes through one output port: records that keep the contract are
 * appended to the port's log (entities as upserts and deletes, events as appends), the others go
 * to `quarantine` with the rule they broke and the record, never silently dropped. A delete goes
 * out only for a key consumers hold, with what they hold (see `createWithheldKeys`).
 */
export function preparePublish(
  connection: SqlConnection,
  output: OutputPlan,
  progress: LogProgress,
): (tick: number, millis: number) => PublishOutcome {
  const { contract, schemaObject } = output.governing;
  const properties = schemaObject.properties;
  const names = properties.map((property) => property.name);
  const available = new Set(output.dataset.columns.map((column) => column.name));
  const key = output.log.dataset.key;
  const shaped = `SELECT _seq, _op, ${properties
    .map(({ name }) => `${available.has(name) ? quoteIdentifier(name) : 'NULL'} AS ${quoteIdentifier(name)}`)
    .join(', ')} FROM node.${pendingTable(output.dataset)}`;
  // A key of a type that holds bytes only as a type violation, which is quarantined, is never bytes here.
  const untypedKeys = new Set(
    properties.filter((property) => property.logicalType === undefined).map(({ name }) => name),
  );
  const keyValueSql = (name: string) =>
    untypedKeys.has(name) ? bytesAsTextSql(quoteIdentifier(name)) : quoteIdentifier(name);
  const ruleViolation = violationSql(outputContractCheck(output));
  const uniqueProperties = uniqueNonKeyProperties(properties, key);
  const keyed = `(SELECT *, ${keyJsonSql(key, keyValueSql)} AS _unique_key, ${ruleViolation} AS _base FROM (${shaped}))`;
  const uniqueValues =
    uniqueProperties.length > 0
      ? createUniqueValuesCheck(connection, output.port.id, uniqueProperties, keyed)
      : undefined;
  // The other rules first: uniqueness is checked only of records that keep them.
  const withViolation = uniqueValues
    ? `(SELECT *, COALESCE(_base, ${uniqueValues.violationOf('_record._seq')}) AS _violation FROM ${keyed} AS _record)`
    : `(SELECT *, ${ruleViolation} AS _violation FROM (${shaped}))`;
  const quarantine = connection.prepare(`INSERT INTO node.quarantine (tick, port, rule, property, message, record)
SELECT ?, ${quoteLiteral(output.port.id)}, _violation ->> 0, _violation ->> 1, _violation ->> 2, ${jsonObjectSql(output.log.dataset.columns)}
FROM ${withViolation} WHERE _violation IS NOT NULL ORDER BY _seq`);
  const operation = contract.kind === 'entity' ? `CASE _op WHEN 'd' THEN 'delete' ELSE 'upsert' END` : `'append'`;
  const appendFrom = (records: string) =>
    prepareAppend(
      connection,
      progress,
      `SELECT ${partitionSql('_key', output.log.log.partitions)} AS _partition, ? AS _timestamp, _key, ${operation} AS _op, ${columnList(names)}
       FROM (SELECT *, ${keyJsonSql(key, keyValueSql)} AS _key FROM (${records})) ORDER BY _seq`,
    );
  // Records rarely break their contract: when none did, publish without checking them twice.
  const appendAll = appendFrom(shaped);
  const appendValid = appendFrom(`SELECT * FROM ${withViolation} WHERE _violation IS NULL`);
  // An entity's key whose change was quarantined: its delete carries what was published, if anything.
  const withheld =
    contract.kind === 'entity'
      ? createWithheldKeys(connection, output.port.id, output.log.log, output.log.dataset.columns, {
          checked: `(SELECT *, ${keyJsonSql(key, keyValueSql)} AS _key FROM ${withViolation})`,
          shaped,
        })
      : undefined;
  const appendDecided = withheld && appendFrom(withheld.publishedSql);
  return (tick, millis) => {
    uniqueValues?.check();
    const quarantined = quarantine.run([tick]);
    const isDecided = withheld?.decide(quarantined > 0) ?? false;
    const append = isDecided && appendDecided ? appendDecided : quarantined === 0 ? appendAll : appendValid;
    const published = append([millis]);
    if (isDecided) withheld?.clear();
    uniqueValues?.record();
    return { quarantined, published };
  };
}
