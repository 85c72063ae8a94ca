import { describe, expect, it } from 'vitest';
import { completeSlaElements } from '../../../shared/contracts/sla-element-completion';

const ORDERS = (element: string) =>
  [
    'apiVersion: v3.1.0', // 1
    'kind: DataContract', // 2
    'id: urn:datacontract:shop:orders', // 3
    'schema:', // 4
    '  - name: orders', // 5
    '    properties:', // 6
    '      - name: order_id', // 7
    '      - name: placed_at', // 8
    '      - name: step count', // 9
    '  - name: customers', // 10
    '    properties:', // 11
    '      - name: customer_id', // 12
    'slaProperties:', // 13
    '  - property: latency', // 14
    '    value: 4', // 15
    `    element: ${element}`, // 16
    '    unit: d', // 17
  ].join('\n');

/** What is offered with the caret just after `after` on the line, and the columns the one taken replaces. */
const completionAfter = (text: string, line: number, after: string) =>
  completeSlaElements(text, line, (text.split('\n')[line - 1] as string).indexOf(after) + after.length + 1);
const elementsAfter = (text: string, line: number, after: string) =>
  completionAfter(text, line, after).elements.map(({ element }) => element);

describe('completion of the elements an SLA applies to', () => {
  it('offers each schema object, then its fields as table.column, leaving out names the shorthand cannot write', () => {
    expect(elementsAfter(ORDERS(''), 16, 'element: ')).toEqual([
      'orders',
      'orders.order_id',
      'orders.placed_at',
      'customers',
      'customers.customer_id',
    ]);
  });

  it('says beside each field its type, as relationship references do: its logicalType, and its physicalType where written', () => {
    const text = ORDERS('')
      .replace(
        '      - name: order_id',
        '      - name: order_id\n        logicalType: integer\n        physicalType: bigint',
      )
      .replace('      - name: placed_at', '      - name: placed_at\n        logicalType: timestamp');
    expect(completionAfter(text, 19, 'element: ').elements).toEqual([
      { element: 'orders' },
      { element: 'orders.order_id', detail: 'integer · bigint' },
      { element: 'orders.placed_at', detail: 'timestamp' },
      { element: 'customers' },
      { element: 'customers.customer_id', detail: 'no logicalType' },
    ]);
  });

  it('offers the next element after a comma, not those listed already, and replaces only the part being written', () => {
    const text = ORDERS('orders.placed_at, cust');
    expect(elementsAfter(text, 16, 'cust')).toEqual([
      'orders',
      'orders.order_id',
      'customers',
      'customers.customer_id',
    ]);
    const lineText = text.split('\n')[15] as string;
    const { startColumn, endColumn } = completionAfter(text, 16, 'cust');
    expect(lineText.slice(startColumn - 1, endColumn - 1)).toBe('cust');
  });

  it('keeps the element being written on offer and replaces the whole of it, not what follows its comma', () => {
    const text = ORDERS('orders.plac, customers');
    expect(elementsAfter(text, 16, 'orders.pl')).toContain('orders.placed_at');
    expect(elementsAfter(text, 16, 'orders.pl')).not.toContain('customers');
    const lineText = text.split('\n')[15] as string;
    const { startColumn, endColumn } = completionAfter(text, 16, 'orders.pl');
    expect(lineText.slice(startColumn - 1, endColumn - 1)).toBe('orders.plac');
  });

  it('replaces inside the quotes of a quoted list', () => {
    const text = ORDERS('"orders.placed_at, cu"');
    const lineText = text.split('\n')[15] as string;
    const { startColumn, endColumn } = completionAfter(text, 16, ', cu');
    expect(lineText.slice(startColumn - 1, endColumn - 1)).toBe('cu');
  });

  it('offers them in a flow mapping too', () => {
    const text = [...ORDERS('').split('\n').slice(0, 13), '  - {property: latency, value: 4, element: }'].join('\n');
    expect(elementsAfter(text, 14, 'element: ')).toContain('customers.customer_id');
  });

  it("offers nothing for an SLA's other keys, or for an element outside slaProperties", () => {
    expect(elementsAfter(ORDERS(''), 15, 'value: 4')).toEqual([]);
    const text = ORDERS('').replace('slaProperties:', 'otherProperties:');
    expect(elementsAfter(text, 16, 'element: ')).toEqual([]);
  });
});
