import { parseExactJson } from './exact-json';
import type { ContractViolations } from './simulation-metrics';
import type { SqlConnection } from './sql-workspace';
import { QUARANTINE_TABLE } from './table-claims';

/**
 * What each port of a product quarantined, by rule and property: how often, and the first record
 * with its message. Read from the quarantine table after each tick that added to it.
 */
export function createQuarantineSummary(connection: SqlConnection) {
  const table = `node.${QUARANTINE_TABLE}`;
  const newest = connection.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`);
  const groups = connection.prepare(
    `SELECT port, rule, property, count(*), min(id) FROM ${table} WHERE id > ? GROUP BY port, rule, property ORDER BY min(id)`,
  );
  const first = connection.prepare(`SELECT tick, message, record FROM ${table} WHERE id = ?`);
  const byPort = new Map<string, Map<string, ContractViolations>>();
  let summarizedTo = 0;
  return {
    /** Takes in the rows quarantined since the last call. */
    update(): void {
      const last = Number(newest.all()[0]?.[0]);
      if (last <= summarizedTo) return;
      for (const [port, rule, property, count, firstId] of groups.all([summarizedTo])) {
        const violations = byPort.get(String(port)) ?? new Map<string, ContractViolations>();
        byPort.set(String(port), violations);
        const id = `${rule}\n${property ?? ''}`;
        const known = violations.get(id);
        if (known) {
          known.count += Number(count);
          continue;
        }
        const [tick, message, record] = first.all([firstId ?? null])[0] ?? [];
        violations.set(id, {
          rule: String(rule),
          property: property === null ? null : String(property),
          count: Number(count),
          first: {
            tick: Number(tick),
            message: String(message),
            record: parseExactJson(String(record)) as Record<string, unknown>,
          },
        });
      }
      summarizedTo = last;
    },
    /** By rule and property, in the order they first happened. */
    of(portId: string): ContractViolations[] {
      return [...(byPort.get(portId)?.values() ?? [])].map((violation) => ({ ...violation }));
    },
  };
}
