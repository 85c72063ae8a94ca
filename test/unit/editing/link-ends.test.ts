import { describe, expect, it } from 'vitest';
import {
  endsOfLink,
  endsToMoveTo,
  filterLinkEnds,
  type LinkEnd,
  linkableIndexFrom,
  linkEndForDropOn,
  linkEndsOf,
  oppositeLinkEnds,
  takesLink,
} from '../../../shared/editing/link-ends';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { salesPipeline } from './editing-fixtures';

function firstEndOf(mesh: Mesh, nodeId: string): LinkEnd {
  const [first] = linkEndsOf(mesh, nodeId);
  if (!first) throw new Error(`${nodeId} has no link ends`);
  return first;
}

const labels = (ends: ReadonlyArray<{ label: string }>) => ends.map((end) => end.label);

describe('linkEndsOf', () => {
  it('lists what a product sends before what it receives, without its discovery port', () => {
    const ends = linkEndsOf(salesPipeline(), 'orders');
    expect(ends.map(({ endpoint, sends }) => ({ ...endpoint, sends }))).toEqual([
      { nodeId: 'orders', portId: 'out', sends: true },
      { nodeId: 'orders', portId: 'in', sends: false },
    ]);
    expect(labels(ends)).toEqual(['Orders · out', 'Orders · in']);
  });

  it('lists a system’s topics as ends that send', () => {
    expect(linkEndsOf(salesPipeline(), 'shop').every((end) => end.sends)).toBe(true);
    expect(linkEndsOf(salesPipeline(), 'shop').map((end) => end.endpoint.portId)).toContain('items-cdc');
  });

  it('lists nothing for a domain', () => {
    expect(linkEndsOf(salesPipeline(), 'sales')).toEqual([]);
  });
});

describe('oppositeLinkEnds', () => {
  it('offers the inputs of other nodes to an end that sends, linked ones too', () => {
    const mesh = salesPipeline();
    expect(labels(oppositeLinkEnds(mesh, firstEndOf(mesh, 'orders')))).toEqual(['Revenue · in']);
  });

  it('offers free inputs first, and says what already feeds each fed one (an input port takes one source)', () => {
    const mesh = salesPipeline();
    const [revenue] = mesh.products.filter((product) => product.id === 'revenue');
    revenue?.inputPorts.push({
      ...(revenue.inputPorts[0] as (typeof revenue.inputPorts)[number]),
      id: 'refunds',
      name: 'refunds',
    });
    const offered = oppositeLinkEnds(mesh, firstEndOf(mesh, 'shop'));
    expect(offered.map((end) => [end.label, end.fedBy])).toEqual([
      ['Revenue · refunds', undefined],
      ['Orders · in', 'Shop · shop.items'],
      ['Revenue · in', 'Orders · out'],
    ]);
  });

  it('offers the outputs and topics of other nodes to an input', () => {
    const mesh = salesPipeline();
    const offered = oppositeLinkEnds(mesh, firstEndOf(mesh, 'revenue'));
    expect(offered.every((end) => end.sends && end.endpoint.nodeId !== 'revenue')).toBe(true);
    expect(labels(offered)).toContain('Orders · out');
    expect(offered.some((end) => end.endpoint.nodeId === 'shop')).toBe(true);
  });
});

describe('moving an end of a link (Move Link End…)', () => {
  it('keeps either end of the link: its source, then its target, neither counted as fed by the link itself', () => {
    const ends = endsOfLink(salesPipeline(), 'orders-to-revenue');
    expect(ends.map((end) => [end.label, end.sends, end.fedBy])).toEqual([
      ['Orders · out', true, undefined],
      ['Revenue · in', false, undefined],
    ]);
    expect(endsOfLink(salesPipeline(), 'no-such-link')).toEqual([]);
  });

  it('moves the target to another input, never back to the one it has', () => {
    const mesh = aMesh()
      .withDomain('sales')
      .withProduct('orders', 'sales', { outputPorts: [aPort('out', 'output')] })
      .withProduct('revenue', 'sales', { inputPorts: [aPort('in', 'input'), aPort('refunds', 'input')] })
      .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
      .build();
    const [source] = endsOfLink(mesh, 'orders-to-revenue');
    expect(labels(endsToMoveTo(mesh, 'orders-to-revenue', source as LinkEnd))).toEqual(['revenue · refunds']);
  });

  it('moves the source to another output or topic, the input it keeps being free for it', () => {
    const mesh = salesPipeline();
    const [, target] = endsOfLink(mesh, 'orders-to-revenue');
    const offered = endsToMoveTo(mesh, 'orders-to-revenue', target as LinkEnd);
    expect(offered.map((end) => end.endpoint)).toEqual([{ nodeId: 'shop', portId: 'items-cdc' }]);
    expect(offered.every((end) => end.sends && !end.closesLoop)).toBe(true);
  });
});

