import { historyColumnNames } from '../contracts/history-columns';
import type { DatasetKind } from '../model/contract';
import type { Result } from '../model/problem';
import { type BrokerLog, brokerTable } from './broker-log';
import { changedLinkingValues } from './changed-linking-values';
import { type Dataset, datasetHistoryColumns, historyTableName } from './dataset';
import { priorPositionSql, truncateBeforeRawZoneSql } from './dataset-table';
import { exactJsonText, parseExactJson } from './exact-json';
import { offlineBackAt } from './fault-count';
import { faultMadeStages } from './fault-made-record';
import { goneRowNote, newerChangeOf } from './gone-row-note';
import type { UnreadCause } from './input-consumer';
import { type KeyChange, keyChangeOf, keyChangeWrite, newKeyOf } from './key-change';
import { type LackedColumns, lackedColumns, lackedColumnText } from './lacked-columns';
import { epochMillisColumns, type LogFormat } from './log-format';
import {
  changeBeforeTombstone,
  copiesOf,
  fieldsOf,
  firstDeletesFrom,
  keptRecords,
  type LogRecord,
  matchingRecords,
  ownerOf,
  type RecordMatch,
  type RunQuery,
  recordAt,
  recordsWithFields,
  sqlLiteral,
} from './log-reader';
import { changeLog } from './operational-database';
import { outboxEventRowKey, outboxEventsOfRow } from './outbox-event-key';
import { pickedFields } from './picked-fields';
import type { PipelinePlan } from './pipeline-plan';
import type { InputPlan, OutputPlan, ProductPlan, TransformationPlan } from './product-plan';
import { quarantinedRecordSource } from './quarantined-record-source';
import { beforeFirstExcept } from './query-shape';
import { changedFields } from './record-diff';
import { changeImages, updatedFields } from './record-shape';
import { heldBackTableName, isResultKeyCheckEntry } from './result-key-check';
import { linkedField, resultLinkingColumns } from './result-linking-columns';
import type { TimedFault } from './simulation';
import { quoteIdentifier } from './sql-text';
import { QUARANTINE_TABLE } from './table-claims';
import type { TraceBranch, TraceMoment, TraceStage } from './trace-stage';
import { WITHHELD_KEY_CHANGE_TEXT, withheldBeforeText } from './withheld-before';
import { branchesOfWrite, isOutboxTopic, type SourceTopic, type WriteBranch } from './write-branches';
import { withWrittenTimes, writtenImage } from './written-image';

/** Where a trace starts: a record on a topic or port log, or a row of any node's table. */
export type TraceStart = RecordStart | { kind: 'row'; nodeId: string; table: string; row: Record<string, unknown> };

export interface RecordStart {
  kind: 'record';
  log: string;
  position: number;
  /** The record as the trace first read it: followed on after retention has removed it from its log. */
  record?: LogRecord;
}

const READ_NOW: TraceMoment = { kind: 'now' };

function recorded(text: string): TraceMoment {
  return { kind: 'recorded', text };
}

export interface ChangeTrace {
  /** The changed row's key, e.g. `{ order_id: 1003 }`; `{}` for a truncate, which has none. */
  key: Record<string, unknown>;
  /** What the trace follows, as its title names it: the key, or `TRUNCATE meter_readings`. */
  subject: string;
  stages: TraceStage[];
  /** The change followed, as a record on its log: read again there, the trace follows the run. */
  start: RecordStart;
  /** The tick (and its time, ISO 8601) whose tables the stages that read `now` show. */
  readAt: { tick: number; time: string };
  /** A change the run has not reached (it was stepped back before it): its tick and time, and no stages until then. */
  happensAt?: { tick: number; time: string };
}

/** The run a trace reads: its tables and logs, and the tick it is at. */
export interface TracedRun {
  query: RunQuery;
  /** Why the product never read the record at `position` of the log behind this input port, now gone from it. */
  unreadCause(productId: string, portId: string, position: number): UnreadCause | undefined;
  /** When the product read the record at `position` through this input port, epoch milliseconds: the tick it published what the record changed. */
  readTime(productId: string, portId: string, position: number): number | undefined;
  /** The faults fired so far, which tell a record a fault made from one a service write sent. */
  firedFaults(): readonly TimedFault[];
  tick: number;
  /** The tick's time, ISO 8601. */
  time: string;
  tickAt(millis: number): number;
}

const MAX_HISTORY_VERSIONS = 20;
const MAX_RELATED_ROWS = 20;

/**
 * Follows one change through the mesh, reading the run like a user's SQL would: the service's
 * write, the row, the CDC record, each consumer's raw row, clean table and history, each output
 * port's record with its contract check, and transformation rows sharing a column with it.
 */
export function traceChange(plan: PipelinePlan, run: TracedRun, start: TraceStart): Result<ChangeTrace> {
  const started = resolveStart(plan, run, start);
  if (!started.ok) return started;
  const { log, record } = started.value;
  const topic = topicOf(plan, log);
  const key =
    topic && isOutboxTopic(topic)
      ? outboxEventRowKey(topic, fieldsOf(record, log.format))
      : withWrittenTimes(keyOf(record), log.format);
  const subject = topic && isTruncate(record) ? `TRUNCATE ${topic.table.name}` : exactJsonText(key);
  const followed: RecordStart = { kind: 'record', log: log.table, position: record.position, record };
  const readAt = { tick: run.tick, time: run.time };
  // Only a trace read again after a step back holds a record newer than the run: its tables do not have it yet.
  if (record.timestamp > Date.parse(run.time)) {
    const happensAt = { tick: run.tickAt(record.timestamp), time: isoTime(record.timestamp) };
    return { ok: true, value: { key, subject, stages: [], start: followed, readAt, happensAt } };
  }
  const stages: TraceStage[] = [];
  if (topic) stages.push(...writeStages(plan, run, topic, record));
  else {
    const walker = createWalker(plan, run, stages);
    const producer = outputOf(plan, log);
    if (producer) stages.push(walker.portStage(producer.product, producer.output, record, undefined));
    walker.followConsumers(log, record, new Set([log.table]));
  }
  return { ok: true, value: { key, subject, stages, start: followed, readAt } };
}

function isTruncate(record: LogRecord): boolean {
  return changeImages(record.value)?.op === 't';
}

function publishedAt(record: LogRecord): TraceMoment {
  return recorded(`Published at ${isoTime(record.timestamp)}`);
}

/** How many rows a table holds now, said after an emptied table: `It holds 1 row now, written since.` */
function rowsSinceText(count: number): string {
  if (count === 0) return 'It is still empty.';
  return `It holds ${count} ${count === 1 ? 'row' : 'rows'} now, written since.`;
}

function countRows(query: RunQuery, nodeId: string, table: string): number {
  const [counted] = selectRows(query, nodeId, `SELECT count(*) AS count FROM ${quoteIdentifier(table)}`);
  return Number(counted?.count ?? 0);
}

interface StartPoint {
  log: BrokerLog;
  record: LogRecord;
}

