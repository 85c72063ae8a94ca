import type { LogRecord } from '../../shared/simulation';
import { type ChangeImages, changeImages, updatedFields } from '../../shared/simulation/record-shape';
import { formatValue } from './format-value';
import { simulation } from './simulation-controller';

const OPS: Record<string, string> = { c: 'create', u: 'update', d: 'delete', r: 'snapshot', t: 'truncate' };

/**
 * One record: key, partition and offset; a Debezium envelope as before/after with the changes
 * marked (a MongoDB record's document read from its `after` text).
 */
export function MessageCard({
  log,
  message,
  isTraceable = true,
}: {
  log: string;
  message: LogRecord;
  isTraceable?: boolean;
}) {
  const value = message.value;
  const envelope = changeImages(value);
  const op = envelope ? envelope.op : value === null ? 'tombstone' : 'record';
  return (
    <article className={`message-card message-card--${op}`} data-testid="message">
      <header className="message-card__header">
        <span className={`op op--${op}`}>{OPS[op] ?? op}</span>
        <code className="message-card__key" title="Key">
          {JSON.stringify(message.key)}
        </code>
        <span className="message-card__place">
          partition {message.partition} · offset {message.offset}
        </span>
        <time>{new Date(message.timestamp).toISOString().slice(11, 19)}</time>
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
      {envelope ? (
        <EnvelopeDiff envelope={envelope} />
      ) : (
        value !== null && <FieldTable record={value as Record<string, unknown>} />
      )}
      {value !== null && (
        <details className="message-card__raw">
          <summary>JSON</summary>
          <pre>{JSON.stringify({ key: message.key, value }, null, 2)}</pre>
        </details>
      )}
    </article>
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

function EnvelopeDiff({ envelope }: { envelope: ChangeImages }) {
  const changed = new Set(envelope.op === 'u' ? updatedFields(envelope) : []);
  const names = Object.keys(envelope.after ?? envelope.before ?? {});
  return (
    <table className="record-table record-table--diff">
      <thead>
        <tr>
          <th>field</th>
          <th>before</th>
          <th>after</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name} className={changed.has(name) ? 'is-changed' : undefined}>
            <th scope="row">{name}</th>
            <td>{envelope.before ? formatValue(envelope.before[name]) : ''}</td>
            <td>{envelope.after ? formatValue(envelope.after[name]) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FieldTable({ record, changed }: { record: Record<string, unknown>; changed?: readonly string[] }) {
  return (
    <table className="record-table">
      <tbody>
        {Object.entries(record).map(([name, value]) => (
          <tr key={name} className={changed?.includes(name) ? 'is-changed' : undefined}>
            <th scope="row">{name}</th>
            <td>{formatValue(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Several rows of one table (example records), one line each. */
export function RowsTable({ records }: { records: readonly Record<string, unknown>[] }) {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return <ValueTable columns={columns} rows={records.map((record) => columns.map((column) => record[column]))} />;
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
