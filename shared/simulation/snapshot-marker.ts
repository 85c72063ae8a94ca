/** Debezium's `source.snapshot` value of a snapshot record (`false` marks streamed changes). */
export type SnapshotMarker = 'first' | 'first_in_data_collection' | 'true' | 'last_in_data_collection' | 'last';

export interface SnapshotPlace {
  /** Whether the record's table is the first (last) the connector snapshots of those that have rows. */
  isFirstTableWithRows: boolean;
  isLastTableWithRows: boolean;
  /** Whether the record is its table's first (last) snapshot record. */
  isFirstRow: boolean;
  isLastRow: boolean;
}

/**
 * As Debezium marks them: `first` and `last` for the snapshot's first and last records, the
 * `_in_data_collection` variants for each other table's first and last, `true` for the rest. The
 * end wins over the start. Empty tables hold no record to mark: Debezium marks the last record it
 * sends `last` even when the table it comes from is not the last one.
 */
export function snapshotMarker(place: SnapshotPlace): SnapshotMarker {
  if (place.isLastRow && place.isLastTableWithRows) return 'last';
  if (place.isFirstRow && place.isFirstTableWithRows) return 'first';
  if (place.isLastRow) return 'last_in_data_collection';
  if (place.isFirstRow) return 'first_in_data_collection';
  return 'true';
}