function resolveStart(plan: PipelinePlan, run: TracedRun, start: TraceStart): Result<StartPoint> {
  const { query } = run;
  const fail = (message: string): Result<never> => ({ ok: false, errors: [{ path: 'trace', message }] });
  if (start.kind === 'record') {
    const log = plan.logs.find((candidate) => candidate.table === start.log);
    if (!log) return fail(`no topic or port log '${start.log}'`);
    const read = recordAt(query, log, start.position);
    if (!read.ok) return read;
    const record = read.value ?? (start.record?.position === start.position ? start.record : undefined);
    if (!record) return fail(`no record at ${start.position} in '${log.name}'`);
    const deleted = changeBeforeTombstone(query, log, record);
    if (!deleted.ok) return deleted;
    return { ok: true, value: { log, record: deleted.value ?? record } };
  }
  // The first delivery of the newest change is the one consumers applied; its copies, if any, they skipped.
  // `outboxEvents` tells an outbox event of the row by its record key, where the event need not carry the key's fields.
  const latestIn = (
    log: BrokerLog,
    key: Record<string, unknown>,
    rowName: string,
    outboxEvents?: RecordMatch,
  ): Result<StartPoint> => {
    // Without a primary key, records carry none and every row matches no record: say why, not that the row is missing.
    if (!outboxEvents && Object.keys(key).length === 0) {
      return fail(
        `${rowName} has no primary key, so its records on '${log.name}' carry no key that picks out this row: trace one of those records instead`,
      );
    }
    const match = outboxEvents ?? { fields: key };
    const applied = matchingRecords(query, log, match, { order: 'newest', isFirstDelivery: true });
    const read =
      applied.ok && applied.value.length > 0 ? applied : matchingRecords(query, log, match, { order: 'newest' });
    if (!read.ok) return read;
    const [record] = read.value;
    if (record) return { ok: true, value: { log, record } };
    const holder = { nodeId: start.nodeId, table: start.table, name: rowName };
    return fail(noRecordText(query, log, key, holder, outboxEvents !== undefined));
  };
  const system = plan.systems.find((candidate) => candidate.system.id === start.nodeId);
  if (system) {
    const topic = system.cdcTopics.find((candidate) => candidate.table.name === start.table);
    if (topic) return latestIn(topic.log, pickedFields(start.row, topic.table.primaryKey), start.table);
    // A table the connector does not capture still sends its changes out as the outbox events its writes publish.
    const outboxTopics = system.outboxTopics.filter((candidate) => candidate.table.name === start.table);
    if (outboxTopics.length === 0) {
      return fail(
        `table '${start.table}' has no CDC topic and publishes no outbox event: its changes never leave the service`,
      );
    }
    const events = outboxTopics.map((outbox) =>
      latestIn(
        outbox.log,
        pickedFields(start.row, outbox.table.primaryKey),
        start.table,
        outboxEventsOfRow(outbox, start.row),
      ),
    );
    const newest = events
      .flatMap((event) => (event.ok ? [event.value] : []))
      .reduce<StartPoint | undefined>(
        (latest, event) => (latest && latest.record.timestamp >= event.record.timestamp ? latest : event),
        undefined,
      );
    const [firstEvent] = events;
    return newest ? { ok: true, value: newest } : (firstEvent ?? fail(`no outbox event of table '${start.table}'`));
  }
  const product = plan.products.find((candidate) => candidate.product.id === start.nodeId);
  if (!product) return fail(`no system or product '${start.nodeId}'`);
  if (start.table === QUARANTINE_TABLE) {
    const source = quarantinedRecordSource(plan, run, start.nodeId, start.row);
    return source.ok ? resolveStart(plan, run, { kind: 'record', ...source.value }) : source;
  }
  const input = product.inputs.find((candidate) => candidate.rawTable === start.table);
  if (input)
    return resolveStart(plan, run, {
      kind: 'record',
      log: input.source.log.table,
      position: Number(start.row._position),
    });
  const fed = product.inputs.find(
    (candidate) =>
      candidate.dataset &&
      (candidate.dataset.name === start.table || historyTableName(candidate.dataset) === start.table),
  );
  if (fed?.dataset) return latestIn(fed.source.log, pickedFields(start.row, fed.dataset.key), fed.dataset.name);
  const output = product.outputs.find((candidate) => candidate.dataset.name === start.table);
  if (output) return latestIn(output.log.log, pickedFields(start.row, output.dataset.key), start.table);
  return fail(`'${start.table}' is not published: trace one of its inputs instead`);
}

/**
 * Why no record on `log` has the key of a row of `holder` (in `nodeId`, named `name`): retention
 * dropped it, it is not on the log yet (on an outbox topic: or no write of the row published an
 * event), or no row had that key in this run.
 */
function noRecordText(
  query: RunQuery,
  log: BrokerLog,
  key: Record<string, unknown>,
  holder: { nodeId: string; table: string; name: string },
  isOutbox = false,
): string {
  const what = `this ${holder.name} row`;
  const kept = keptRecords(query, log);
  if (!kept.ok || (kept.value.hasLost && !log.isCompacted)) {
    return `no record of ${what} on '${log.name}' (retention may have dropped it)`;
  }
  // Kafka keeps a compacted topic's latest record per key forever; the simulation only a window of records.
  if (kept.value.hasLost) {
    return `no record of ${what} on '${log.name}': the topic is compacted in Kafka, where its latest record for this key would still be there, but the simulation keeps only the last ${kept.value.kept} records of it; raise retention.records in the scenario, or trace a row changed more recently`;
  }
  const held = selectRows(
    query,
    holder.nodeId,
    `SELECT 1 FROM ${quoteIdentifier(holder.table)} WHERE ${whereSql(key)} LIMIT 1`,
  );
  if (held.length > 0 && isOutbox) {
    return `no event of ${what} on '${log.name}' yet: rows loaded before the run publish none, nor do writes the event's on and when leave out`;
  }
  if (held.length > 0) return `no record of ${what} on '${log.name}' yet`;
  const keyText = Object.entries(key).map(([name, value]) => `${name} ${exactJsonText(value)}`);
  return `no row of ${holder.name} has ${keyText.join(' and ')} in this run`;
}

/**
 * A service write and everything it sent, a branch per topic it reached (the record traced
 * first, then the same write's CDC record or outbox events), each followed to its consumers. The
 * write is told from its CDC record where it has one, which says what changed.
 */
function writeStages(plan: PipelinePlan, run: TracedRun, topic: SourceTopic, record: LogRecord): TraceStage[] {
  const { query } = run;
  const branches = branchesOfWrite(plan, query, topic, record);
  const told = branches.find((branch) => !isOutboxTopic(branch.topic)) ?? { topic, record };
  const [write, row] = sourceStages(query, told.topic, told.record);
  const isBranching = branches.length > 1;
  const stages = [
    isBranching ? { ...write, note: [branchingNote(branches), write.note].filter(Boolean).join(' ') } : write,
    row,
    ...branches.flatMap((branch) => {
      const followed = [publishedStage(query, branch.topic, branch.record)];
      createWalker(plan, run, followed, keyChangeOf(branch.record, branch.topic.log)).followConsumers(
        branch.topic.log,
        branch.record,
        new Set([branch.topic.log.table]),
      );
      if (!isBranching) return followed;
      const labelled = traceBranch(branch.topic);
      return followed.map((stage) => ({ ...stage, branch: labelled }));
    }),
  ];
  return faultMadeStages(plan, run.firedFaults(), told, stages);
}

/** What the write's stage says of a write that went several ways, in the order the trace follows them. */
function branchingNote(branches: readonly WriteBranch[]): string {
  const events = branches.flatMap((branch) => (isOutboxTopic(branch.topic) ? [branch.topic.event.name] : []));
  const phrase = ({ topic }: WriteBranch) =>
    isOutboxTopic(topic) ? `the ${topic.event.name} event` : `the CDC record on ${topic.topic.name}`;
  const each = branches.length === 2 ? 'both' : `all ${branches.length}`;
  return `One transaction: this write also put ${events.join(' and ')} into the service’s outbox. The trace follows ${each}: ${branches.map(phrase).join(', then ')}.`;
}

function traceBranch(topic: SourceTopic): TraceBranch {
  return isOutboxTopic(topic)
    ? { kind: 'outbox', label: `Outbox event: ${topic.event.name}`, log: topic.log.table }
    : { kind: 'cdc', label: `CDC: ${topic.topic.name}`, log: topic.log.table };
}

