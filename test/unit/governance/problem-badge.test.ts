import { describe, expect, it } from 'vitest';
import { badgeOf } from '../../../renderer/governance/problem-badge';
import type { Finding, Severity } from '../../../shared/validation/finding';

function aFinding(severity: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'a-rule',
    severity,
    message,
    element: { kind: 'product', productId: 'orders' },
    path: 'products[0]',
    fixHint: 'fix it',
    ...extra,
  };
}

describe('a node’s problem badge', () => {
  it('shows the error sign with the errors’ count when the node has errors among warnings and infos', () => {
    const badge = badgeOf([
      aFinding('warning', 'no owner'),
      aFinding('error', 'no contract'),
      aFinding('info', 'no description'),
      aFinding('warning', 'no tags'),
    ]);
    expect(badge).toMatchObject({ severity: 'error', sign: '✖', count: 1 });
  });

  it('shows the warning sign with the warnings’ count when there are no errors', () => {
    const badge = badgeOf([
      aFinding('info', 'no description'),
      aFinding('warning', 'no owner'),
      aFinding('warning', 'no tags'),
    ]);
    expect(badge).toMatchObject({ severity: 'warning', sign: '▲', count: 2 });
  });

  it('counts every severity in its tooltip, then lists each finding', () => {
    const badge = badgeOf([
      aFinding('error', 'no contract'),
      aFinding('warning', 'no owner'),
      aFinding('warning', 'no tags'),
    ]);
    expect(badge.tooltip.split('\n')).toEqual([
      '1 error, 2 warnings',
      'error: no contract',
      'warning: no owner',
      'warning: no tags',
    ]);
  });

  it('says under a finding with a one-click fix where to find it', () => {
    const badge = badgeOf([
      aFinding('error', "Output port 'out' of 'Orders' has no data contract.", {
        fixHint: "Add a contract (or New contract in the port's inspector) drafts one.",
        fix: { kind: 'add-port-contract', productId: 'orders', portId: 'out' },
      }),
    ]);
    expect(badge.tooltip.split('\n')).toEqual([
      '1 error',
      "error: Output port 'out' of 'Orders' has no data contract.",
      "  Add a contract (or New contract in the port's inspector) drafts one.",
    ]);
  });

  it('leaves findings of rules turned off out of the count unless they are all there is', () => {
    const turnedOff = { suppressed: { reason: 'not yet' } };
    expect(badgeOf([aFinding('error', 'no contract', turnedOff), aFinding('info', 'no description')])).toMatchObject({
      severity: 'info',
      sign: 'ℹ',
      count: 1,
    });
    expect(badgeOf([aFinding('error', 'no contract', turnedOff)])).toMatchObject({
      severity: 'off',
      sign: '○',
      count: 1,
    });
  });

  it('gives the policy’s reason beside a finding whose severity the policies changed', () => {
    const badge = badgeOf([
      aFinding('warning', "'email' is republished unclassified", { policyReason: 'DPO exception DPO-2026-11' }),
    ]);
    expect(badge.tooltip.split('\n')).toEqual([
      '1 warning',
      "warning (policy: DPO exception DPO-2026-11): 'email' is republished unclassified",
    ]);
  });
});
