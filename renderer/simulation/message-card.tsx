import type { LogRecord } from '../../shared/simulation';
import { readTemporalValue } from '../../shared/simulation/debezium-temporal-values';
import { exactJsonText } from '../../shared/simulation/exact-json';
import { faultMadeRecordNote, nullFieldFaultOf } from '../../shared/simulation/fault-made-record';
import { recordFieldName } from '../../shared/simulation/log-format';
import {
  type ChangeImages,
  changeImages,
  DOCUMENT_ID,
  documentIdOf,
  recordShape,
  updatedFields,
} from '../../shared/simulation/record-shape';
import { resendKindOf } from '../../shared/simulation/resend-kind';
import type { SecondDecimals } from '../../shared/simulation/simulated-clock';
import type { ResentRecords } from '../../shared/simulation/simulation-metrics';
import type { TableColumn } from '../../shared/simulation/table-column';
import { changedFromText } from '../../shared/simulation/value-text';
import { withheldBeforeText } from '../../shared/simulation/withheld-before';
import { EncodedTemporal } from './encoded-temporal';
import { EpochMillis } from './epoch-millis';
import { formatValue } from './format-value';
import { useTimedFaults } from './run-faults';
import { simulatedTimeOfDay, useSecondDecimals } from './simulated-clock';
import { simulation } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

const NO_COLUMNS: readonly TableColumn[] = [];

const OPS: Record<string, string> = { c: 'create', u: 'update', d: 'delete', r: 'snapshot', t: 'truncate' };

/**
 * One record: key, partition and offset; a Debezium envelope as before/after with the changes
 * marked (a MongoDB record's document read from its `after` text).
 */
export function MessageCard({
  log,
  message,
  isTraceable = true,
  showsChangedFirst = false,
}: {
  log: string;
  message: LogRecord;
  isTraceable?: boolean;
  /** An update's changed fields lead its rows, as a stage that shows one record at a time wants. */
  showsChangedFirst?: boolean;
}) {
  const value = message.value;
  const envelope = changeImages(value);
  const op = envelope ? envelope.op : value === null ? 'tombstone' : 'record';
  const temporalColumns = useSimulationStore((state) => state.catalog?.logs[log]?.temporalColumns ?? NO_COLUMNS);
  const oldKeyOnlyBefore = useSimulationStore((state) => state.catalog?.logs[log]?.oldKeyOnlyBefore);
  const decimals = useSecondDecimals();
  return (
    <article className={`message-card message-card--${op}`} data-testid="message">
      <header className="message-card__header">
        <span className={`op op--${op}`}>{OPS[op] ?? op}</span>
        <code className="message-card__key" title="Key">
          {exactJsonText(message.key)}
        </code>
        <span className="message-card__place">
          partition {message.partition} · offset {message.offset}
        </span>
        <time>{simulatedTimeOfDay(message.timestamp, decimals)}</time>
        {envelope && (
          <span className="message-card__log-place" title="Where the change is in its database's log (source block)">
            {logPlace(envelope.source)}
          </span>
        )}
        {isTraceable && (
          <button
            type="button"
            className="link-button"
            onClick={() => void simulation.trace({ kind: 'record', log, position: message.position })}
          >
            Trace
          </button>
        )}
      </header>
      {message.firstDelivery && <SentAgain log={log} message={message} firstDelivery={message.firstDelivery} />}
      {envelope && <FaultMade log={log} message={message} />}
      {message.headers && <RecordHeaders headers={message.headers} />}
      {envelope ? (
        <EnvelopeDiff
          envelope={envelope}
          messageKey={message.key}
          temporalColumns={temporalColumns}
          showsChangedFirst={showsChangedFirst}
          oldKeyOnlyBefore={oldKeyOnlyBefore}
        />
      ) : (
        value !== null && <FieldTable record={value as Record<string, unknown>} />
      )}
      {(value !== null || message.headers) && (
        <details className="message-card__raw">
          <summary>JSON</summary>
          <pre>
            {exactJsonText({ key: message.key, ...(message.headers && { headers: message.headers }), value }, 2)}
          </pre>
        </details>
      )}
    </article>
  );
}