/** The service's write as the record on `topic` tells it, and its row as the table holds it now. */
function sourceStages(query: RunQuery, topic: SourceTopic, record: LogRecord): [TraceStage, TraceStage] {
  const systemId = ownerOf(topic.log);
  const table = topic.table.name;
  const fields = storedFieldsOf(record, topic.log);
  const key = pickedFields(fields, topic.table.primaryKey);
  const truncate = isTruncate(record);
  const current = truncate
    ? []
    : selectRows(query, systemId, `SELECT * FROM ${quoteIdentifier(table)} WHERE ${whereSql(key)}`);
  const moved =
    current.length === 0
      ? (underNewKey(query, systemId, table, topic.table.primaryKey, keyChangeOf(record, topic.log), key) ??
        movedSince(query, systemId, table, topic.table.primaryKey, key, {
          log: topic.log,
          later: laterKeyChange(query, topic.log, record, key),
        }))
      : undefined;
  const tableRow: TraceStage = {
    kind: 'table-row',
    title: truncate ? `The ${table} table in the service's database` : `The ${table} row in the service's database`,
    nodeId: systemId,
    source: table,
    records: current,
    moment: READ_NOW,
    ...(truncate
      ? {
          note: `The table was emptied: TRUNCATE removed every row at once. ${rowsSinceText(countRows(query, systemId, table))}`,
        }
      : (moved ??
        (current.length === 0
          ? { note: goneRowNote(query, topic.log, record, key) }
          : changedAgainNote(query, topic, record, key)))),
  };
  if (isOutboxTopic(topic)) {
    const occurredAt = topic.fields.find((field) => field.source === 'occurred-at')?.column.name;
    const time = occurredAt && typeof fields[occurredAt] === 'string' ? fields[occurredAt] : isoTime(record.timestamp);
    const columns = topic.table.columns.map((column) => column.name);
    const uncarried = columns.filter((name) => !(name in fields));
    return [
      {
        kind: 'service-write',
        title: `The service writes ${table} and its outbox, at ${time}`,
        nodeId: systemId,
        source: table,
        moment: recorded(`Written at ${time}`),
        records: [
          pickedFields(
            fields,
            columns.filter((name) => name in fields),
          ),
        ],
        // The outbox keeps only the event's fields: the write's other values are nowhere but in the row.
        ...(uncarried.length > 0 && {
          note: `The ${topic.event.name} event carries only these columns of the write: ${uncarried.join(', ')} ${uncarried.length === 1 ? 'is' : 'are'} not in it. The ${table} row, next, shows ${uncarried.length === 1 ? 'it' : 'them'} as the table holds ${uncarried.length === 1 ? 'it' : 'them'} now.`,
        }),
      },
      tableRow,
    ];
  }
  const envelope = changeImages(record.value);
  const op = envelope?.op ?? 'd';
  // When the service wrote it: the record's own ts_ms is when the connector processed it, later.
  const writtenAt = envelope?.source.ts_ms;
  const time = isoTime(typeof writtenAt === 'number' ? writtenAt : record.timestamp);
  const keyChange = keyChangeOf(record, topic.log);
  const write = keyChange
    ? `UPDATE ${table}, its key ${exactJsonText(keyChange.from)} becoming ${exactJsonText(keyChange.to)}`
    : {
        c: `INSERT INTO ${table}`,
        r: `Row of ${table} captured by the snapshot`,
        u: `UPDATE ${table}`,
        d: `DELETE FROM ${table}`,
        t: `TRUNCATE ${table}`,
      }[op];
  const keyWrite = keyChange && keyChangeWrite(query, topic, record, keyChange);
  const written = keyWrite?.row ?? writtenImage(envelope?.after ?? envelope?.before ?? fields, topic, envelope?.before);
  const changed = keyWrite
    ? keyWrite.changed
    : op === 'u' && envelope
      ? envelope.updated
        ? updatedFields(envelope)
        : changedFields(envelope.before && writtenImage(envelope.before, topic), written)
      : undefined;
  return [
    {
      kind: 'service-write',
      title: `${write ?? `${table} changed`}, at ${time}`,
      nodeId: systemId,
      source: table,
      records: truncate ? [] : [written],
      moment: recorded(`Written at ${time}`),
      ...(changed && { changed }),
      ...(keyWrite && { changedFrom: keyWrite.changedFrom }),
      ...withheldBeforeNote(topic.log.format, keyChange ? 'key change' : op),
    },
    tableRow,
  ];
}

/**
 * Why the row read now may hold other values than the traced write: a newer change of its key,
 * on the topic already, or (CDC) still in the service's change log, waiting out the connector's delay.
 */
function changedAgainNote(
  query: RunQuery,
  topic: SourceTopic,
  record: LogRecord,
  key: Record<string, unknown>,
): { note: string } | undefined {
  const newer = newerChangeOf(query, topic.log, record, key);
  if (newer) {
    return {
      note: `Changed again since: the newer change is at partition ${newer.partition}, offset ${newer.offset} of ${topic.topic.name}.`,
    };
  }
  if (isOutboxTopic(topic)) return undefined;
  // Compared by log records, not values: the table shows JSON and dates otherwise than a record does.
  const [pending] = selectRows(
    query,
    ownerOf(topic.log),
    `SELECT 1 FROM ${changeLog(topic)} AS pending, ${brokerTable(topic.log)} AS traced
WHERE traced._position = ${record.position} AND pending._key IS traced._key AND pending._lsn > traced._lsn LIMIT 1`,
  );
  return pending
    ? {
        note: `Changed again since: the newer change is still in the connector, not yet on ${topic.topic.name}: it arrives after the connector’s delay.`,
      }
    : undefined;
}

/** What a record under REPLICA IDENTITY DEFAULT leaves out of the write, so its stage does not read as a write that changed nothing. */
function withheldBeforeNote(format: LogFormat, op: string): Pick<TraceStage, 'note'> {
  const isOldKeyOnly = format.kind === 'cdc' && format.beforeImage === 'old-key';
  const note = !isOldKeyOnly ? undefined : op === 'key change' ? WITHHELD_KEY_CHANGE_TEXT : withheldBeforeText(op);
  return note ? { note } : {};
}

/** The record the write sent to `topic`: its Debezium change record, or its outbox event. */
function publishedStage(query: RunQuery, topic: SourceTopic, record: LogRecord): TraceStage {
  const systemId = ownerOf(topic.log);
  const place = `partition ${record.partition}, offset ${record.offset}`;
  const base = {
    nodeId: systemId,
    portId: topic.topic.id,
    source: topic.topic.name,
    message: record,
    log: topic.log.table,
    moment: publishedAt(record),
  };
  if (isOutboxTopic(topic)) {
    return {
      ...base,
      kind: 'outbox-event',
      title: `${topic.event.name} on ${topic.topic.name}, ${place}`,
      records: [fieldsOf(record, topic.log.format)],
    };
  }
  return {
    ...base,
    kind: 'cdc-record',
    title: `Debezium record on ${topic.topic.name}, ${place}`,
    records: [(record.value as Record<string, unknown> | null) ?? {}],
    ...(hasLeftLog(query, topic.log, record)
      ? {
          note: `${topic.log.isCompacted ? 'The topic has removed this record since (past retention, a compacted topic keeps only records some consumer has not read, the latest of each key)' : 'Retention has removed this record from the topic since'}: it is shown as the trace first read it.`,
        }
      : (sentBefore(record) ?? sentSince(query, topic.log, record))),
  };
}

/** A note on a first delivery the connector sent again since: where, and why the trace follows this one. */
function sentSince(query: RunQuery, log: BrokerLog, record: LogRecord): { note: string } | undefined {
  const copies = copiesOf(query, log, record);
  if (!copies.ok || copies.value.length === 0) return undefined;
  const offsets = copies.value.map((copy) => copy.offset).join(', ');
  return {
    note: `Sent again since, at offset${copies.value.length === 1 ? '' : 's'} ${offsets} of partition ${record.partition}: each consumer skips a copy as a duplicate, so the trace follows this first delivery.`,
  };
}

function hasLeftLog(query: RunQuery, log: BrokerLog, record: LogRecord): boolean {
  const read = recordAt(query, log, record.position);
  return read.ok && read.value === undefined;
}

/** A note on a record the connector sent again: where it sent the same change first. */
function sentBefore(record: LogRecord): { note: string } | undefined {
  return record.firstDelivery
    ? {
        note: `Sent again: the connector sent this change before, at partition ${record.partition}, offset ${record.firstDelivery.offset} (at-least-once delivery).`,
      }
    : undefined;
}

/** How a note on a moved key says where the change is, and what became of a row missing under the new key. */
interface MovedKeyWording {
  since?: string;
  absent?: string;
}

/**
 * For the old key of a key change (its `d` record, which names the new key), the row `table` holds
 * under the new key now, and a note saying the key moved: no row has the old key, yet none was deleted.
 */
function underNewKey(
  query: RunQuery,
  nodeId: string,
  table: string,
  keyColumns: readonly string[],
  change: KeyChange | undefined,
  key: Record<string, unknown>,
  { since = '', absent = 'that row was deleted since' }: MovedKeyWording = {},
): { records: Record<string, unknown>[]; note: string } | undefined {
  const newKey = newKeyOf(change, keyColumns, key);
  if (!newKey) return undefined;
  const records = selectRows(query, nodeId, `SELECT * FROM ${quoteIdentifier(table)} WHERE ${whereSql(newKey)}`);
  const moved = `No row has ${exactJsonText(key)} now: its key became ${exactJsonText(newKey)}${since}`;
  return {
    records,
    note: records.length > 0 ? `${moved}; this is the row under its new key.` : `${moved}, and ${absent}.`,
  };
}

/** A later change that moved a key: its record on the log read, and the key change it made. */
interface LaterKeyChange {
  record: LogRecord;
  change: KeyChange;
}

/**
 * The change that moved `key` after `record`, when the key's newest record on `log` is the old
 * key's delete of a key change. A port's delete carries no header naming the new key: `carried`
 * is the key change the stages upstream learnt, which such a delete stands for.
 */
