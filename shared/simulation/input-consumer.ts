import { brokerTable, type LogProgress, prepareTrim } from './broker-log';
import type { Dataset } from './dataset';
import { appliedTable, applyTimestampSql, applyView, priorPositionSql, upsertRowsSql } from './dataset-table';
import { lackedColumns } from './lacked-columns';
import { imageColumns, type LogFormat } from './log-format';
import type { InputPlan } from './product-plan';
import { columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection, SqlValue } from './sql-workspace';
import { type PositionRun, prepareStaleKeys } from './stale-keys';

/** A consumer's position on the log behind one input port, as Kafka keeps it: per partition. */
export interface ConsumerProgress {
  readonly input: InputPlan;
  readonly source: LogProgress;
  /** The last log position read (all partitions together). */
  offset: number;
  /** The next offset to read in each partition. */
  readonly partitionOffsets: number[];
  /** Per partition: records retention removed before this consumer read them, up to its last poll (see `lostRecords`). */
  readonly lostPerPartition: number[];
  /** The log positions it resumed past, each run of them `(after, upTo]`: records retention removed before it read them. */
  readonly lostPositions: { after: number; upTo: number }[];
  /** Per partition: offsets it read past that compaction had removed (records of keys a later record replaced). */
  readonly compactedPerPartition: number[];
  /** The log positions it read past that compaction had removed, each run of them `(after, upTo]`. */
  readonly compactedPositions: PositionRun[];
  /**
   * By record key, keys whose newer change compaction removed before it read it, leaving it an older
   * one (an out-of-order burst): the source position of the newest it missed (stale-keys.ts).
   */
  readonly staleKeys: Map<string, number>;
  /** Per poll that read records, in order: the last log position it reached, and (in `readAt`) its tick's time. */
  readonly readUpTo: number[];
  /** The epoch milliseconds of the tick of each poll in `readUpTo`. */
  readonly readAt: number[];
  consumedLastTick: number;
  consumedTotal: number;
  /** Changes not applied: redelivered, or older than what its key already has. */
  skipped: number;
  /**
   * By column of the clean table: records read whose image lacked it (renamed at the source), and
   * the fields those images had that the table does not expect.
   */
  readonly lackedColumns: Map<string, { records: number; unexpected: string[] }>;
}

export interface RuntimeLimits {
  /** Records one consumer reads per tick; the rest waits, and shows as lag. */
  maxPollRecords: number;
  /** Records a log or raw zone keeps; older ones are trimmed, like a topic's retention. */
  retainedRecords: number;
  /** Whether transformations recompute only what a tick touched, where their SQL allows it. */
  isIncremental: boolean;
}

export interface InputConsumer {
  readonly progress: ConsumerProgress;
  /** Reads the next records into the raw zone and cleans them into the input's table, in the tick at `millis`. */
  poll(millis: number): void;
}

