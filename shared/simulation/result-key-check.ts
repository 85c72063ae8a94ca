/**
 * The check a transformation's published result gets before its rows are applied: each row needs
 * its whole key, once. What it writes to the quarantine, and how a trace tells its entries from a
 * contract's.
 */

/** The message of a result row quarantined for a key column left NULL. */
export function missingKeyMessage(key: readonly string[]): string {
  return `key ${key.join(', ')} is missing`;
}

/** The message of the result rows quarantined for sharing one key. */
export function repeatedKeyMessage(key: readonly string[]): string {
  return `key ${key.join(', ')} appears more than once in the result: those rows are held back, and the key keeps the row it had (if any)`;
}

/** Whether a quarantine entry of a result keyed by `key` is the key check's, not its contract's. */
export function isResultKeyCheckEntry(entry: Readonly<Record<string, unknown>>, key: readonly string[]): boolean {
  return entry.message === missingKeyMessage(key) || entry.message === repeatedKeyMessage(key);
}

/** The table holding the rows of a result its key check held back, as its last recomputation left them. */
export function heldBackTableName(resultTable: string): string {
  return `_rejected_${resultTable}`;
}