function laterKeyChange(
  query: RunQuery,
  log: BrokerLog,
  record: LogRecord,
  key: Record<string, unknown>,
  carried?: KeyChange,
): LaterKeyChange | undefined {
  const read = recordsWithFields(query, log, key, { order: 'newest', isFirstDelivery: true });
  const [newest] = read.ok ? read.value : [];
  if (!newest || newest.position <= record.position) return undefined;
  const change = keyChangeOf(newest, log) ?? (newest.value === null ? carried : undefined);
  return change && { record: newest, change };
}

/**
 * For a key a later UPDATE moved (`later`, read on `log`), the row `table` holds under the new
 * key, and where that change is.
 */
function movedSince(
  query: RunQuery,
  nodeId: string,
  table: string,
  keyColumns: readonly string[],
  key: Record<string, unknown>,
  moved: { log: BrokerLog; later: LaterKeyChange | undefined },
  wording: Pick<MovedKeyWording, 'absent'> = {},
): { records: Record<string, unknown>[]; note: string } | undefined {
  if (!moved.later) return undefined;
  const { record, change } = moved.later;
  const since = ` since, by the change at partition ${record.partition}, offset ${record.offset} of ${moved.log.name}`;
  return underNewKey(query, nodeId, table, keyColumns, change, key, { ...wording, since });
}

/** The record a consumer read, and the key change it made (told by its headers, or by the traced record upstream). */
interface ReadRecord {
  log: BrokerLog;
  record: LogRecord;
  keyChange: KeyChange | undefined;
  /** A later change that moved the record's key, which the consumer's port passes on as a plain delete. */
  movedLater: LaterKeyChange | undefined;
}

/** The new key of a row the traced change moved, and the port's record of it published with the old key's delete. */
interface MovedKey {
  newKey: Record<string, unknown>;
  record?: LogRecord;
}

/** The change a port's stage is about: the table's row as read now, if any, and whether it deleted the key. */
interface PortChange {
  rowNow?: Record<string, unknown>;
  isDelete?: boolean;
  /** When the port's product read the change (epoch milliseconds): what it published for it, it published then. */
  readAt?: number;
  /** A later key change of the row, which the port publishes as a delete with no header: its consumers learn it from here. */
  movedLater?: KeyChange;
  /** The row as the change left it, where the stage follows one change (not a result read now). */
  image?: Record<string, unknown>;
}

/**
 * The port's record for one change of `key` among those its product published in the tick it read
 * it (at `readAt`, tick `tick`): several changes of a key read in one tick each publish a record, so
 * the change's is the delete for a delete (`image` null), else the one whose values are the change's
 * `image`; none where the port quarantined a record of the key that tick and published none with
 * those values (the change's was quarantined); else the tick's first.
 */
function publishedForChange(
  query: RunQuery,
  product: ProductPlan,
  output: OutputPlan,
  key: Record<string, unknown>,
  at: { readAt: number; tick: number },
  image: Record<string, unknown> | null | undefined,
): LogRecord | undefined {
  const inTick = {
    order: 'oldest',
    fromTimestamp: at.readAt,
    toTimestamp: at.readAt,
    limit: MAX_RELATED_ROWS,
  } as const;
  const read = (fields: Record<string, unknown>) => {
    const records = recordsWithFields(query, output.log.log, fields, inTick);
    return records.ok ? records.value : [];
  };
  const ofKey = read(key);
  if (image === null) return ofKey.find((record) => record.value === null) ?? ofKey[0];
  if (image === undefined) return ofKey[0];
  const columns = output.log.log.format.columns.map((column) => column.name);
  // SQLite compares the values, as the log holds them: 20 is 20.0, as the entity table had it.
  const withImage = read({ ...pickedFields(image, columns), ...key }).find((record) => record.value !== null);
  if (withImage) return withImage;
  const isQuarantinedThen =
    quarantineEntry(query, product.product.id, output.port.id, key, 'last', { from: at.tick, to: at.tick }) !==
    undefined;
  return isQuarantinedThen ? undefined : ofKey[0];
}

/** Ticks `from` to `to`, both included; without `from`, every tick up to `to`. */
interface TickSpan {
  from?: number;
  to: number;
}

/** The port's first or last quarantine entry for a key, of the ticks `span` if given. */
function quarantineEntry(
  query: RunQuery,
  productId: string,
  portId: string,
  key: Record<string, unknown>,
  which: 'first' | 'last',
  span?: TickSpan,
): Record<string, unknown> | undefined {
  const isKey =
    Object.entries(key)
      .map(([name, value]) => `json_extract(record, ${sqlLiteral(`$.${name}`)}) IS ${sqlLiteral(value)}`)
      .join(' AND ') || '0';
  const inSpan = [
    span?.from === undefined ? '' : ` AND tick >= ${span.from}`,
    span === undefined ? '' : ` AND tick <= ${span.to}`,
  ].join('');
  return selectRows(
    query,
    productId,
    `SELECT tick, rule, property, message, record FROM ${QUARANTINE_TABLE} WHERE port = ${sqlLiteral(portId)} AND ${isKey}${inSpan} ORDER BY id ${which === 'first' ? 'ASC' : 'DESC'} LIMIT 1`,
  )[0];
}

/** The port's newest record for a key, of those published up to `until` (epoch milliseconds) if given. */
function lastPublished(
  query: RunQuery,
  output: OutputPlan,
  key: Record<string, unknown>,
  until?: number,
): LogRecord | undefined {
  const read = recordsWithFields(query, output.log.log, key, { order: 'newest', limit: 1, toTimestamp: until });
  return read.ok ? read.value[0] : undefined;
}

/** The port's first record for a key published after `millis`: a later change's, not the one traced. */
function publishedAfter(
  query: RunQuery,
  output: OutputPlan,
  key: Record<string, unknown>,
  millis: number | undefined,
): LogRecord | undefined {
  if (millis === undefined) return undefined;
  const read = recordsWithFields(query, output.log.log, key, { order: 'oldest', limit: 1, fromTimestamp: millis + 1 });
  return read.ok ? read.value[0] : undefined;
}

/**
 * Why a port published no delete for a key whose change it quarantined: its consumers hold nothing
 * of the key, which was never published (its create was quarantined) or whose last record, up to
 * the delete reaching the port (`readAt`), is a delete.
 */
function withheldDeleteNote(
  query: RunQuery,
  productId: string,
  output: OutputPlan,
  key: Record<string, unknown>,
  last: Record<string, unknown>,
  readAt: number | undefined,
): string {
  const broke = (entry: Record<string, unknown>) =>
    `at tick ${entry.tick}, ${entry.rule}${entry.property === null ? '' : ` on ${entry.property}`}`;
  if (!lastPublished(query, output, key, readAt)) {
    const first = quarantineEntry(query, productId, output.port.id, key, 'first') ?? last;
    return `Not published: the key was never published (its create was quarantined ${broke(first)}), so the port has no delete to publish for it.`;
  }
  return `Not published: the port's last record for this key is already a delete (what came after it was quarantined, the last ${broke(last)}), so the port has no delete to publish for it.`;
}

/**
 * Walks a record's consumers down the mesh, pushing their stages. `tracedKeyChange` is the key
 * change the traced record made: ports publish it as a plain delete of the old key and a record of
 * the new one, with no header left to tell it by, so their consumers' stages learn it from here.
 */
