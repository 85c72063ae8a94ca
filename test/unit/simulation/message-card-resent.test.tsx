import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageCard, sentAgainNote } from '../../../renderer/simulation/message-card';
import type { LogRecord } from '../../../shared/simulation';
import { tickMillis } from './builders';

const create9001: LogRecord = {
  position: 24,
  partition: 1,
  offset: 3,
  timestamp: tickMillis(5) + 30_000,
  key: { turnaround_id: 9001 },
  value: {
    before: null,
    after: { turnaround_id: 9001, gate: 'A1' },
    source: { connector: 'postgresql', name: 'ground', txId: 5, lsn: 40 },
    op: 'c',
    ts_ms: tickMillis(5) + 30_000,
  },
};

describe('a record’s card in the Inspect tab', () => {
  it('says a record sent again is the same record as the offset it was first sent at, and when that was', () => {
    const resent = { ...create9001, position: 28, offset: 6, timestamp: tickMillis(6) };
    const html = renderToStaticMarkup(
      <MessageCard
        log="ground/turnarounds-cdc"
        message={{ ...resent, firstDelivery: { offset: 3, timestamp: create9001.timestamp } }}
      />,
    );

    expect(html).toContain(
      'Sent again (redelivered): the same record as offset 3 of this partition, first sent at 09:05:30.',
    );
    expect(html).toContain('partition 1 · offset 6');
  });

  it('says a copy an out-of-order burst sent was re-sent out of order, and why a consumer skips it', () => {
    expect(sentAgainNote({ offset: 3, timestamp: create9001.timestamp }, 'out-of-order')).toBe(
      'Re-sent out of order (burst, newest first): the same record as offset 3 of this partition, first sent at 09:05:30. A consumer that applied it skips it: it is no newer than the change already applied for its key.',
    );
  });

  it('says nothing of the kind on a record’s first delivery', () => {
    expect(renderToStaticMarkup(<MessageCard log="ground/turnarounds-cdc" message={create9001} />)).not.toContain(
      'Sent again',
    );
  });
});
