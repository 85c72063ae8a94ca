import type { TransformationMetrics } from './simulation-metrics';

/** Why an incremental step's run was full when its tick changed a table only a subquery or CTE reads. */
export const SUBQUERY_CHANGE_REASON = 'the tick changed a table a subquery or CTE reads';

/** `'orders' or 'refunds'`. */
export function quotedList(tables: readonly string[]): string {
  return tables.map((table) => `'${table}'`).join(' or ');
}

/**
 * What a step planned to recompute what each tick touched did when most of its runs were full,
 * said before its plan so the plan's word does not contradict the counts, with the change that
 * would let it run incrementally where the plan knows it: `full on every run of this simulation
 * (31 of 31): each tick changed 'assignments', which a subquery or CTE reads; …`.
 */
function mostlyFullLead(how: TransformationMetrics): string | undefined {
  const { incremental, full } = how.runs;
  if (how.mode !== 'incremental' || full <= incremental) return undefined;
  const extent = incremental === 0 ? 'full on every run of this simulation' : 'mostly full in this simulation';
  const ran = `${extent} (${full} of ${incremental + full})`;
  const tables = how.readAside;
  const byReadAside = how.fullRunReasons?.[SUBQUERY_CHANGE_REASON] ?? 0;
  if (!tables || byReadAside === 0) return ran;
  const which = byReadAside === full ? 'each of those ticks' : `${byReadAside} of those ticks each`;
  return `${ran}: ${which} changed ${quotedList(tables)}, which a subquery or CTE reads; to recompute only what a tick touched, ${readAsideAdvice(tables, how.readAsideInMainQuery ?? [])}`;
}

/**
 * How to stop reading `tables` aside: join those the main query does not read, and read those it
 * already joins there alone (telling the user to join a table it joins would send them nowhere).
 */
function readAsideAdvice(tables: readonly string[], inMainQuery: readonly string[]): string {
  const toJoin = tables.filter((table) => !inMainQuery.includes(table));
  const joined = tables.filter((table) => inMainQuery.includes(table));
  return [
    toJoin.length > 0 &&
      `join ${quotedList(toJoin)} in the main query (or read it first, as its anchor) instead of in a subquery or CTE`,
    joined.length > 0 &&
      `read ${joined.map((table) => `'${table}'`).join(' and ')} only where the main query joins ${joined.length === 1 ? 'it' : 'them'}, not also in a subquery or CTE`,
  ]
    .filter((advice) => advice !== false)
    .join(', and ');
}

/** A step's plan as a shell words it, led by what its runs did when most were full (`mostlyFullLead`). */
export function ledByRuns(how: TransformationMetrics, plan: string): string {
  const lead = mostlyFullLead(how);
  return lead ? `${lead}; planned: ${plan}` : plan;
}