function createWalker(plan: PipelinePlan, run: TracedRun, stages: TraceStage[], tracedKeyChange?: KeyChange) {
  const { query } = run;
  const contractName = (output: OutputPlan) => {
    const { contract } = output.governing;
    return `${contract.name} ${contract.version}`;
  };

  /** For a port's delete of the key the traced change moved, the port's record of the new key, published with it. */
  const movedKeyRecord = (output: OutputPlan, published: LogRecord): MovedKey | undefined => {
    if (published.value !== null) return undefined;
    const newKey = newKeyOf(tracedKeyChange, output.dataset.key, keyOf(published));
    if (!newKey) return undefined;
    const read = recordsWithFields(query, output.log.log, newKey, {
      order: 'oldest',
      fromTimestamp: published.timestamp,
      toTimestamp: published.timestamp,
    });
    return { newKey, record: read.ok ? read.value[0] : undefined };
  };

  const walker = {
    /** The row `table` holds now under the new key of a key the read record (or a later change) moved, and a note saying so. */
    movedRow(
      nodeId: string,
      table: string,
      keyColumns: readonly string[],
      key: Record<string, unknown>,
      read: ReadRecord,
      wording: Pick<MovedKeyWording, 'absent'> = {},
    ): { records: Record<string, unknown>[]; note: string } | undefined {
      return (
        underNewKey(query, nodeId, table, keyColumns, read.keyChange, key, wording) ??
        movedSince(query, nodeId, table, keyColumns, key, { log: read.log, later: read.movedLater }, wording)
      );
    },

    /** The port's record of this change (or its quarantine entry), with what the contract check said. */
    portStage(
      product: ProductPlan,
      output: OutputPlan,
      record: LogRecord | undefined,
      fields?: Record<string, unknown>,
      change: PortChange = {},
    ): TraceStage {
      const productId = product.product.id;
      const base = {
        kind: 'output-port' as const,
        title: `Output port ${output.port.name}, checked against contract ${contractName(output)}`,
        nodeId: productId,
        portId: output.port.id,
        source: output.log.log.name,
      };
      if (record)
        return {
          ...base,
          records: [fieldsOf(record)],
          message: record,
          log: output.log.log.table,
          moment: publishedAt(record),
          check: { passed: true, contract: contractName(output) },
          ...publishedRecordNote(record, output.dataset.name, change.rowNow, movedKeyRecord(output, record)),
        };
      const key = pickedFields(fields ?? {}, output.dataset.key);
      const readTick = change.readAt === undefined ? undefined : run.tickAt(change.readAt);
      // A delete carries no values to check: the port withheld it for the key's changes it quarantined up to then.
      const span = readTick === undefined ? undefined : { from: change.isDelete ? undefined : readTick, to: readTick };
      const quarantined = quarantineEntry(query, productId, output.port.id, key, 'last', span);
      if (quarantined) {
        const keyCheckOf = isResultKeyCheckEntry(quarantined, output.dataset.key)
          ? product.transformations.find((step) => step.dataset?.name === output.dataset.name)?.transformation.name
          : undefined;
        return {
          ...base,
          records: [parseExactJson(String(quarantined.record)) as Record<string, unknown>],
          moment: recorded(
            `Quarantined at tick ${quarantined.tick}${keyCheckOf ? ` by ${keyCheckOf}'s key check` : ''}`,
          ),
          check: {
            passed: false,
            contract: contractName(output),
            rule: String(quarantined.rule),
            property: quarantined.property === null ? null : String(quarantined.property),
            message: String(quarantined.message),
            ...(keyCheckOf && { keyCheckOf }),
          },
          ...(change.isDelete && {
            note: withheldDeleteNote(query, productId, output, key, quarantined, change.readAt),
          }),
        };
      }
      const standing = lastPublished(query, output, key, change.readAt);
      // A record published after the tick the change reached the port is a later change's, not this one's.
      const later = publishedAfter(query, output, key, change.readAt);
      const reached = `Nothing published for this key when the change reached the port at tick ${run.tickAt(change.readAt ?? 0)}`;
      const laterText = (again: string) =>
        later && `The port published for this key${again} at tick ${run.tickAt(later.timestamp)}, for later changes.`;
      if (standing) {
        const publishedTime = isoTime(standing.timestamp);
        const what = `the ${standing.value === null ? 'delete' : 'record'} the port published at tick ${run.tickAt(standing.timestamp)} (${publishedTime})`;
        // A later change moved the table on: name what the stage above (read now) shows otherwise.
        const difference = later && differenceFromNow(standing, output.dataset.name, change.rowNow);
        return {
          ...base,
          records: [fieldsOf(standing)],
          message: standing,
          log: output.log.log.table,
          moment: recorded(`Published before the change, at ${publishedTime}`),
          note: later
            ? `${reached}, as it left the published table as it was: ${what} stood then${difference ? `, with ${difference}` : ''}. ${laterText(' again')}`
            : `Nothing published for this key since the change, which left the published table as it was: ${what} still stands.`,
        };
      }
      return {
        ...base,
        records: [],
        moment: READ_NOW,
        note: later
          ? `${reached}: the change left the published table as it was. ${laterText(' first')}`
          : 'Nothing published for this key yet: the change left the published table as it was.',
      };
    },

    /**
     * A truncate reaches a port as a delete per key its table held, published in the tick the
     * consumer applied it: those deletes (the first few, and how many), then the consumers of the first.
     */
    publishTruncate(product: ProductPlan, table: string, since: number, visited: Set<string>): void {
      for (const output of product.outputs.filter((candidate) => candidate.dataset.name === table)) {
        const log = output.log.log;
        const read = firstDeletesFrom(query, log, since, MAX_RELATED_ROWS);
        const { records, total, isCutByRetention } = read.ok
          ? read.value
          : { records: [], total: 0, isCutByRetention: false };
        const [first] = records;
        stages.push({
          kind: 'output-port',
          title: `Output port ${output.port.name}, checked against contract ${contractName(output)}`,
          nodeId: product.product.id,
          portId: output.port.id,
          source: log.name,
          records: records.map((record) => keyOf(record)),
          moment: first ? publishedAt(first) : READ_NOW,
          note: first
            ? `${total} delete ${total === 1 ? 'record' : 'records'} published at ${isoTime(first.timestamp)}, one per key the table held${total > records.length ? ` (the first ${records.length} shown)` : ''}${isCutByRetention ? '; the log starts with them: retention may have removed earlier ones' : ''}; the stages after follow the first, ${exactJsonText(keyOf(first))}.`
            : 'Nothing published: the table held no rows to delete.',
        });
        if (first && !visited.has(log.table)) walker.followConsumers(log, first, new Set([...visited, log.table]));
      }
    },

    /** `movedLater`: a later key change upstream learnt, which a port's delete of the old key does not name. */
    followConsumers(log: BrokerLog, record: LogRecord, visited: Set<string>, movedLater?: KeyChange): void {
      for (const product of plan.products) {
        for (const input of product.inputs.filter((candidate) => candidate.source.log.table === log.table)) {
          const productId = product.product.id;
          const raw = selectRows(
            query,
            productId,
            `SELECT * FROM ${quoteIdentifier(input.rawTable)} WHERE _position = ${record.position}`,
          );
          const hasLeft = raw.length === 0 && hasLeftLog(query, log, record);
          const cause = hasLeft ? run.unreadCause(productId, input.port.id, record.position) : undefined;
          const deleteKeeps = raw.length > 0 ? valuesKeptBesideDelete(log, record) : [];
          stages.push({
            kind: 'raw',
            title: cause
              ? `${product.product.name} never read it through ${input.port.name}: ${cause === 'retention' ? 'lost to retention' : 'compacted away'}`
              : `${product.product.name} reads it through ${input.port.name} into ${input.rawTable}`,
            nodeId: productId,
            portId: input.port.id,
            linkId: input.linkId,
            source: input.rawTable,
            records: raw.map((row) => omit(row, deleteKeeps)),
            epochMillisColumns: epochMillisColumns(log.format),
            moment: cause
              ? publishedAt(record)
              : recorded(`Read from the log: the record published at ${isoTime(record.timestamp)}`),
            ...(deleteKeeps.length > 0 && {
              note: `A delete (value null): the record carries only its key. The raw zone's row also keeps the values the port last published for the key (${deleteKeeps.join(', ')}), from the port's log, not from the record; they are left out here.`,
            }),
            ...(raw.length === 0 && {
              note: unreadNote(product, input, log, {
                cause,
                hasLeftLog: hasLeft,
                offlineUntil: offlineBackAt(
                  run.firedFaults().map(({ fault }) => fault),
                  productId,
                  run.tick,
                ),
              }),
            }),
          });
          const [rawRow] = raw;
          // A consumer behind its log reads the record, and publishes what it changed, ticks after it was sent.
          const readAt = run.readTime(productId, input.port.id, record.position) ?? record.timestamp;
          if (cause && input.dataset) {
            stages.push(walker.unchangedByUnread(product, input.dataset, log, record, cause));
          }
          if (!rawRow || !input.dataset) continue;
          const dataset = input.dataset;
          const skipped = dataset.tracksSourcePositions
            ? skippedChange(query, productId, input.rawTable, dataset, rawRow)
            : undefined;
          if (rawRow._op === 't') {
            walker.followTruncate(product, input.port.id, dataset, rawRow, readAt, skipped, visited);
            continue;
          }
          const fields = fieldsRead(record, log, rawRow);
          const key = pickedFields(fields, dataset.key);
          const clean = selectRows(
            query,
            productId,
            `SELECT * FROM ${quoteIdentifier(dataset.name)} WHERE ${whereSql(key)}`,
          );
          const read: ReadRecord = {
            log,
            record,
            keyChange: keyChangeOf(record, log) ?? tracedKeyChange,
            movedLater: laterKeyChange(query, log, record, key, movedLater),
          };
          const moved =
            clean.length === 0 && dataset.kind === 'entity'
              ? walker.movedRow(productId, dataset.name, dataset.key, key, read)
              : undefined;
          const lacking =
            log.format.kind === 'cdc'
              ? lackedColumns(dataset, log.format, rawRow._op, rawRow._renamed_images)
              : undefined;
          stages.push({
            kind: 'clean',
            title: `${dataset.kind === 'event' ? 'Event' : 'Entity'} table ${dataset.name}`,
            nodeId: productId,
            source: dataset.name,
            records: clean,
            moment: READ_NOW,
            ...(skipped
              ? { note: skipped }
              : (moved ??
                (clean.length === 0
                  ? { note: cleanRowMissing(dataset.kind, () => goneRowNote(query, log, record, key)) }
                  : lacking && { note: lackedNote(lacking) }))),
          });
          // A skipped change changed nothing: no history, no record published, no result recomputed.
          if (skipped) continue;
          if (dataset.keepsHistory) {
            const history = historyTableName(dataset);
            const versionColumns = datasetHistoryColumns(dataset);
            stages.push({
              kind: 'history',
              title: `History of the entity in ${history} (${versionColumns.validFrom}, ${versionColumns.validTo})`,
              nodeId: productId,
              source: history,
              moment: READ_NOW,
              versionColumns,
              records: selectRows(
                query,
                productId,
                `SELECT * FROM ${quoteIdentifier(history)} WHERE ${whereSql(key)} ORDER BY ${quoteIdentifier(versionColumns.validFrom)} LIMIT ${MAX_HISTORY_VERSIONS}`,
              ),
            });
          }
          walker.publish(product, dataset.name, fields, readAt, visited, {
            isDelete: rawRow._op === 'd' || rawRow._op === 'delete',
            movedLater: read.movedLater?.change,
            image: fields,
          });
          walker.transformations(product, input.port.id, fields, readAt, visited, read);
        }
      }
    },

    /** A consumer's table as it is now, which a record retention or compaction removed before it was read never changed. */
    unchangedByUnread(
      product: ProductPlan,
      dataset: Dataset,
      log: BrokerLog,
      record: LogRecord,
      cause: UnreadCause,
    ): TraceStage {
      const productId = product.product.id;
      const base = {
        kind: 'clean' as const,
        title: `${dataset.kind === 'event' ? 'Event' : 'Entity'} table ${dataset.name}`,
        nodeId: productId,
        source: dataset.name,
        moment: READ_NOW,
      };
      if (isTruncate(record)) {
        const count = countRows(query, productId, dataset.name);
        return {
          ...base,
          records: [],
          note:
            cause === 'retention'
              ? `Never emptied by this truncate, which was lost: it holds ${count} ${count === 1 ? 'row' : 'rows'} now, rows the truncate removed at the source among them.`
              : `Never emptied by this truncate, which compaction removed: a later truncate emptied it. It holds ${count} ${count === 1 ? 'row' : 'rows'} now.`,
        };
      }
      const key = pickedFields(storedFieldsOf(record, log), dataset.key);
      const rows = selectRows(
        query,
        productId,
        `SELECT * FROM ${quoteIdentifier(dataset.name)} WHERE ${whereSql(key)}`,
      );
      return {
        ...base,
        records: rows,
        note:
          cause === 'retention'
            ? `Never changed by this record, which was lost: ${rows.length > 0 ? 'the row is as the changes it did read left it.' : 'it holds no row for this key.'}`
            : `Never changed by this record, which compaction removed: ${rows.length > 0 ? 'the row is as the later record of its key left it.' : 'the later record of its key deleted it.'}`,
      };
    },

    /** A truncate a consumer read: its entity emptied, the history versions it closed, the deletes it published. */
    followTruncate(
      product: ProductPlan,
      inputPortId: string,
      dataset: Dataset,
      rawRow: Record<string, unknown>,
      readAt: number,
      skipped: string | undefined,
      visited: Set<string>,
    ): void {
      const productId = product.product.id;
      stages.push({
        kind: 'clean',
        title: `Entity table ${dataset.name}`,
        nodeId: productId,
        source: dataset.name,
        records: [],
        moment: READ_NOW,
        note:
          skipped ??
          `The table was emptied: this truncate deleted every row at once. ${rowsSinceText(countRows(query, productId, dataset.name))}`,
      });
      if (skipped) return;
      if (dataset.keepsHistory) {
        const history = historyTableName(dataset);
        const versionColumns = datasetHistoryColumns(dataset);
        const [validFrom, validTo, isCurrent] = historyColumnNames(versionColumns).map(quoteIdentifier);
        // A truncate ends every current version at its own time: the versions ended then are the ones it closed.
        const closedAt = isoTime(Number(rawRow._source_ts));
        // ...less those an update at the same time closed, each followed by its next version.
        const closedWhere = `closed.${isCurrent} = 0 AND closed.${validTo} = ${sqlLiteral(closedAt)} AND NOT EXISTS (SELECT 1 FROM ${quoteIdentifier(history)} AS next
WHERE ${dataset.key.map((name) => `next.${quoteIdentifier(name)} IS closed.${quoteIdentifier(name)}`).join(' AND ')} AND next.${validFrom} = closed.${validTo})`;
        const closed = selectRows(
          query,
          productId,
          `SELECT * FROM ${quoteIdentifier(history)} AS closed WHERE ${closedWhere} ORDER BY ${dataset.key.map(quoteIdentifier).join(', ')} LIMIT ${MAX_HISTORY_VERSIONS}`,
        );
        const [counted] = selectRows(
          query,
          productId,
          `SELECT count(*) AS count FROM ${quoteIdentifier(history)} AS closed WHERE ${closedWhere}`,
        );
        const total = Number(counted?.count ?? 0);
        stages.push({
          kind: 'history',
          title: `History in ${history}: the ${total} ${total === 1 ? 'version' : 'versions'} this truncate closed at ${closedAt}`,
          nodeId: productId,
          source: history,
          records: closed,
          moment: READ_NOW,
          versionColumns,
          ...(total > closed.length && { note: `The first ${closed.length} of ${total} shown.` }),
          ...(total === 0 && { note: 'No current version to close: the table was empty.' }),
        });
      }
      walker.publishTruncate(product, dataset.name, readAt, visited);
      walker.transformations(product, inputPortId, {}, readAt, visited);
    },

    /**
     * Each output port publishing `table`: its record for these fields (a delete too) of the tick
     * its product read the change (`readAt`), then that record's consumers.
     */
    publish(
      product: ProductPlan,
      table: string,
      fields: Record<string, unknown>,
      readAt: number,
      visited: Set<string>,
      change: PortChange,
    ): void {
      for (const output of product.outputs.filter((candidate) => candidate.dataset.name === table)) {
        const key = pickedFields(fields, output.dataset.key);
        if (Object.keys(key).length < output.dataset.key.length) continue;
        const at = { readAt, tick: run.tickAt(readAt) };
        const published = publishedForChange(query, product, output, key, at, change.isDelete ? null : change.image);
        stages.push(walker.portStage(product, output, published, fields, { ...change, readAt }));
        if (published && !visited.has(output.log.log.table)) {
          walker.followConsumers(
            output.log.log,
            published,
            new Set([...visited, output.log.log.table]),
            change.movedLater,
          );
        }
      }
    },

    /**
     * Results of the steps that read the record's input, linked to the record by a column they
     * share (its key first); a step reading none of it has no share of the record.
     */
    transformations(
      product: ProductPlan,
      inputPortId: string,
      fields: Record<string, unknown>,
      readAt: number,
      visited: Set<string>,
      read?: ReadRecord,
    ): void {
      const productId = product.product.id;
      for (const step of product.transformations.filter((candidate) => candidate.inputPortIds.has(inputPortId))) {
        const table = step.transformation.name;
        const columns = columnsOf(query, productId, table);
        const key = step.dataset?.key ?? [];
        const { columns: carried = new Map<string, string>(), isRemoving = false } =
          step.carriedInputColumns.get(inputPortId) ?? {};
        const linking = resultLinkingColumns({ key, columns }, Object.keys(fields), carried);
        const base = { kind: 'transformation' as const, nodeId: productId, source: table, moment: READ_NOW };
        if (linking.length === 0) {
          const isTruncate = Object.keys(fields).length === 0;
          stages.push({
            ...base,
            title: `Transformation ${table}`,
            records: [],
            note: isTruncate
              ? `The truncate took every row of its table out of ${table}'s inputs. ${table} holds ${countRows(query, productId, table)} rows now.`
              : `No column of ${table} identifies this record, so its share of the result cannot be told apart.`,
          });
          continue;
        }
        const linkingKey = Object.fromEntries(
          linking.map((column) => [column, fields[linkedField(carried, column, Object.keys(fields)) ?? column]]),
        );
        const rows = selectRows(
          query,
          productId,
          `SELECT * FROM ${quoteIdentifier(table)} WHERE ${whereSql(linkingKey)} LIMIT ${MAX_RELATED_ROWS}`,
        );
        // A key change moves the row by its key alone: other ids it is linked by (`store_id`) stay as they were.
        const recordKeyColumns = read
          ? linking.filter((name) => (linkedField(carried, name, Object.keys(fields)) ?? name) in keyOf(read.record))
          : [];
        const moved =
          rows.length === 0 && read && recordKeyColumns.length > 0
            ? walker.movedRow(productId, table, recordKeyColumns, pickedFields(linkingKey, recordKeyColumns), read, {
                // A step's SQL may leave the row out (a filter, a join with no match): its absence is no delete.
                absent: `no row of ${table} has the new key now`,
              })
            : undefined;
        const missing = `No row of ${table} has this ${linking.join(', ')} now`;
        const byKey =
          rows.length === 0 && !moved
            ? rowsByKeyAlone(query, productId, table, linkingKey, recordKeyColumns)
            : undefined;
        const heldBack = heldBackRows(query, product, step, linkingKey);
        stages.push({
          ...base,
          title: `Transformation ${table}: rows with the same ${linking.join(', ')}`,
          records: byKey?.rows ?? (rows.length > 0 ? rows : (heldBack?.rows ?? [])),
          ...(moved ??
            (byKey && {
              note: `${missing}: its ${byKey.changed} changed since; ${byKey.rows.length === 1 ? 'this is its row' : 'these are its rows'} by ${recordKeyColumns.join(', ')}.`,
            }) ??
            (heldBack && { note: heldBackNote(table, linking, heldBack, rows.length > 0) }) ??
            (rows.length === 0 && {
              note: isRemoving ? removedNote(query, missing, product, step, inputPortId, linkingKey) : `${missing}.`,
            })),
        });
        const shownBy = byKey ? pickedFields(linkingKey, recordKeyColumns) : linkingKey;
        const copied = pickedFields(fields, columns);
        const first = rowPublishedAt(query, product, table, shownBy, copied, readAt) ?? (byKey?.rows ?? rows)[0];
        const [madeAndHeldBack] = heldBack?.rows ?? [];
        // Without a row now, the port's record for the key is the delete it published, unless the key check held the row back.
        walker.publish(product, table, first ?? madeAndHeldBack ?? linkingKey, readAt, visited, {
          rowNow: first,
          isDelete: first === undefined && madeAndHeldBack === undefined,
          movedLater: read?.movedLater?.change,
        });
      }
    },
  };
  return walker;
}

