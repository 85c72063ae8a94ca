import { describe, expect, it } from 'vitest';
import { endpointName } from '../../../shared/model';
import { aMesh, aProduct, aSystem } from '../simulation/builders';

describe('an endpoint as the canvas names it', () => {
  const mesh = () => {
    const built = aMesh()
      .with(
        aSystem('inventory').withTable('stock', { id: 'integer' }).withCdcTopic('stock-cdc', 'stock'),
        aProduct('stock').withInput('north-in').withInput('south-in').withOutput('stock-out', 'stock'),
      )
      .build();
    const stock = built.products[0];
    if (stock) for (const port of stock.inputPorts) port.name = 'Feed';
    return built;
  };

  it('names a port by its product and its own name, and a topic by its system', () => {
    expect(endpointName(mesh(), { nodeId: 'stock', portId: 'stock-out' })).toBe('stock · stock-out');
    expect(endpointName(mesh(), { nodeId: 'inventory', portId: 'stock-cdc' })).toMatch(/^inventory · /);
  });

  it('tells apart two ports of a product that share a name, by their ids', () => {
    expect(endpointName(mesh(), { nodeId: 'stock', portId: 'north-in' })).toBe('stock · Feed (north-in)');
    expect(endpointName(mesh(), { nodeId: 'stock', portId: 'south-in' })).toBe('stock · Feed (south-in)');
  });

  it('names an endpoint that no longer exists by its ids', () => {
    expect(endpointName(mesh(), { nodeId: 'gone', portId: 'out' })).toBe('gone · out');
  });
});
