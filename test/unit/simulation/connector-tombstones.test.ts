import { describe, expect, it } from 'vitest';
import { planLogs } from '../../../shared/simulation/log-plan';
import { aTwoTableStoreMesh } from './builders';

describe('tombstones in the simulation', () => {
  it('follows a delete with a tombstone on every topic of a connector one of whose topics wants them, as Debezium does', () => {
    const mesh = aTwoTableStoreMesh();
    const [a, b] = mesh.systems[0]!.messaging.topics;
    a!.tombstones = false;
    b!.tombstones = true;

    const tombstonesByTopic = [...planLogs(mesh).logs.values()].map(({ log }) => [
      log.name,
      log.format.kind === 'cdc' && log.format.tombstones,
    ]);
    expect(tombstonesByTopic).toEqual([
      ['store.public.a', true],
      ['store.public.b', true],
    ]);
  });
});
