import { describe, expect, it } from 'vitest';
import { traceStagePlaces } from '../../../renderer/simulation/trace-places';
import type { TraceStage } from '../../../shared/simulation/change-trace';

const stage = (kind: TraceStage['kind'], nodeId: string, source: string, portId?: string): TraceStage => ({
  kind,
  title: '',
  nodeId,
  source,
  records: [],
  moment: '',
  ...(portId ? { portId } : {}),
});

describe('the places a trace lists its stages at', () => {
  it('name the node, and which transformation, port or input where a product has several of one kind', () => {
    expect(
      traceStagePlaces([
        stage('cdc-record', 'core-banking', 'core-banking.public.transactions', 'transactions-cdc'),
        stage('raw', 'balances', 'raw_transactions_in', 'transactions-in'),
        stage('clean', 'balances', 'transactions'),
        stage('transformation', 'balances', 'account_balances'),
        stage('output-port', 'balances', 'balances/balances-out', 'balances-out'),
        stage('transformation', 'balances', 'branch_totals'),
        stage('output-port', 'balances', 'balances/branch-totals-out'),
      ]),
    ).toEqual([
      'core-banking',
      'balances',
      'balances',
      'balances · account_balances',
      'balances · balances-out',
      'balances · branch_totals',
      'balances · branch-totals-out',
    ]);
  });
});