describe('oppositeLinkEnds where a link could close a loop', () => {
  /** Upstream, Middle and Aside, each with an input and an output, and one link between two of them. */
  function plantWithLink(from: string, to: string): Mesh {
    const ports = { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] };
    return aMesh()
      .withDomain('plant')
      .withProduct('upstream', 'plant', { name: 'Upstream', ...ports })
      .withProduct('middle', 'plant', { name: 'Middle', ...ports })
      .withProduct('aside', 'plant', { name: 'Aside', ...ports })
      .withLink(`${from}-to-${to}`, { nodeId: from, portId: 'out' }, { nodeId: to, portId: 'in' })
      .build();
  }
  const offeredFrom = (mesh: Mesh, portId: string) => {
    const start = linkEndsOf(mesh, 'middle').find((end) => end.endpoint.portId === portId) as LinkEnd;
    return oppositeLinkEnds(mesh, start).map((end) => [end.label, Boolean(end.closesLoop)]);
  };

  it('offers an output the inputs upstream of it last, marked as closing a loop', () => {
    expect(offeredFrom(plantWithLink('upstream', 'middle'), 'out')).toEqual([
      ['Aside · in', false],
      ['Upstream · in', true],
    ]);
  });

  it('offers fed inputs after the free ones, not to pick, and loop-closing ones last', () => {
    const ports = () => ({ inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] });
    const mesh = aMesh()
      .withDomain('plant')
      .withProduct('upstream', 'plant', { name: 'Upstream', ...ports() })
      .withProduct('middle', 'plant', { name: 'Middle', ...ports() })
      .withProduct('fed', 'plant', { name: 'Fed', ...ports() })
      .withProduct('aside', 'plant', { name: 'Aside', ...ports() })
      .withLink('upstream-to-middle', { nodeId: 'upstream', portId: 'out' }, { nodeId: 'middle', portId: 'in' })
      .withLink('aside-to-fed', { nodeId: 'aside', portId: 'out' }, { nodeId: 'fed', portId: 'in' })
      .build();
    const start = linkEndsOf(mesh, 'middle').find((end) => end.endpoint.portId === 'out') as LinkEnd;

    expect(oppositeLinkEnds(mesh, start).map((end) => [end.label, takesLink(end), Boolean(end.closesLoop)])).toEqual([
      ['Aside · in', true, false],
      ['Fed · in', false, false],
      ['Upstream · in', true, true],
    ]);
  });

  it('steps over the fed inputs to the next end a link may take, up or down; none past the last', () => {
    const mesh = salesPipeline();
    const offered = oppositeLinkEnds(mesh, firstEndOf(mesh, 'shop'));
    expect(offered.map(takesLink)).toEqual([false, false]);
    expect(linkableIndexFrom(offered, 0, 1)).toBeUndefined();

    const free = { ...(offered[0] as LinkEnd), fedBy: undefined };
    const ends = [free, offered[0] as LinkEnd, offered[1] as LinkEnd, free];
    expect(linkableIndexFrom(ends, 1, 1)).toBe(3);
    expect(linkableIndexFrom(ends, 2, -1)).toBe(0);
  });

  it('offers an input the outputs downstream of it last, marked as closing a loop', () => {
    expect(offeredFrom(plantWithLink('middle', 'upstream'), 'in')).toEqual([
      ['Aside · out', false],
      ['Upstream · out', true],
    ]);
  });
});

describe('link ends of products that share a name', () => {
  it('names each one’s domain, so two inputs called “Meal Orders · input” can be told apart', () => {
    const mealOrders = { name: 'Meal Orders', inputPorts: [aPort('input', 'input')] };
    const mesh = aMesh()
      .withDomain('menu', { name: 'Menu Planning' })
      .withDomain('cold', { name: 'Cold Chain' })
      .withProduct('plan', 'menu', { name: 'Production Plan', outputPorts: [aPort('out', 'output')] })
      .withProduct('meal-orders', 'menu', mealOrders)
      .withProduct('meal-orders-copy', 'cold', mealOrders)
      .build();
    expect(labels(oppositeLinkEnds(mesh, firstEndOf(mesh, 'plan')))).toEqual([
      'Meal Orders (Menu Planning) · input',
      'Meal Orders (Cold Chain) · input',
    ]);
  });
});

