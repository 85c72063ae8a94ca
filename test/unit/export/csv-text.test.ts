import { describe, expect, it } from 'vitest';
import { toCsvText } from '../../../shared/export/csv-text';
import { emptyHistory, metricsCsv, withTicks } from '../../../shared/simulation/metrics-history';

const BYTE_ORDER_MARK = '\uFEFF';

describe('CSV files the app writes', () => {
  it('starts with a UTF-8 byte-order mark, so Excel reads `—`, `Ü` and `→` in headers as written', () => {
    const text = toCsvText([
      ['Film Performance — Ü', 'a → b'],
      [1, 2],
    ]);
    expect(text).toBe(`${BYTE_ORDER_MARK}Film Performance — Ü,a → b\n1,2\n`);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes a cell with a comma, a quote or a line break, doubling its quotes', () => {
    expect(toCsvText([['orders, to "360"', 'two\nlines', 'plain']])).toBe(
      `${BYTE_ORDER_MARK}"orders, to ""360""","two\nlines",plain\n`,
    );
  });

  it('writes the Metrics CSV download with the byte-order mark', () => {
    const history = withTicks(emptyHistory(), []);
    expect(metricsCsv(history).startsWith(BYTE_ORDER_MARK)).toBe(true);
  });
});
