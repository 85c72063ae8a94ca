import { isRetentionSla } from '../../contracts/retention-sla';
import { minutesOf } from '../../contracts/sla-durations';
import type { Contract } from '../../model/contract';
import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import { unmeasuredTimeSlas } from '../../validation/freshness';
import type { ExportWarning } from '../export-warning';

/*
 * How long a topic keeps what the contract governing it promises to keep: a contract's
 * `retention` SLA (ODCS: how long data stays available) becomes the topic's `retention.ms`, in
 * the units governance reads freshness in. Without one, the topic keeps the cluster's default
 * (Kafka's `log.retention.hours`, 7 days), which the export does not warn of: most contracts
 * promise no retention, and the platform team chose that default. A compacted topic keeps each
 * key's latest record whatever `retention.ms` says; what it must keep long enough is its tombstones
 * (`delete.retention.ms`, Kafka's default 24 h): a consumer lagging longer never sees the delete
 * and keeps the deleted row. So they stay 7 days, or as long as the contract keeps records.
 */

const MILLIS_PER_MINUTE = 60_000;

/** What a contract promises to keep its records for, in milliseconds: its longest retention SLA read as a time. */
function promisedRetentionMs(contract: Contract | undefined): number | undefined {
  const promises = (contract?.sla ?? []).flatMap((sla) => {
    const minutes = isRetentionSla(sla) ? minutesOf(sla.value, sla.unit) : undefined;
    return minutes === undefined ? [] : [Math.round(minutes * MILLIS_PER_MINUTE)];
  });
  return promises.length > 0 ? Math.max(...promises) : undefined;
}

/** How long a compacted topic keeps tombstones when its contract promises no longer: a week of consumer lag. */
export const TOMBSTONE_RETENTION_MS = 7 * 24 * 60 * MILLIS_PER_MINUTE;

/** A topic's retention settings: how long its records stay (delete policy), or its tombstones (compacted). */
export function retentionConfig(isCompacted: boolean, contract: Contract | undefined): Record<string, number> {
  const promised = promisedRetentionMs(contract);
  if (isCompacted) return { 'delete.retention.ms': Math.max(promised ?? 0, TOMBSTONE_RETENTION_MS) };
  return promised === undefined ? {} : { 'retention.ms': promised };
}

/** A topic of the export and the contract governing its records, if any. */
export interface GovernedTopic {
  name: string;
  contract: Contract | undefined;
}

/** The retention SLAs the export cannot read as a time, each with the topics that keep the broker's default instead. */
export function unreadRetentionWarnings(mesh: Mesh, topics: readonly GovernedTopic[]): ExportWarning[] {
  return mesh.contracts.flatMap((contract, contractIndex) => {
    const names = topics.filter((topic) => topic.contract === contract).map((topic) => quoted(topic.name));
    if (names.length === 0) return [];
    return unmeasuredTimeSlas(contract, isRetentionSla).map(({ index, why }) => ({
      kind: 'caution' as const,
      path: `contracts[${contractIndex}].slaProperties[${index}]`,
      message: `contract ${quoted(contract.name)} gives its retention ${why}: its topics ${names.join(', ')} get no retention.ms and keep the cluster's default retention (7 days unless changed)`,
    }));
  });
}