/**
 * Why a step whose EXCEPT reads the record's input has no row linked to the record (by `linkingKey`):
 * the record's row takes it out, or the rows before the EXCEPT never had one for it to take out.
 */
function removedNote(
  query: RunQuery,
  missing: string,
  product: ProductPlan,
  step: TransformationPlan,
  inputPortId: string,
  linkingKey: Record<string, unknown>,
): string {
  const input = product.inputs.find((candidate) => candidate.port.id === inputPortId);
  const row = input?.dataset ? `this ${input.dataset.name} row` : 'this record';
  const keptSide = beforeFirstExcept(step.transformation.sql);
  const found =
    keptSide === undefined
      ? undefined
      : query(product.product.id, `SELECT 1 FROM (${keptSide}) WHERE ${whereSql(linkingKey)} LIMIT 1`);
  // Where the rows before the EXCEPT cannot be read, the EXCEPT is the one reason the step's SQL gives.
  if (found?.ok && found.value.rows.length === 0) {
    return `${missing}, and none was there for its EXCEPT to take out: no row before the EXCEPT matches ${row}.`;
  }
  return `${missing}: its EXCEPT takes out the rows matching ${row}.`;
}

/**
 * The step's row linked by `linking` (its values by column) whose key a port of `table` published
 * in the tick the product read the change: where earlier changes made rows of their own with the
 * same ids (an event per change of a loan), that row is the change's, however many there are.
 * Where other changes read in that tick made rows too, the change's is the one holding the values
 * the step copied from it (`copied`, the change's values under the step's column names); else the first.
 */
