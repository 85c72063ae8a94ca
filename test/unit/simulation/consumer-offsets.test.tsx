import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConsumerOffsetTable } from '../../../renderer/simulation/consumer-offsets';
import type { ConsumerMetrics } from '../../../shared/simulation';
import { seriesLabel } from '../../../shared/simulation/metrics-history';
import { aMesh, aPort } from '../../builders/mesh-builder';

const stadium = aMesh()
  .withDomain('sales')
  .withProduct('ticket-sales', 'sales', {
    name: 'ticket-sales',
    inputPorts: [aPort('orders-cdc-in', 'input', { name: 'orders CDC' })],
  })
  .build();

const consumers: Record<string, ConsumerMetrics> = {
  'ticket-sales/orders-cdc-in': {
    linkId: 'l-orders',
    offset: 9,
    end: 12,
    lag: 3,
    lost: 0,
    compacted: 3,
    staleKeys: 1,
    skipped: 2,
    partitions: [
      { partition: 0, offset: 5, end: 6, lag: 1, lost: 0, compacted: 1 },
      { partition: 1, offset: 4, end: 6, lag: 2, lost: 0, compacted: 2 },
    ],
  },
};

/** Each row's cells as text: `<th>` and `<td>` alike. */
function rowsOf(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody'));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>|<t[hd][^>]*\/>/g)].map(([, text]) =>
      (text ?? '').replaceAll(/<[^>]+>/g, ''),
    ),
  );
}

describe('the Consumers table', () => {
  const html = renderToStaticMarkup(
    <ConsumerOffsetTable consumers={consumers} label={(id) => seriesLabel(stadium, id)} />,
  );

  it('names a consumer as the chart legends and the CSV do, by its port as the canvas shows it', () => {
    expect(html).toContain('ticket-sales · orders CDC');
    expect(html).not.toContain('orders-cdc-in<');
  });

  it('shows the stale keys and the changes skipped once, on a row for all the consumer’s partitions, not on partition 0', () => {
    expect(rowsOf(html)).toEqual([
      ['ticket-sales · orders CDC', '0', '5', '6', '1', '0', '1', '', ''],
      ['1', '4', '6', '2', '0', '2', '', ''],
      ['all', '', '', '3', '0', '3', '1', '2'],
    ]);
  });

  it('says what a stale key is, in the words the compacted column uses', () => {
    expect(html).toMatch(/<th title="Keys compaction left stale[^"]*">stale keys<\/th>/);
  });
});
