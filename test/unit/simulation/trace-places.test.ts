import { describe, expect, it } from 'vitest';
import { traceStagePlaces } from '../../../renderer/simulation/trace-places';
import type { TraceStage } from '../../../shared/simulation/trace-stage';
import { aMesh, aPort } from '../../builders/mesh-builder';

const stage = (kind: TraceStage['kind'], nodeId: string, source: string, portId?: string): TraceStage => ({
  kind,
  title: '',
  nodeId,
  source,
  records: [],
  moment: { kind: 'now' },
  ...(portId ? { portId } : {}),
});

const bank = aMesh()
  .withDomain('finance')
  .withSystem('core-banking', 'finance', { name: 'Core Banking' })
  .withProduct('balances', 'finance', {
    name: 'Account Balances',
    outputPorts: [aPort('balances-out', 'output', { name: 'Balances' })],
  })
  .build();

describe('the places a trace lists its stages at', () => {
  it('name the node, and which transformation, port or input where a product has several of one kind', () => {
    expect(
      traceStagePlaces(bank, [
        stage('cdc-record', 'core-banking', 'core-banking.public.transactions', 'transactions-cdc'),
        stage('raw', 'balances', 'raw_transactions_in', 'transactions-in'),
        stage('clean', 'balances', 'transactions'),
        stage('transformation', 'balances', 'account_balances'),
        stage('output-port', 'balances', 'balances/balances-out', 'balances-out'),
        stage('transformation', 'balances', 'branch_totals'),
        stage('output-port', 'balances', 'balances/branch-totals-out'),
      ]),
    ).toEqual([
      'Core Banking',
      'Account Balances',
      'Account Balances',
      'Account Balances · account_balances',
      'Account Balances · Balances',
      'Account Balances · branch_totals',
      'Account Balances · branch-totals-out',
    ]);
  });

  it('name which output port where the product has several, though the trace reaches only one of them', () => {
    const kpis = aMesh()
      .withDomain('analytics')
      .withProduct('ground-kpis', 'analytics', {
        name: 'Ground KPIs',
        outputPorts: [
          aPort('bpt-out', 'output', { name: 'Bags per turnaround' }),
          aPort('gate-load-out', 'output', { name: 'Gate load' }),
        ],
      })
      .build();

    expect(
      traceStagePlaces(kpis, [
        stage('transformation', 'ground-kpis', 'gate_load'),
        stage('output-port', 'ground-kpis', 'ground-kpis/gate-load-out', 'gate-load-out'),
      ]),
    ).toEqual(['Ground KPIs', 'Ground KPIs · Gate load']);
  });

  it('name a node the design no longer has by its id', () => {
    expect(traceStagePlaces(bank, [stage('service-write', 'harvest-grading', 'grades')])).toEqual(['harvest-grading']);
  });
});
