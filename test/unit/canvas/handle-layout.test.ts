import { describe, expect, it } from 'vitest';
import { productHandleLayout, systemHandleLayout } from '../../../renderer/canvas/nodes/handle-layout';
import { withPortIdFromFirstName } from '../../../shared/editing/first-name-ids';
import { productById, systemById } from '../../../shared/editing/mesh-index';
import { withoutPort, withPortAdded, withPortFields, withPortMoved } from '../../../shared/editing/ports';
import { withoutTopic, withTopicAdded, withTopicMoved, withTopicUpdated } from '../../../shared/editing/topics';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

const mesh = aMesh()
  .withDomain('venue')
  .withProduct('gate-scans', 'venue', {
    inputPorts: [aPort('turnstiles', 'input'), aPort('input', 'input')],
    outputPorts: [aPort('dataset', 'output'), aPort('entries', 'output')],
  })
  .withSystem('turnstile-service', 'venue')
  .build();

const gateScans = (edited: Mesh) => productHandleLayout(productById(edited, 'gate-scans')!);
const turnstileService = (edited: Mesh) => systemHandleLayout(systemById(edited, 'turnstile-service')!);

describe("a product's handle layout", () => {
  it.each<[string, (before: Mesh) => Mesh]>([
    ['a port is added', (before) => withPortAdded(before, 'gate-scans', 'output')!.mesh],
    ['a port is removed', (before) => withoutPort(before, 'gate-scans', 'turnstiles')],
    ['an input port is moved', (before) => withPortMoved(before, 'gate-scans', 'input', -1)],
    ['an output port is moved', (before) => withPortMoved(before, 'gate-scans', 'entries', -1)],
    [
      'a port takes its id from its first name',
      (before) =>
        withPortIdFromFirstName(
          withPortFields(before, 'gate-scans', 'input', { name: 'Scan Feed' }),
          'gate-scans',
          'input',
        )!.mesh,
    ],
  ])('changes when %s', (_, edit) => {
    expect(gateScans(edit(mesh))).not.toBe(gateScans(mesh));
  });

  it('stays when a port is renamed or described under the same id, which moves no handle', () => {
    const renamed = withPortFields(mesh, 'gate-scans', 'dataset', { name: 'Scan Feed', description: 'every scan' });
    expect(gateScans(renamed)).toBe(gateScans(mesh));
  });

  it('tells an input port from an output port of the same id', () => {
    const inputs = aMesh()
      .withDomain('venue')
      .withProduct('gate-scans', 'venue', { inputPorts: [aPort('feed', 'input')] })
      .build();
    const outputs = aMesh()
      .withDomain('venue')
      .withProduct('gate-scans', 'venue', { outputPorts: [aPort('feed', 'output')] })
      .build();
    expect(gateScans(inputs)).not.toBe(gateScans(outputs));
  });
});

describe("a system's handle layout", () => {
  const withEvents = withTopicAdded(mesh, 'turnstile-service');
  const eventTopic = systemById(withEvents, 'turnstile-service')!.messaging.topics[1]!.id;

  it.each<[string, Mesh, Mesh]>([
    ['a topic is added', mesh, withEvents],
    ['a topic is removed', withEvents, withoutTopic(withEvents, 'turnstile-service', eventTopic)],
    ['a topic is moved', withEvents, withTopicMoved(withEvents, 'turnstile-service', eventTopic, -1)],
  ])('changes when %s', (_, before, after) => {
    expect(turnstileService(after)).not.toBe(turnstileService(before));
  });

  it('stays when a topic is renamed', () => {
    const renamed = withTopicUpdated(withEvents, 'turnstile-service', eventTopic, { name: 'gates.entries' });
    expect(turnstileService(renamed)).toBe(turnstileService(withEvents));
  });
});