/** A record sent again, told by the fault that sent it (a redelivery, or an out-of-order burst) as the run recorded it. */
function SentAgain({
  log,
  message,
  firstDelivery,
}: {
  log: string;
  message: LogRecord;
  firstDelivery: NonNullable<LogRecord['firstDelivery']>;
}) {
  const resent = useSimulationStore((state) => state.metrics?.resent ?? NO_RESENDS);
  const decimals = useSecondDecimals();
  return (
    <p className="message-card__note message-card__resent" data-testid="message-resent">
      {sentAgainNote(firstDelivery, resendKindOf(log, message, resent), decimals)}
    </p>
  );
}

const NO_RESENDS: readonly ResentRecords[] = [];

/** A record a `null-field` fault made, told as such: it reads like any service change otherwise. */
function FaultMade({ log, message }: { log: string; message: LogRecord }) {
  const fault = nullFieldFaultOf(message, log, useTimedFaults());
  if (!fault) return null;
  return (
    <p className="message-card__note message-card__fault-made" data-testid="message-fault-made">
      {faultMadeRecordNote(fault, message)}
    </p>
  );
}

/** What a record sent again says, so it is not read as a second change: how it was sent again, where it was first sent, and when. */
export function sentAgainNote(
  firstDelivery: NonNullable<LogRecord['firstDelivery']>,
  kind?: ResentRecords['kind'],
  decimals: SecondDecimals = 0,
): string {
  const same = `the same record as offset ${firstDelivery.offset} of this partition, first sent at ${simulatedTimeOfDay(firstDelivery.timestamp, decimals)}.`;
  if (kind !== 'out-of-order') return `Sent again (redelivered): ${same}`;
  return `Re-sent out of order (burst, newest first): ${same} A consumer that applied it skips it: it is no newer than the change already applied for its key.`;
}