export function createInputConsumer(
  connection: SqlConnection,
  input: InputPlan,
  source: LogProgress,
  limits: RuntimeLimits,
): InputConsumer {
  const raw = `node.${quoteIdentifier(input.rawTable)}`;
  const zeros = () => Array.from({ length: source.log.partitions }, () => 0);
  const progress: ConsumerProgress = {
    input,
    source,
    offset: 0,
    partitionOffsets: zeros(),
    lostPerPartition: zeros(),
    lostPositions: [],
    compactedPerPartition: zeros(),
    compactedPositions: [],
    staleKeys: new Map(),
    readUpTo: [],
    readAt: [],
    consumedLastTick: 0,
    consumedTotal: 0,
    skipped: 0,
    lackedColumns: new Map(),
  };
  source.readers.push(progress);
  const consume = connection.prepare(
    `INSERT INTO ${raw} SELECT * FROM ${brokerTable(source.log)} WHERE _position > ? ORDER BY _position LIMIT ?`,
  );
  const readPerPartition = connection.prepare(
    `SELECT _partition, max(_offset) + 1, count(*) FROM ${raw} WHERE _position > ? GROUP BY _partition`,
  );
  const lastRead = connection.prepare(`SELECT max(_position) FROM ${raw}`);
  const gapsRead = connection.prepare(
    `SELECT after, _position - 1 FROM (SELECT lag(_position, 1, ?) OVER (ORDER BY _position) AS after, _position FROM ${raw} WHERE _position > ?) WHERE _position > after + 1`,
  );
  const clean = input.dataset && prepareClean(connection, input, input.dataset);
  const countLacked = input.dataset && prepareLackedCount(connection, input, input.dataset, progress.lackedColumns);
  const trimRaw = prepareTrim(connection, raw);
  const noteStaleKeys = prepareStaleKeys(connection, raw, source.log.format);

  return {
    progress,
    poll(millis) {
      // Records retention removed before this consumer read them are lost: it resumes after them.
      source.startOffsets.forEach((start, partition) => {
        const behind = start - (progress.partitionOffsets[partition] as number);
        if (behind <= 0) return;
        progress.lostPerPartition[partition] = lostRecords(progress, partition);
        progress.partitionOffsets[partition] = start;
      });
      if (source.trimmedTo > progress.offset)
        progress.lostPositions.push({ after: progress.offset, upTo: source.trimmedTo });
      const before = Math.max(progress.offset, source.trimmedTo);
      const consumed = consume.run([before, limits.maxPollRecords]);
      progress.consumedLastTick = consumed;
      progress.consumedTotal += consumed;
      if (consumed === 0) return;
      // Below where compaction ran, positions have gaps: what was read ends at the last position copied.
      const mayHaveGaps = before < source.compactedTo;
      progress.offset = mayHaveGaps ? Number(lastRead.all()[0]?.[0]) : before + consumed;
      progress.readUpTo.push(progress.offset);
      progress.readAt.push(millis);
      const isAtEnd = progress.offset === source.end;
      if (isAtEnd && !mayHaveGaps) progress.partitionOffsets.splice(0, Infinity, ...source.nextOffsets);
      else advancePartitions(progress, readPerPartition.all([before]), isAtEnd);
      const passed = mayHaveGaps
        ? gapsRead.all([before, before]).map(([after, upTo]) => ({ after: Number(after), upTo: Number(upTo) }))
        : [];
      progress.compactedPositions.push(...passed);
      noteStaleKeys?.(progress.staleKeys, source.overtaken, passed);
      if (clean) progress.skipped += clean(before, consumed);
      countLacked?.(before);
      if (progress.offset > limits.retainedRecords) trimRaw.run([progress.offset - limits.retainedRecords]);
    },
  };
}

/**
 * Moves each partition's offset past what a poll read (`[partition, next offset, records read]`),
 * or to the log's end when the poll reached it; offsets passed but not read were compacted away.
 */
function advancePartitions(progress: ConsumerProgress, read: SqlValue[][], isAtEnd: boolean): void {
  const readIn = new Map(
    read.map(([partition, next, count]) => [Number(partition), { next: Number(next), count: Number(count) }]),
  );
  progress.partitionOffsets.forEach((offset, partition) => {
    const { next, count } = readIn.get(partition) ?? { next: offset, count: 0 };
    const upTo = isAtEnd ? (progress.source.nextOffsets[partition] as number) : next;
    progress.compactedPerPartition[partition] =
      (progress.compactedPerPartition[partition] as number) + upTo - offset - count;
    progress.partitionOffsets[partition] = upTo;
  });
}

/**
 * Records of a partition retention removed before this consumer read them, counted as soon as
 * they are gone (an offline consumer loses them while it is away, not when it resumes): those
 * lost up to its last poll, and those between its offset and the log's first offset now.
 */
export function lostRecords(progress: ConsumerProgress, partition: number): number {
  const removedUnread =
    (progress.source.startOffsets[partition] as number) - (progress.partitionOffsets[partition] as number);
  return (progress.lostPerPartition[partition] as number) + Math.max(0, removedUnread);
}

/**
 * When this consumer read the record at `position`: the time (epoch milliseconds) of the tick whose
 * poll reached it, which is when its product applied it and published what it changed; undefined
 * while it has not.
 */
export function readTime(progress: ConsumerProgress, position: number): number | undefined {
  const { readUpTo, readAt } = progress;
  let low = 0;
  let high = readUpTo.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((readUpTo[middle] as number) < position) low = middle + 1;
    else high = middle;
  }
  return readAt[low];
}