function rowPublishedAt(
  query: RunQuery,
  product: ProductPlan,
  table: string,
  linking: Record<string, unknown>,
  copied: Record<string, unknown>,
  readAt: number,
): Record<string, unknown> | undefined {
  const at = Math.floor(readAt);
  for (const output of product.outputs.filter((candidate) => candidate.dataset.name === table)) {
    if (output.dataset.key.length === 0) continue;
    const sameKey = output.dataset.key
      .map((name) => `published.${quoteIdentifier(name)} IS step_row.${quoteIdentifier(name)}`)
      .join(' AND ');
    const publishedRow = (values: Record<string, unknown>) =>
      selectRows(
        query,
        product.product.id,
        `SELECT step_row.* FROM ${quoteIdentifier(table)} AS step_row WHERE ${whereSql(values)} AND EXISTS (SELECT 1 FROM ${brokerTable(output.log.log)} AS published
WHERE ${sameKey} AND published._timestamp >= ${at} AND published._timestamp <= ${at}) LIMIT 1`,
      )[0];
    const row = publishedRow({ ...copied, ...linking }) ?? publishedRow(linking);
    if (row) return row;
  }
  return undefined;
}

/**
 * A step's rows holding the record's key (`keyColumns`) where none holds all the values linking it
 * to the record: the record's row whose other linking values (`field_id`) a later change set otherwise.
 */
function rowsByKeyAlone(
  query: RunQuery,
  nodeId: string,
  table: string,
  linkingKey: Record<string, unknown>,
  keyColumns: readonly string[],
): { rows: Record<string, unknown>[]; changed: string } | undefined {
  if (keyColumns.length === 0 || keyColumns.length === Object.keys(linkingKey).length) return undefined;
  const rows = selectRows(
    query,
    nodeId,
    `SELECT * FROM ${quoteIdentifier(table)} WHERE ${whereSql(pickedFields(linkingKey, keyColumns))} LIMIT ${MAX_RELATED_ROWS}`,
  );
  const changed = rows.length > 0 ? changedLinkingValues(linkingKey, keyColumns, rows) : undefined;
  return changed ? { rows, changed } : undefined;
}

/** Rows a step made that its key check holds back now, linked by `linkingKey`, and the quarantine entry of the newest. */
interface HeldBackRows {
  rows: Record<string, unknown>[];
  entry: Record<string, unknown> | undefined;
}

function heldBackRows(
  query: RunQuery,
  product: ProductPlan,
  step: TransformationPlan,
  linkingKey: Record<string, unknown>,
): HeldBackRows | undefined {
  const table = step.transformation.name;
  const output = product.outputs.find((candidate) => candidate.dataset.name === table);
  if (!output || output.dataset.key.length === 0) return undefined;
  const productId = product.product.id;
  const rows = selectRows(
    query,
    productId,
    `SELECT * FROM ${quoteIdentifier(heldBackTableName(table))} WHERE ${whereSql(linkingKey)} LIMIT ${MAX_RELATED_ROWS}`,
  );
  if (rows.length === 0) return undefined;
  return { rows, entry: quarantineEntry(query, productId, output.port.id, linkingKey, 'last') };
}

/** What a step's stage says of the rows it made with the record's values that its key check held back. */
function heldBackNote(table: string, linking: readonly string[], heldBack: HeldBackRows, hasKeptRows: boolean): string {
  const count = heldBack.rows.length;
  const quarantined = heldBack.entry ? `quarantined at tick ${heldBack.entry.tick}` : 'quarantined';
  if (hasKeptRows) {
    return `${table} also made ${count === 1 ? 'a row' : `${count} rows`} with this ${linking.join(', ')} that its key check held back (${quarantined}); these are the rows its table keeps.`;
  }
  return `${table} made ${count === 1 ? 'this row' : 'these rows'} from its inputs, and its key check held ${count === 1 ? 'it' : 'them'} back (${quarantined}), so its table has no row with this ${linking.join(', ')}.`;
}

/**
 * Why the consumer did not apply a CDC record, or undefined when it did: decided by the clean
 * step's own rule (`priorPositionSql`), then told by an earlier delivery of the same change, else
 * by the record that set the position to beat.
 */
