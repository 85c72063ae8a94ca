import { describe, expect, it } from 'vitest';
import { completeRuleArgumentFields } from '../../../shared/contracts/rule-argument-completion';

const BILLS = (fieldList: string, metric = 'duplicateValues') =>
  [
    'apiVersion: v3.1.0', // 1
    'kind: DataContract', // 2
    'id: urn:datacontract:billing:bills', // 3
    'schema:', // 4
    '  - name: bills', // 5
    '    properties:', // 6
    '      - {name: bill_id, logicalType: integer, physicalType: bigint}', // 7
    '      - {name: account_no, logicalType: string}', // 8
    '      - name: issued_on', // 9
    '    quality:', // 10
    `      - metric: ${metric}`, // 11
    '        arguments:', // 12
    `          properties: ${fieldList}`, // 13
    '        mustBe: 0', // 14
    '  - name: accounts', // 15
    '    properties:', // 16
    '      - name: account_no', // 17
  ].join('\n');

const choicesAt = (text: string, line: number, after: string) =>
  completeRuleArgumentFields(text, line, (text.split('\n')[line - 1] as string).indexOf(after) + after.length + 1);

const offeredAt = (text: string, line: number, after: string) => choicesAt(text, line, after).map(({ field }) => field);

describe('completion of the fields a duplicateValues rule reads', () => {
  it("offers the schema object's own fields in a flow list, not those listed already", () => {
    expect(offeredAt(BILLS('[]'), 13, '[')).toEqual(['bill_id', 'account_no', 'issued_on']);
    expect(offeredAt(BILLS('[account_no, ]'), 13, 'account_no, ')).toEqual(['bill_id', 'issued_on']);
  });

  it("says each field's type, as a relationship's to: does (integer · bigint)", () => {
    expect(choicesAt(BILLS('[]'), 13, '[')).toEqual([
      { field: 'bill_id', detail: 'integer · bigint' },
      { field: 'account_no', detail: 'string' },
      { field: 'issued_on', detail: 'no logicalType' },
    ]);
  });

  it('offers them for an item of a block list, and keeps the field of the item being typed on offer', () => {
    const text = BILLS('\n            - bill_id\n            - acc').replace(
      '          properties: \n',
      '          properties:\n',
    );
    expect(offeredAt(text, 15, '- acc')).toEqual(['account_no', 'issued_on']);
  });

  it('offers nothing for another metric, or outside the list', () => {
    expect(offeredAt(BILLS('[]', 'invalidValues'), 13, '[')).toEqual([]);
    expect(offeredAt(BILLS('[]'), 11, 'metric: ')).toEqual([]);
  });
});