export type UnreadCause = 'retention' | 'compaction';

/**
 * Why this consumer never read the record at `position`, which is gone from its log: retention
 * removed it first (it resumed past it, or, offline, its offset is still before it), or compaction
 * did (it read past the gap, or has not reached it yet); undefined when it read the record.
 */
export function unreadCause(progress: ConsumerProgress, position: number): UnreadCause | undefined {
  const isBetween = (after: number, upTo: number) => position > after && position <= upTo;
  const isIn = (runs: readonly { after: number; upTo: number }[]) =>
    runs.some(({ after, upTo }) => isBetween(after, upTo));
  if (isIn(progress.lostPositions) || isBetween(progress.offset, progress.source.trimmedTo)) return 'retention';
  if (isIn(progress.compactedPositions) || isBetween(progress.offset, progress.source.compactedTo)) return 'compaction';
  return undefined;
}

/**
 * Counts, per column of the input's clean table, the records read after `after` whose image lacks
 * it: those of a CDC topic whose source renamed columns (the only ones that name them otherwise).
 */
function prepareLackedCount(
  connection: SqlConnection,
  input: InputPlan,
  dataset: Dataset,
  counts: ConsumerProgress['lackedColumns'],
): ((after: number) => void) | undefined {
  const format = input.source.log.format;
  if (format.kind !== 'cdc') return undefined;
  const renamed = connection.prepare(
    `SELECT _op, _renamed_images FROM node.${quoteIdentifier(input.rawTable)} WHERE _position > ? AND _renamed_images IS NOT NULL`,
  );
  return (after) => {
    for (const [op, images] of renamed.all([after])) {
      const lacking = lackedColumns(dataset, format, op, images);
      for (const column of lacking?.lacked ?? []) {
        const count = counts.get(column) ?? { records: 0, unexpected: [] };
        count.records += 1;
        count.unexpected = [...new Set([...count.unexpected, ...(lacking?.unexpected ?? [])])];
        counts.set(column, count);
      }
    }
  };
}

