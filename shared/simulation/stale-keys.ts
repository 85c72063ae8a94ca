import type { OvertakenChange } from './broker-log';
import type { LogFormat } from './log-format';
import type { SqlConnection } from './sql-workspace';

/** Log positions `(after, upTo]`. */
export interface PositionRun {
  after: number;
  upTo: number;
}

/**
 * Keeps a consumer's stale keys, by record key the newest source position it missed: keys whose
 * newer change compaction removed before it read it (`overtaken`, in the `passed` runs), keeping an
 * older one it applied instead. A key stops being stale once its raw zone holds a change at least
 * as new, which its entity then has (the clean step skips older changes by the same raw zone).
 * Only change records have source positions: other logs have no check.
 */
export function prepareStaleKeys(
  connection: SqlConnection,
  raw: string,
  format: LogFormat,
):
  | ((staleKeys: Map<string, number>, overtaken: readonly OvertakenChange[], passed: readonly PositionRun[]) => void)
  | undefined {
  if (format.kind !== 'cdc') return undefined;
  const newestRead = connection.prepare(`SELECT max(_sequence) FROM ${raw} WHERE _key = ? AND _op IS NOT NULL`);
  return (staleKeys, overtaken, passed) => {
    for (const change of overtaken) {
      if (!passed.some(({ after, upTo }) => change.position > after && change.position <= upTo)) continue;
      staleKeys.set(change.key, Math.max(staleKeys.get(change.key) ?? change.sequence, change.sequence));
    }
    for (const [key, missed] of staleKeys) {
      const newest = newestRead.all([key])[0]?.[0];
      if (newest !== null && newest !== undefined && Number(newest) >= missed) staleKeys.delete(key);
    }
  };
}