function skippedChange(
  query: RunQuery,
  productId: string,
  rawTable: string,
  dataset: Dataset,
  rawRow: Record<string, unknown>,
): string | undefined {
  // A tombstone is no change: the clean step passes over it.
  if (rawRow._op === null) return undefined;
  const raw = quoteIdentifier(rawTable);
  const position = Number(rawRow._position);
  const sequence = Number(rawRow._sequence);
  const image = (name: string) =>
    `CASE WHEN _op = 'd' THEN ${quoteIdentifier(`before_${name}`)} ELSE ${quoteIdentifier(`after_${name}`)} END`;
  const [checked] = selectRows(
    query,
    productId,
    `SELECT _prior FROM (SELECT _position, ${priorPositionSql(dataset, image, '_sequence', truncateBeforeRawZoneSql(dataset, raw))} AS _prior
FROM ${raw} WHERE _op IS NOT NULL AND _position <= ${position}) WHERE _position = ${position}`,
  );
  const prior = Number(checked?._prior ?? -1);
  if (sequence > prior) return undefined;
  const ownImage = (name: string) => rawRow[`${rawRow._op === 'd' ? 'before' : 'after'}_${name}`];
  const sameKey = dataset.key
    .map((name) => {
      const value = ownImage(name);
      return value === null || value === undefined ? `${image(name)} IS NULL` : `${image(name)} = ${sqlLiteral(value)}`;
    })
    .join(' AND ');
  const [applied] = selectRows(
    query,
    productId,
    `SELECT _partition, _offset, _sequence, _op FROM ${raw} WHERE _position < ${position} AND _sequence IN (${sequence}, ${prior})
AND (_op = 't' OR (_op IS NOT NULL AND ${sameKey || '0'})) ORDER BY _sequence = ${sequence} DESC, _position LIMIT 1`,
  );
  // A truncate older than the raw zone is known only by its position.
  if (!applied) return 'Skipped: the table was truncated after this change, so it is not applied.';
  const at = `partition ${applied._partition}, offset ${applied._offset}`;
  if (Number(applied._sequence) === sequence)
    return `Skipped as a duplicate: the consumer had already applied this change (_sequence ${sequence}) from ${at}; a record sent again is not applied twice.`;
  if (applied._op === 't') return `Skipped: the table was truncated after this change (${at}), so it is not applied.`;
  return `Skipped as out of order: the consumer had already applied a newer change of this key (_sequence ${prior}, ${at}), so this older one (_sequence ${sequence}) is not applied.`;
}

/**
 * The columns a port's log keeps beside a delete although its record carries none of them (value
 * null, the key only): the non-key values the port last published for the key.
 */
function valuesKeptBesideDelete(log: BrokerLog, record: LogRecord): string[] {
  if (log.format.kind !== 'records' || record.value !== null) return [];
  const key = new Set(log.format.key);
  return log.format.columns.map((column) => column.name).filter((name) => !key.has(name));
}

function omit(fields: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

/**
 * The fields a consumer read from a record. A port's delete has no value, only its key, but its
 * row in the log (and so in the raw zone) keeps its before image: what the port last published for the key.
 */
function fieldsRead(record: LogRecord, log: BrokerLog, rawRow: Record<string, unknown>): Record<string, unknown> {
  if (log.format.kind !== 'records' || record.value !== null) return storedFieldsOf(record, log);
  return pickedFields(
    rawRow,
    log.format.columns.map((column) => column.name),
  );
}

/**
 * Why a consumer's raw zone has no row for a record: retention removed it from the log before the
 * consumer read it (lost), compaction did (a later record of its key replaced it), it still waits
 * in the log, or the consumer read it and its raw zone, which keeps as many records as the log,
 * has dropped it since.
 */
function unreadNote(
  product: ProductPlan,
  input: InputPlan,
  log: BrokerLog,
  unread: { cause: UnreadCause | undefined; hasLeftLog: boolean; offlineUntil: number | undefined },
): string {
  const changed = input.dataset ? input.dataset.name : 'its tables';
  if (unread.cause === 'retention') {
    return `Lost: retention removed it from ${log.name} before ${product.product.name} read it (counted in its lost records), so it never changed ${changed}.`;
  }
  if (unread.cause === 'compaction') {
    return `Compacted: compaction removed it from ${log.name} before ${product.product.name} read it, as a later record of its key replaced it (counted in its compacted records); ${product.product.name} reads that one instead.`;
  }
  if (!unread.hasLeftLog && unread.offlineUntil !== undefined) {
    return `Not consumed yet: ${product.product.name} is offline (a consumer-offline fault) until tick ${unread.offlineUntil}; the record waits in the log until then, unless retention removes it first.`;
  }
  if (!unread.hasLeftLog) return 'Not consumed yet: it waits in the log (consumer lag).';
  return 'Read, and dropped since: the raw zone, like the log, keeps only the newest records (retention).';
}

/**
 * What a port's record says beside the stage before it: a delete, or, where the table read now
 * has moved on since the record was published, which values differ.
 */
function publishedRecordNote(
  record: LogRecord,
  table: string,
  rowNow: Record<string, unknown> | undefined,
  moved?: MovedKey,
): { note: string } | undefined {
  if (record.value === null) {
    if (!moved) return { note: `A delete: ${table} no longer has this key, so the port published it with value null.` };
    const follow = moved.record
      ? `, at partition ${moved.record.partition}, offset ${moved.record.offset}`
      : ', which is no longer in its log';
    return {
      note: `A delete for the old key: its key became ${exactJsonText(moved.newKey)} in ${table}, so the port published this delete (value null) and the row under its new key${follow}.`,
    };
  }
  const difference = differenceFromNow(record, table, rowNow);
  if (!difference) return undefined;
  return { note: `Published when this change reached the port, with ${difference}: later changes reached it since.` };
}

/** Which values of a published record the table read now no longer has: `item_count 1; status_counts read now has item_count 2`. */
function differenceFromNow(record: LogRecord, table: string, rowNow: Record<string, unknown> | undefined) {
  if (record.value === null || !rowNow) return undefined;
  const published = record.value as Record<string, unknown>;
  const differing = changedFields(published, rowNow).filter((name) => name in published);
  if (differing.length === 0) return undefined;
  const values = (row: Record<string, unknown>) =>
    differing.map((name) => `${name} ${exactJsonText(row[name])}`).join(', ');
  return `${values(published)}; ${table} read now has ${values(rowNow)}`;
}

/** What a record that lacks columns of its clean table left there. */
function lackedNote({ lacked, unexpected }: LackedColumns): string {
  const columns = lacked.map((column) => lackedColumnText(column, unexpected)).join(', ');
  return `This record lacks ${columns}, which the table expects: the row holds NULL there, as no value is made up (counted among the run's problems at this input).`;
}

/** What a consumed record's clean table holds for its key when it holds no row. */
function cleanRowMissing(kind: DatasetKind, entityGoneNote: () => string): string {
  return kind === 'entity' ? entityGoneNote() : 'No event with this id in the table.';
}

function topicOf(plan: PipelinePlan, log: BrokerLog): SourceTopic | undefined {
  for (const system of plan.systems) {
    const topic = [...system.cdcTopics, ...system.outboxTopics].find((candidate) => candidate.log.table === log.table);
    if (topic) return topic;
  }
  return undefined;
}

function outputOf(plan: PipelinePlan, log: BrokerLog): { product: ProductPlan; output: OutputPlan } | undefined {
  for (const product of plan.products) {
    const output = product.outputs.find((candidate) => candidate.log.log.table === log.table);
    if (output) return { product, output };
  }
  return undefined;
}

function isoTime(millis: number): string {
  return new Date(millis).toISOString();
}

/** The fields a record carries as its tables hold them, which is how each hop of a trace finds its row. */
function storedFieldsOf(record: LogRecord, log: BrokerLog): Record<string, unknown> {
  return withWrittenTimes(fieldsOf(record, log.format), log.format);
}

/** A change record's or port record's key, by field; an outbox event's key is its aggregate id's text instead. */
function keyOf(record: LogRecord): Record<string, unknown> {
  return (record.key as Record<string, unknown> | null) ?? {};
}

function whereSql(values: Record<string, unknown>): string {
  const conditions = Object.entries(values).map(([name, value]) =>
    value === null ? `${quoteIdentifier(name)} IS NULL` : `${quoteIdentifier(name)} = ${sqlLiteral(value)}`,
  );
  return conditions.length > 0 ? conditions.join(' AND ') : '0';
}

function selectRows(query: RunQuery, nodeId: string, sql: string): Record<string, unknown>[] {
  const result = query(nodeId, sql);
  if (!result.ok) return [];
  const { columns, rows } = result.value;
  return rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
}

function columnsOf(query: RunQuery, nodeId: string, table: string): string[] {
  const result = query(nodeId, `SELECT * FROM ${quoteIdentifier(table)} LIMIT 0`);
  return result.ok ? result.value.columns : [];
}