describe('filterLinkEnds', () => {
  const mesh = salesPipeline();
  const inputsOfShop = () => oppositeLinkEnds(mesh, firstEndOf(mesh, 'shop'));
  const filtered = (query: string) => labels(filterLinkEnds(mesh, inputsOfShop(), query));

  it('keeps the ends whose product or port contains the query, whatever its case', () => {
    expect(filtered('REVEN')).toEqual(['Revenue · in']);
    expect(filtered('· in')).toEqual(['Orders · in', 'Revenue · in']);
  });

  it('keeps the ends of the products of a domain whose name contains the query', () => {
    expect(filtered('analyt')).toEqual(['Revenue · in']);
  });

  it('keeps every end for an empty query, and none for a query nothing contains', () => {
    expect(filtered('  ')).toEqual(labels(inputsOfShop()));
    expect(filtered('lockers')).toEqual([]);
  });
});

describe('linkEndForDropOn: a link dropped on a node rather than on one of its dots', () => {
  const withSecondInputOnRevenue = (mesh: Mesh): Mesh => {
    const revenue = mesh.products.find((product) => product.id === 'revenue');
    revenue?.inputPorts.push({
      ...(revenue.inputPorts[0] as (typeof revenue.inputPorts)[number]),
      id: 'refunds',
      name: 'refunds',
    });
    return mesh;
  };

  it('joins an output to the input of the node it was dropped on', () => {
    expect(linkEndForDropOn(salesPipeline(), { nodeId: 'orders', portId: 'out' }, 'revenue')).toEqual({
      ok: true,
      endpoint: { nodeId: 'revenue', portId: 'in' },
    });
  });

  it('joins an input to the output of the node it was dropped on', () => {
    expect(linkEndForDropOn(salesPipeline(), { nodeId: 'revenue', portId: 'in' }, 'orders')).toEqual({
      ok: true,
      endpoint: { nodeId: 'orders', portId: 'out' },
    });
  });

  it('takes the one free input of several, since an input takes one source', () => {
    const mesh = withSecondInputOnRevenue(salesPipeline());
    expect(linkEndForDropOn(mesh, { nodeId: 'shop', portId: 'items-cdc' }, 'revenue')).toEqual({
      ok: true,
      endpoint: { nodeId: 'revenue', portId: 'refunds' },
    });
  });

  it('says which dot to drop on when several inputs are free', () => {
    const mesh = withSecondInputOnRevenue(salesPipeline());
    mesh.links = mesh.links.filter((link) => link.to.nodeId !== 'revenue');
    expect(linkEndForDropOn(mesh, { nodeId: 'orders', portId: 'out' }, 'revenue')).toEqual({
      ok: false,
      reason: 'Nothing linked: Revenue has 2 free input ports; drop the link on the dot of the one you mean.',
    });
  });

  it('counts the input a re-routed link leaves as free, so its end dropped on the node finds it', () => {
    const mesh = withSecondInputOnRevenue(salesPipeline());
    mesh.links.push({
      id: 'shop-to-refunds',
      from: { nodeId: 'shop', portId: 'items-cdc' },
      to: { nodeId: 'revenue', portId: 'refunds' },
    });
    const start = { nodeId: 'orders', portId: 'out' };
    expect(linkEndForDropOn(mesh, start, 'revenue', { replacingLinkId: 'orders-to-revenue' })).toEqual({
      ok: true,
      endpoint: { nodeId: 'revenue', portId: 'in' },
    });
    expect(linkEndForDropOn(mesh, start, 'revenue')).toEqual({
      ok: false,
      reason: 'Nothing linked: Revenue has no free input port: all 2 are fed already; add another for a second source.',
    });
  });

  it('says so when the node has no end of the kind the link needs', () => {
    expect(linkEndForDropOn(salesPipeline(), { nodeId: 'orders', portId: 'out' }, 'shop')).toEqual({
      ok: false,
      reason: 'Nothing linked: Shop has no input port for a link from an output.',
    });
  });
});
