import type { Mesh } from '../shared/model';
import { knownNamesText } from '../shared/model/known-names';
import type { Table } from '../shared/model/table';
import type { ChangeTrace, TraceStage, TraceStart } from '../shared/simulation';
import { exactJsonText, exactNumber, parseExactJson } from '../shared/simulation/exact-json';
import { quarantiningCheckName } from '../shared/simulation/trace-stage';
import { changedFromText, valueText } from '../shared/simulation/value-text';

/** `--trace`'s parts as written, `<system>/<table>=<key>`, else why it is not of that form: wrong usage, said before the design is read. */
export function traceTextOf(
  text: string,
): { systemId: string; tableName: string; keyText: string } | { problem: string } {
  const equals = text.indexOf('=');
  const slash = text.indexOf('/');
  if (slash < 1 || equals < slash + 2 || equals === text.length - 1)
    return { problem: `--trace takes <system>/<table>=<key>, e.g. orders-service/orders=1003 (got '${text}')` };
  return { systemId: text.slice(0, slash), tableName: text.slice(slash + 1, equals), keyText: text.slice(equals + 1) };
}

/**
 * `--trace`'s start, the row the app's trace starts from: `<system>/<table>=<key>`, the key a value
 * of a one-column key (`A10-G1`, `1003`) or a JSON object of the key's columns (`{"hub_id":1,"slot":"A"}`).
 * Else the problem, where the text is not of that form or names no such system, table or key.
 */
export function traceStartOf(mesh: Mesh, text: string): { start: TraceStart } | { problem: string } {
  const written = traceTextOf(text);
  if ('problem' in written) return written;
  const { systemId, tableName, keyText } = written;
  const system = mesh.systems.find((candidate) => candidate.id === systemId);
  if (!system)
    return {
      problem: `--trace: no system '${systemId}' (has: ${knownNamesText(mesh.systems.map((candidate) => candidate.id))})`,
    };
  const { tables } = system.database;
  const table = tables.find((candidate) => candidate.name === tableName);
  if (!table) {
    const has = knownNamesText(tables.map((candidate) => candidate.name));
    return { problem: `--trace: no table '${tableName}' in system '${systemId}' (has: ${has})` };
  }
  if (table.primaryKey.length === 0) {
    return {
      problem: `--trace: ${tableName} has no primary key, so no key names one of its rows: give the table a primary key to trace its rows by it`,
    };
  }
  const key = keyText.trimStart().startsWith('{') ? parsedObject(keyText) : oneColumnKey(table, keyText);
  if (!key)
    return {
      problem: `--trace: give the key of '${tableName}' (${table.primaryKey.join(', ')}) as a JSON object of those columns (got '${keyText}')`,
    };
  const notTheKey = keyColumnsProblem(table, key);
  if (notTheKey) return { problem: `--trace: ${notTheKey}` };
  const row = typedKey(table, key);
  if ('problem' in row) return { problem: `--trace: ${row.problem}` };
  return { start: { kind: 'row', nodeId: systemId, table: tableName, row: row.key } };
}

function parsedObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = parseExactJson(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A one-column key's value as written, converted to its column's type by `typedKey`. */
function oneColumnKey(table: Table, text: string): Record<string, unknown> | undefined {
  const [keyColumn, ...more] = table.primaryKey;
  return keyColumn === undefined || more.length > 0 ? undefined : { [keyColumn]: text };
}

/**
 * Why the written columns are not the table's key, else nothing: the trace follows the key columns
 * alone, so another column would be left out unsaid and a missing one would match no row.
 */
function keyColumnsProblem(table: Table, written: Record<string, unknown>): string | undefined {
  const { name, primaryKey } = table;
  const outsideKey = Object.keys(written).filter((column) => !primaryKey.includes(column));
  if (outsideKey.length > 0)
    return `${outsideKey.map((column) => `'${column}'`).join(', ')} ${outsideKey.length === 1 ? 'is' : 'are'} not in the key of '${name}' (${primaryKey.join(', ')})`;
  const missing = primaryKey.filter((column) => !Object.hasOwn(written, column));
  if (missing.length > 0)
    return `the key of '${name}' is ${primaryKey.join(', ')}: give ${missing.join(', ')} too (got ${exactJsonText(written)})`;
  return undefined;
}

/**
 * The key with each numeric column's value as the number the column holds (`"5002"` → 5002), as
 * the run's records carry it (an integer past 2^53 as a bigint, exact); else the problem, naming
 * the column that cannot take its value.
 */
function typedKey(
  table: Table,
  written: Record<string, unknown>,
): { key: Record<string, unknown> } | { problem: string } {
  const key: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(written)) {
    const type = table.columns.find((column) => column.name === name)?.type;
    const isNumeric = type === 'integer' || type === 'real' || type === 'numeric';
    const exact = numberOf(value);
    const number = typeof exact === 'bigint' && type !== 'integer' ? Number(exact) : exact;
    if (!isNumeric) key[name] = value;
    else if (typeof number === 'bigint') key[name] = number;
    else if (typeof number === 'number' && Number.isFinite(number) && (type !== 'integer' || Number.isInteger(number)))
      key[name] = number;
    else
      return {
        problem: `${name} is ${type === 'integer' ? 'an integer column: write a whole number' : `a ${type} column: write a number`} (got ${exactJsonText(value)})`,
      };
  }
  return { key };
}

/** Written text as a number, its digits alone exactly (a bigint past 2^53); any other value as it is. */
function numberOf(value: unknown): unknown {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return value;
  return /^-?\d+$/.test(text) ? exactNumber(text) : Number(text);
}

/** A trace as text: each hop in order, with its place (topic partition and offset) and the records it shows. */
export function traceLines(trace: ChangeTrace): string[] {
  return [
    `trace ${trace.subject}, tables read at tick ${trace.readAt.tick} (${trace.readAt.time})`,
    ...trace.stages.flatMap((stage, index) => [
      `${index + 1}. ${stage.title} [${stage.kind}] at ${stage.nodeId}: ${stage.source}${stage.moment.kind === 'recorded' ? ` (${stage.moment.text})` : ''}`,
      ...(stage.message ? [`   partition ${stage.message.partition}, offset ${stage.message.offset}`] : []),
      ...(stage.branch ? [`   branch: ${stage.branch.label}`] : []),
      ...(stage.changed && stage.changed.length > 0 ? [`   changed: ${changedFieldsText(stage)}`] : []),
      ...(stage.check
        ? [
            stage.check.passed
              ? `   contract ${stage.check.contract}: passed`
              : `   ${quarantiningCheckName(stage.check)}: failed ${stage.check.rule}${stage.check.property ? ` on ${stage.check.property}` : ''}: ${stage.check.message}`,
          ]
        : []),
      ...(stage.note ? [`   note: ${stage.note}`] : []),
      ...stage.records.map((record) => `   ${exactJsonText(record)}`),
    ]),
  ];
}

/** The fields a write changed, those whose old value the stage keeps as old → new (a key change's `run_id 2 → 902`), as the app's field table shows them. */
function changedFieldsText({ changed = [], changedFrom, records: [record] }: TraceStage): string {
  return changed
    .map((name) =>
      changedFrom && name in changedFrom
        ? `${name} ${changedFromText(changedFrom[name])}${valueText(record?.[name])}`
        : name,
    )
    .join(', ');
}
