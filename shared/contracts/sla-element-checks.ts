import type { Contract } from '../model/contract';
import type { FindingSeverity } from './finding';
import type { PathProblem } from './path-problem';
import { whyDangling } from './relationship-checks';

interface SlaElementIssue extends PathProblem {
  severity: FindingSeverity;
}

/**
 * An SLA `element` (each of a comma-separated list) naming in ODCS's shorthand a field its schema
 * object lacks (a warning: the promise applies to nothing, as after a typo or a rename made by
 * hand), with the field it is a slip from. A table the contract lacks is left alone, as a
 * relationship's `to` is: ODCS's own examples name `tab1.txn_ref_dt` so.
 */
export function slaElementIssues(contract: Contract): SlaElementIssue[] {
  return contract.sla.flatMap((sla, index): SlaElementIssue[] => {
    const elements = (sla.element ?? '')
      .split(',')
      .map((element) => element.trim())
      .filter((element) => element !== '');
    return elements.flatMap((element) => {
      const dangling = whyDangling(contract, element, 'to');
      if (!dangling) return [];
      const { problem, meant } = dangling;
      return [
        {
          path: ['slaProperties', index, 'element'],
          severity: 'warning' as const,
          message: `SLA ${sla.property}: '${element}' ${problem}${meant ? `: did you mean '${meant}'?` : ''}`,
          // The mark covers the whole element list: replacing it is right only when it holds this one.
          ...(meant && elements.length === 1 && { repair: { kind: 'replace-marked-text' as const, text: meant } }),
        },
      ];
    });
  });
}
