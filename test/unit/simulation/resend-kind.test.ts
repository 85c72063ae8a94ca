import { describe, expect, it } from 'vitest';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { resendKindOf } from '../../../shared/simulation/resend-kind';
import type { ResentRecords } from '../../../shared/simulation/simulation-metrics';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate } from './builders';

const burst: ResentRecords = {
  tick: 9,
  systemId: 'case-service',
  topicId: 'cases-cdc',
  kind: 'out-of-order',
  sent: [16, 15].map((offset, index) => ({ partition: 0, offset, sentAgainAt: 20 + index })),
};
const copyOf16 = { partition: 0, offset: 20, firstDelivery: { offset: 16, timestamp: 0 } };

describe('how a record sent again came to be sent', () => {
  it('tells a copy an out-of-order burst sent from one a redelivery sent, by the fault that sent it', () => {
    expect(resendKindOf('case-service/cases-cdc', copyOf16, [burst])).toBe('out-of-order');
    expect(resendKindOf('case-service/cases-cdc', copyOf16, [{ ...burst, kind: 'redeliver' }])).toBe('redeliver');
  });

  it('leaves it untold where no fault of that topic sent it', () => {
    expect(resendKindOf('case-service/filings-cdc', copyOf16, [burst])).toBeUndefined();
    expect(resendKindOf('case-service/cases-cdc', { ...copyOf16, partition: 1 }, [burst])).toBeUndefined();
    expect(resendKindOf('case-service/cases-cdc', { ...copyOf16, firstDelivery: undefined }, [burst])).toBeUndefined();
  });

  it('tells each copy by the fault that sent it, where a redelivery and a burst sent copies of the same records', async () => {
    // A quiet topic: the burst at tick 2 takes up the copies the redelivery sent at tick 1.
    const mesh = aShopMesh().build();
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
        .withRate('shop', 'items', { updates: 1, updateColumns: ['price'] })
        .withFault({ kind: 'redeliver', tick: 1, systemId: 'shop', topicId: 'items-cdc', records: 2 })
        .withFault({ kind: 'out-of-order', tick: 2, systemId: 'shop', topicId: 'items-cdc', records: 3 })
        .build(),
    );
    simulation.step(2);
    const log = planPipeline(mesh).logs.find((candidate) => candidate.table === 'shop/items-cdc');
    const read = log && readMessages(simulation.query, log, { limit: 20 });
    const { resent } = simulation.metrics();
    const copies = (read?.ok ? read.value : [])
      .filter((record) => record.firstDelivery)
      .map((record) => [record.offset, record.firstDelivery?.offset, resendKindOf('shop/items-cdc', record, resent)])
      .reverse();

    expect(copies).toEqual([
      [4, 2, 'redeliver'],
      [5, 3, 'redeliver'],
      [7, 6, 'out-of-order'],
      [8, 3, 'out-of-order'],
      [9, 2, 'out-of-order'],
    ]);
  });
});
