import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

const mesh = aMesh()
  .withDomain('sales')
  .withSystem('shop', 'sales')
  .withProduct('orders', 'sales', { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] })
  .withProduct('revenue', 'sales', {
    inputPorts: [aPort('in', 'input'), aPort('second-in', 'input')],
    outputPorts: [aPort('out', 'output')],
  })
  .withLink('existing', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
  .build();

const end = (nodeId: string, portId: string) => ({ nodeId, portId });

describe('checkConnection', () => {
  it('allows an output port into another product’s input port', () => {
    expect(checkConnection(mesh, end('orders', 'out'), end('revenue', 'second-in'))).toEqual({
      ok: true,
      from: end('orders', 'out'),
      to: end('revenue', 'second-in'),
    });
  });

  it('allows a system’s topic into an input port', () => {
    expect(checkConnection(mesh, end('shop', 'items-cdc'), end('orders', 'in')).ok).toBe(true);
  });

  it('orients a link dragged backwards, from the input to the output', () => {
    expect(checkConnection(mesh, end('revenue', 'second-in'), end('orders', 'out'))).toMatchObject({
      ok: true,
      from: end('orders', 'out'),
      to: end('revenue', 'second-in'),
    });
  });

  it('refuses input to input', () => {
    expect(checkConnection(mesh, end('orders', 'in'), end('revenue', 'in'))).toEqual({
      ok: false,
      reason: 'Both ends are input ports: link an output port or topic to an input port.',
    });
  });

  it('refuses output to output, and topic to output', () => {
    const refusal = 'Both ends send data (output ports or topics): link an output to an input port.';
    expect(checkConnection(mesh, end('orders', 'out'), end('revenue', 'out'))).toEqual({ ok: false, reason: refusal });
    expect(checkConnection(mesh, end('shop', 'items-cdc'), end('revenue', 'out'))).toEqual({
      ok: false,
      reason: refusal,
    });
  });

  it('refuses a product feeding itself', () => {
    expect(checkConnection(mesh, end('orders', 'out'), end('orders', 'in'))).toEqual({
      ok: false,
      reason: 'A product cannot feed its own input port.',
    });
  });

  it('refuses a second link between the same two ports, whichever way it was dragged', () => {
    const refusal = { ok: false, reason: 'These two ports are already linked.' };
    expect(checkConnection(mesh, end('orders', 'out'), end('revenue', 'in'))).toEqual(refusal);
    expect(checkConnection(mesh, end('revenue', 'in'), end('orders', 'out'))).toEqual(refusal);
  });

  it('refuses a second source into an input port that is already fed, and says to add another input port', () => {
    const reason = "'revenue · in' is already fed by 'orders · out'; add another input port for a second source.";
    expect(checkConnection(mesh, end('shop', 'items-cdc'), end('revenue', 'in'))).toEqual({ ok: false, reason });
    expect(checkConnection(mesh, end('revenue', 'in'), end('shop', 'items-cdc'))).toEqual({ ok: false, reason });
  });

  it('lets a link feeding an input port be re-routed to come from another source', () => {
    const rerouted = checkConnection(mesh, end('shop', 'items-cdc'), end('revenue', 'in'), {
      replacingLinkId: 'existing',
    });
    expect(rerouted.ok).toBe(true);
  });

  it('lets a re-routed link land where it already is', () => {
    expect(checkConnection(mesh, end('orders', 'out'), end('revenue', 'in'), { replacingLinkId: 'existing' }).ok).toBe(
      true,
    );
  });

  it('refuses any link into or out of a discovery port', () => {
    const reason = 'A discovery port publishes metadata for catalogs; links cannot start or end there.';
    expect(checkConnection(mesh, end('orders', 'out'), end('revenue', 'discovery'))).toEqual({ ok: false, reason });
    expect(checkConnection(mesh, end('orders', 'discovery'), end('revenue', 'second-in'))).toEqual({
      ok: false,
      reason,
    });
  });

  it('refuses endpoints that do not exist', () => {
    expect(checkConnection(mesh, end('orders', 'out'), end('ghost', 'in'))).toEqual({
      ok: false,
      reason: 'One end of the link no longer exists.',
    });
  });
});