/** A record's Kafka headers: Debezium's `__debezium.newkey` / `oldkey` say where a key change went or came from, an outbox event's `id` is its event id. */
function RecordHeaders({ headers }: { headers: Record<string, unknown> }) {
  return (
    <dl className="message-card__headers" aria-label="Headers" data-testid="message-headers">
      {Object.entries(headers).map(([name, value]) => (
        <div key={name} className="message-card__header-entry">
          <dt>{name}</dt>
          <dd>
            <code>{exactJsonText(value)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Where a change is in its database's log, as its source block says: PostgreSQL's transaction and
 * LSN, MySQL's binlog file and position, Oracle's SCN, SQL Server's and Db2's LSN (a snapshot
 * record's commit LSN, having no change LSN), MongoDB's order in its oplog, or else its sequence.
 */
export function logPlace(source: Record<string, unknown>): string {
  if (source.lsn !== undefined) return `txId ${source.txId} · lsn ${source.lsn}`;
  if (source.pos !== undefined) return `${source.file}:${source.pos}`;
  if (source.scn !== undefined) return `scn ${source.scn}`;
  if (source.commit_lsn !== undefined) return `lsn ${source.change_lsn ?? source.commit_lsn}`;
  if (source.ord !== undefined) return `ord ${source.ord}`;
  return `sequence ${source.sequence}`;
}

/** A field of a change's card: its value in the before and after images (`ABSENT` without one), marked where the change set it. */
export interface EnvelopeRow {
  name: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

/** What a cell shows where the record has no image. */
export const ABSENT = Symbol('absent');

/**
 * The rows of a change's card, field by field over its images. A MongoDB delete has neither image
 * (`before` and `after` are null): Debezium gives only the document's `_id`, in the key, so its
 * card shows that, and says the document is deleted. Fields keep the table's order, so the cards of
 * one topic line up; `showsChangedFirst` puts an update's changed fields first instead.
 * `oldKeyOnlyBefore`, the key columns of a topic under PostgreSQL's REPLICA IDENTITY DEFAULT: an
 * update has no before image and a delete's holds only these, so the card says so rather than
 * show the other fields as nulls.
 */
export function envelopeRows(
  envelope: ChangeImages,
  key: unknown,
  showsChangedFirst = false,
  oldKeyOnlyBefore?: readonly string[],
): { rows: EnvelopeRow[]; note?: string } {
  if (envelope.op === 't') {
    return { rows: [], note: 'Table truncated: one record for the whole table, with no key and no row images.' };
  }
  const hasNoImage = envelope.op === 'd' && envelope.before === null && envelope.after === null;
  const isDocument = recordShape(String(envelope.source.connector)) === 'document';
  const deletedId = hasNoImage && isDocument ? documentIdOf(key) : undefined;
  if (deletedId !== undefined) {
    return {
      rows: [{ name: DOCUMENT_ID, before: deletedId, after: ABSENT, isChanged: false }],
      note: 'Document deleted: MongoDB’s record carries only its _id, in the key.',
    };
  }
  const changed = new Set(envelope.op === 'u' ? updatedFields(envelope) : []);
  const { before, after } = envelope;
  const isSent = (name: string) => !oldKeyOnlyBefore || oldKeyOnlyBefore.includes(name);
  const rows = Object.keys(after ?? before ?? {}).map((name) => ({
    name,
    before: before && isSent(name) ? before[name] : ABSENT,
    after: after ? after[name] : ABSENT,
    isChanged: changed.has(name),
  }));
  const note = oldKeyOnlyBefore && withheldBeforeText(envelope.op);
  return {
    rows: showsChangedFirst ? [...rows.filter((row) => row.isChanged), ...rows.filter((row) => !row.isChanged)] : rows,
    ...(note && { note }),
  };
}

/** A change's images side by side; a date or timestamp its connector wrote as a number shows what it stands for beside it. */
export function EnvelopeDiff({
  envelope,
  messageKey,
  temporalColumns,
  showsChangedFirst = false,
  oldKeyOnlyBefore,
}: {
  envelope: ChangeImages;
  messageKey: unknown;
  temporalColumns: readonly TableColumn[];
  showsChangedFirst?: boolean;
  oldKeyOnlyBefore?: readonly string[];
}) {
  const { rows, note } = envelopeRows(envelope, messageKey, showsChangedFirst, oldKeyOnlyBefore);
  const connector = String(envelope.source.connector);
  const cell = (name: string, value: unknown) => {
    if (value === ABSENT) return '';
    const column = temporalColumns.find((candidate) => recordFieldName({ connector }, candidate.name) === name);
    const reading = column && readTemporalValue(connector, column, value);
    return reading && (typeof value === 'number' || typeof value === 'bigint') ? (
      <EncodedTemporal value={value} reading={reading} />
    ) : (
      formatValue(value)
    );
  };
  return (
    <>
      {note && <p className="message-card__note">{note}</p>}
      {rows.length > 0 && (
        <table className="record-table record-table--diff">
          <thead>
            <tr>
              <th className="record-table__column">field</th>
              <th className="record-table__column">before</th>
              <th className="record-table__column">after</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} className={row.isChanged ? 'is-changed' : undefined}>
                <th scope="row">{row.name}</th>
                <td>{cell(row.name, row.before)}</td>
                <td>{cell(row.name, row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A record's fields, one a row; those named in `epochMillisColumns` read as times, those in `changedFrom` as `old → new`. */
export function FieldTable({
  record,
  changed,
  changedFrom,
  epochMillisColumns,
}: {
  record: Record<string, unknown>;
  changed?: readonly string[];
  changedFrom?: Record<string, unknown>;
  epochMillisColumns?: readonly string[];
}) {
  return (
    <table className="record-table">
      <tbody>
        {Object.entries(record).map(([name, value]) => (
          <tr key={name} className={changed?.includes(name) ? 'is-changed' : undefined}>
            <th scope="row">{name}</th>
            <td>
              {changedFrom && name in changedFrom && changedFromText(changedFrom[name])}
              {typeof value === 'number' && epochMillisColumns?.includes(name) ? (
                <EpochMillis millis={value} />
              ) : (
                formatValue(value)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Several rows of one table (example records), one line each; `lead`, a column of the view's own before theirs. */
export function RowsTable({
  records,
  lead,
}: {
  records: readonly Record<string, unknown>[];
  lead?: { column: string; values: readonly unknown[] };
}) {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const rows = records.map((record) => columns.map((column) => record[column]));
  if (!lead) return <ValueTable columns={columns} rows={rows} />;
  return (
    <ValueTable columns={[lead.column, ...columns]} rows={rows.map((row, index) => [lead.values[index], ...row])} />
  );
}

/** Rows of values under named columns (names may repeat, as a query's may). */
export function ValueTable({ columns, rows }: { columns: readonly string[]; rows: readonly (readonly unknown[])[] }) {
  return (
    <div className="rows-table">
      <table>
        <thead>
          <tr>
            {columns.map((column, at) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns may repeat a name
              <th key={at}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows in the order they were read
            <tr key={index}>
              {row.map((value, at) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns may repeat a name
                <td key={at}>{formatValue(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
