import { describe, expect, it } from 'vitest';
import { resendKindOf } from '../../../shared/simulation/resend-kind';
import type { ResentRecords } from '../../../shared/simulation/simulation-metrics';

const burst: ResentRecords = {
  tick: 9,
  systemId: 'case-service',
  topicId: 'cases-cdc',
  kind: 'out-of-order',
  sent: [16, 15].map((offset) => ({ partition: 0, offset })),
};
const copyOf16 = { partition: 0, firstDelivery: { offset: 16, timestamp: 0 } };

describe('how a record sent again came to be sent', () => {
  it('tells a copy an out-of-order burst sent from one a redelivery sent, by the fault that sent it', () => {
    expect(resendKindOf('case-service/cases-cdc', copyOf16, [burst])).toBe('out-of-order');
    expect(resendKindOf('case-service/cases-cdc', copyOf16, [{ ...burst, kind: 'redeliver' }])).toBe('redeliver');
  });

  it('leaves it untold where no fault of that topic sent it, or both kinds did', () => {
    expect(resendKindOf('case-service/filings-cdc', copyOf16, [burst])).toBeUndefined();
    expect(resendKindOf('case-service/cases-cdc', { ...copyOf16, partition: 1 }, [burst])).toBeUndefined();
    expect(
      resendKindOf('case-service/cases-cdc', copyOf16, [burst, { ...burst, tick: 10, kind: 'redeliver' }]),
    ).toBeUndefined();
  });
});
