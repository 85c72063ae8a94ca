import { describe, expect, it } from 'vitest';
import { ledByRuns } from '../../../shared/simulation/recompute-summary';
import type { TransformationMetrics } from '../../../shared/simulation/simulation-metrics';

/** A step planned incremental whose every run was full, as ticks changed tables its subqueries read. */
const fullByReadAside = (readAside: string[], readAsideInMainQuery?: string[]): TransformationMetrics => ({
  mode: 'incremental',
  readAside,
  ...(readAsideInMainQuery && { readAsideInMainQuery }),
  runs: { incremental: 0, full: 4, unchanged: 0 },
  fullRunReasons: { 'the tick changed a table a subquery or CTE reads': 4 },
});

describe('what a step that ran in full because of its subqueries is told to change', () => {
  it('asks to join a table only a subquery reads', () => {
    expect(ledByRuns(fullByReadAside(['loans']), 'incremental (…)')).toBe(
      "full on every run of this simulation (4 of 4): each of those ticks changed 'loans', which a subquery or CTE reads; " +
        "to recompute only what a tick touched, join 'loans' in the main query (or read it first, as its anchor) instead of in a subquery or CTE; " +
        'planned: incremental (…)',
    );
  });

  it('asks to read a table the main query joins already only there, not to join it', () => {
    expect(ledByRuns(fullByReadAside(['loans', 'holds'], ['loans']), 'incremental (…)')).toBe(
      "full on every run of this simulation (4 of 4): each of those ticks changed 'loans' or 'holds', which a subquery or CTE reads; " +
        "to recompute only what a tick touched, join 'holds' in the main query (or read it first, as its anchor) instead of in a subquery or CTE, " +
        "and read 'loans' only where the main query joins it, not also in a subquery or CTE; planned: incremental (…)",
    );
  });
});
