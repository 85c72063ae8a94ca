import { describe, expect, it } from 'vitest';
import {
  domainFlowAccessibleNamesOf,
  linkAccessibleName,
  linkAccessibleNamesOf,
  nodeAccessibleNamesOf,
} from '../../../shared/editing/canvas-accessible-names';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { salesPipeline } from './editing-fixtures';

describe('canvas accessible names', () => {
  it('names each node by its kind, its name and its domain', () => {
    const names = nodeAccessibleNamesOf(salesPipeline());
    expect(names.get('orders')).toBe('Product Orders in Sales');
    expect(names.get('shop')).toBe('System Shop in Sales');
    expect(names.get('analytics')).toBe('Domain Analytics');
  });

  it('names a note by the start of its text, without Markdown marks, so several notes do not sound alike', () => {
    const mesh = aMesh().build();
    mesh.notes = [
      {
        id: 'allergens',
        text: '**Allergen labels** must be checked\nagainst the galley loading plan before every flight.',
      },
      { id: 'workshop', text: '# Workshop\n- confirm `meal_orders` owner' },
      { id: 'empty', text: '  ' },
    ];
    const names = nodeAccessibleNamesOf(mesh);
    expect(names.get('allergens')).toBe('Note: Allergen labels must be checked against the galley loading…');
    expect(names.get('workshop')).toBe('Note: Workshop confirm meal_orders owner');
    expect(names.get('empty')).toBe('Note');
  });

  it('names a note by the words a reader sees: a link by its text, not its address, and no emphasis or strike marks', () => {
    const mesh = aMesh().build();
    mesh.notes = [
      { id: 'runbook', text: 'See the [depot runbook](https://wiki.example.com/depots) first' },
      { id: 'rules', text: '~~old~~ __new__ _rules_ for wagon_id and <https://rail.example.com>' },
    ];
    const names = nodeAccessibleNamesOf(mesh);
    expect(names.get('runbook')).toBe('Note: See the depot runbook first');
    expect(names.get('rules')).toBe('Note: old new rules for wagon_id and https://rail.example.com');
  });

  it('names a link by the nodes and ports it joins, not their ids', () => {
    const mesh = salesPipeline();
    const link = mesh.links.find((candidate) => candidate.id === 'orders-to-revenue');
    expect(link && linkAccessibleName(mesh, link)).toBe('Link from Orders (out) to Revenue (in)');
  });

  it('tells apart the links of a copy pasted into another domain, which keeps its nodes’ names', () => {
    const ports = { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] };
    const mesh = aMesh()
      .withDomain('rolling-stock', { name: 'Rolling Stock' })
      .withDomain('rolling-stock-2', { name: 'Rolling Stock 2' })
      .withProduct('registry', 'rolling-stock', { name: 'Wagon Registry', ...ports })
      .withProduct('positions', 'rolling-stock', { name: 'Wagon Positions', ...ports })
      .withProduct('registry-2', 'rolling-stock-2', { name: 'Wagon Registry', ...ports })
      .withProduct('positions-2', 'rolling-stock-2', { name: 'Wagon Positions', ...ports })
      .withLink('original', { nodeId: 'registry', portId: 'out' }, { nodeId: 'positions', portId: 'in' })
      .withLink('copy', { nodeId: 'registry-2', portId: 'out' }, { nodeId: 'positions-2', portId: 'in' })
      .build();
    const names = linkAccessibleNamesOf(mesh);
    expect(names.get('original')).toBe(
      'Link from Wagon Registry (Rolling Stock) (out) to Wagon Positions (Rolling Stock) (in)',
    );
    expect(names.get('copy')).toBe(
      'Link from Wagon Registry (Rolling Stock 2) (out) to Wagon Positions (Rolling Stock 2) (in)',
    );
  });

  it('names an edge of the overview, which stands for the links between two domains, by the domains and the count', () => {
    const ports = { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] };
    const mesh = aMesh()
      .withDomain('rolling-stock', { name: 'Rolling Stock' })
      .withDomain('train-operations', { name: 'Train Operations' })
      .withDomain('commercial', { name: 'Commercial' })
      .withProduct('registry', 'rolling-stock', { name: 'Wagon Registry', ...ports })
      .withProduct('positions', 'rolling-stock', { name: 'Wagon Positions', ...ports })
      .withProduct('consist', 'train-operations', { name: 'Train Consist', ...ports })
      .withProduct('runs', 'train-operations', { name: 'Train Runs', ...ports })
      .withProduct('invoicing', 'commercial', { name: 'Invoicing', ...ports })
      .withLink('l1', { nodeId: 'registry', portId: 'out' }, { nodeId: 'consist', portId: 'in' })
      .withLink('l2', { nodeId: 'positions', portId: 'out' }, { nodeId: 'runs', portId: 'in' })
      .withLink('l3', { nodeId: 'runs', portId: 'out' }, { nodeId: 'invoicing', portId: 'in' })
      .build();
    const names = domainFlowAccessibleNamesOf(mesh);
    expect(names.get('rolling-stock→train-operations')).toBe('2 links from Rolling Stock to Train Operations');
    expect(names.get('train-operations→commercial')).toBe('1 link from Train Operations to Commercial');
  });
});