/** The clean step of one input: raw records of this tick into its entity or event table; returns the changes skipped. */
function prepareClean(
  connection: SqlConnection,
  input: InputPlan,
  dataset: Dataset,
): (after: number, consumed: number) => number {
  const raw = `node.${quoteIdentifier(input.rawTable)}`;
  const names = dataset.columns.map((column) => column.name);
  const format = input.source.log.format;
  if (dataset.kind === 'event') {
    // An event already kept (same identity) is a redelivery: it is not appended again.
    const append = connection.prepare(
      `INSERT OR IGNORE INTO node.${quoteIdentifier(dataset.name)} (${columnList(names)}) SELECT ${columnList(names)} FROM ${raw} WHERE _position > ? ORDER BY _position`,
    );
    return (after, consumed) => consumed - append.run([after]);
  }
  // Without history, a batch of upserts only is one statement, not a replay change by change.
  const upsertsAtOnce = !dataset.keepsHistory;
  if (format.kind === 'records') {
    const replay = connection.prepare(
      `INSERT INTO node.${applyView(dataset)} (_op, _timestamp, ${columnList(names)}) SELECT CASE _op WHEN 'delete' THEN 'd' ELSE 'u' END, ${applyTimestampSql(dataset, '_timestamp')}, ${columnList(names)} FROM ${raw} WHERE _position > ? ORDER BY _position`,
    );
    if (!upsertsAtOnce) {
      return (after) => {
        replay.run([after]);
        return 0;
      };
    }
    const upsert = connection.prepare(
      upsertRowsSql(dataset, `SELECT ${columnList(names)} FROM ${raw} WHERE _position > ? ORDER BY _position`),
    );
    const deletes = connection.prepare(`SELECT EXISTS (SELECT 1 FROM ${raw} WHERE _position > ? AND _op = 'delete')`);
    return (after) => {
      (deletes.all([after])[0]?.[0] ? replay : upsert).run([after]);
      return 0;
    };
  }
  const image = (name: string) =>
    dataset.key.includes(name)
      ? `CASE WHEN _op = 'd' THEN ${quoteIdentifier(`before_${name}`)} ELSE ${quoteIdentifier(`after_${name}`)} END`
      : quoteIdentifier(`after_${name}`);
  const images = names.map(image).join(', ');
  const changes = format.key.length > 0 ? { rows: raw, order: '_position', kept: '' } : replacingChanges(raw, format);
  const apply = (from: string) =>
    connection.prepare(
      `INSERT INTO node.${applyView(dataset)} (_op, _timestamp, _source_position, _prior, ${columnList(names)})
SELECT _op, ${applyTimestampSql(dataset, '_source_ts')}, _sequence, _prior, ${images} FROM (${from}) WHERE _position > ?${changes.kept} ORDER BY ${changes.order}`,
    );
  // A batch of first deliveries (sequences rising past all seen before) needs no look back...
  const fresh = apply(`SELECT *, -1 AS _prior FROM ${changes.rows} WHERE _op IS NOT NULL`);
  // ...one with records sent again compares each with the raw zone's records before it.
  const checked = apply(
    `SELECT *, ${priorPositionSql(dataset, image, '_sequence')} AS _prior FROM ${changes.rows} WHERE _op IS NOT NULL`,
  );
  // ...and first deliveries that only upsert, to an entity without history, are one upsert.
  const upsert =
    upsertsAtOnce &&
    format.key.length > 0 &&
    connection.prepare(
      upsertRowsSql(dataset, `SELECT ${images} FROM ${raw} WHERE _position > ? AND _op IS NOT NULL ORDER BY _position`),
    );
  // Each change against the batch's change before it (tombstones skipped): found by rowid, not sorted as a window would.
  const previous = `SELECT _sequence FROM ${raw} WHERE _position < change._position AND _position > ? AND _op IS NOT NULL ORDER BY _position DESC LIMIT 1`;
  const batch = connection.prepare(
    `SELECT min(_sequence), max(_sequence), coalesce(sum(_sequence <= (${previous})), 0), coalesce(sum(_op IN ('d', 't')), 0)
FROM ${raw} AS change WHERE _position > ? AND _op IS NOT NULL`,
  );
  let newestSeen = -1;
  const skipped = connection.prepare(`SELECT skipped FROM node.${appliedTable(dataset)}`);
  let skippedBefore = 0;
  return (after) => {
    const [lowest, highest, backwards, removals] = batch.all([after, after])[0] as [
      number | null,
      number | null,
      number,
      number,
    ];
    if (lowest === null || highest === null) return 0;
    const isFresh = lowest > newestSeen && backwards === 0;
    newestSeen = Math.max(newestSeen, highest);
    if (isFresh && removals === 0 && upsert) {
      upsert.run([after]);
      return 0;
    }
    (isFresh ? fresh : checked).run([after]);
    const skippedNow = Number(skipped.all()[0]?.[0] ?? 0);
    const skippedThisTick = skippedNow - skippedBefore;
    skippedBefore = skippedNow;
    return skippedThisTick;
  };
}

/**
 * The changes of a table without a primary key, whose rows are known by all their columns: an
 * update that changes any of them replaces the row, so its old image is deleted first (`_half` 0)
 * and then the new one upserted (`_half` 1); one that changes none is no change (kept in copies,
 * its upsert would add one). A replaced image is only deleted when its change is applied, so a
 * change sent again counts as one skipped.
 */
function replacingChanges(raw: string, format: Extract<LogFormat, { kind: 'cdc' }>) {
  const carried = columnList([
    '_position',
    '_source_ts',
    '_sequence',
    ...imageColumns(format.columns).map((c) => c.name),
  ]);
  const unchanged = format.columns
    .map(({ name }) => `${quoteIdentifier(`before_${name}`)} IS ${quoteIdentifier(`after_${name}`)}`)
    .join(' AND ');
  return {
    rows: `(SELECT _op, 1 AS _half, ${carried} FROM ${raw} WHERE _op IS NOT 'u' OR NOT (${unchanged})
UNION ALL SELECT 'd', 0, ${carried} FROM ${raw} WHERE _op = 'u' AND NOT (${unchanged}))`,
    order: '_position, _half',
    kept: ' AND (_half = 1 OR _sequence > _prior)',
  };
}
