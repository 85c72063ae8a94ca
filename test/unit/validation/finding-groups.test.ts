import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/validation/finding';
import { findingGroups, groupedFindings } from '../../../shared/validation/finding-groups';

function aFinding(message: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'a-rule',
    severity: 'error',
    message,
    element: { kind: 'product', productId: 'orders' },
    path: 'products[0]',
    fixHint: 'fix it',
    ...extra,
  };
}

const noContract = (productId: string) =>
  aFinding(`Output port of ${productId} has no data contract.`, {
    ruleId: 'output-contracts',
    fix: { kind: 'add-port-contract', productId, portId: 'out' },
  });

describe('findings grouped as one to-do', () => {
  it('lists output ports without a contract as one group where the first was, each finding kept', () => {
    const noOwner = aFinding('no owner');
    const ports = ['orders', 'shipping', 'billing'].map(noContract);
    expect(groupedFindings([ports[0], noOwner, ports[1], ports[2]] as Finding[])).toEqual([
      { title: '3 output ports have no contract yet', fixKind: 'add-port-contract', findings: ports },
      { finding: noOwner },
    ]);
  });

  it('leaves a single port without a contract as it is', () => {
    const port = noContract('orders');
    expect(groupedFindings([port])).toEqual([{ finding: port }]);
  });

  it('names only the groups, for a summary', () => {
    expect(findingGroups([noContract('orders'), aFinding('no owner'), noContract('billing')])).toEqual([
      '2 output ports have no contract yet',
    ]);
  });
});
