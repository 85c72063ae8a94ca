import { describe, expect, it } from 'vitest';
import { contractOutline, type OutlineSymbol } from '../../../shared/contracts/contract-outline';
import { anOdcsText } from './builders';

/** The outline as indented lines, `name kind line:column-line:column @selection line:column`. */
function outlineLines(symbols: readonly OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap(({ name, kind, range, selectionRange, children }) => [
    `${'  '.repeat(depth)}${name} ${kind} ${range.line}-${range.endLine} @${selectionRange.line}:${selectionRange.column}`,
    ...outlineLines(children, depth + 1),
  ]);
}

describe('the outline of a contract', () => {
  it('lists the top-level sections, the schema objects and their properties, nested ones too, each at its lines', () => {
    const text = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
      - name: customer
        logicalType: object
        properties:
          - name: email
            logicalType: string
      - name: lines
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: sku
              logicalType: string
servers:
  - server: production
    type: postgres
slaProperties:
  - property: latency
    value: 4
team:
  name: sales
`);
    expect(outlineLines(contractOutline(text))).toEqual([
      'apiVersion field 1-1 @1:1',
      'kind field 2-2 @2:1',
      'id field 3-3 @3:1',
      'version field 4-4 @4:1',
      'status field 5-5 @5:1',
      'schema section 6-22 @6:1',
      '  orders object 7-22 @7:11',
      '    order_id property 9-10 @9:15',
      '    customer property 11-15 @11:15',
      '      email property 14-15 @14:19',
      '    lines property 16-22 @16:15',
      '      items property 18-22 @18:9',
      '        sku property 21-22 @21:21',
      'servers section 23-25 @23:1',
      '  production entry 24-25 @24:13',
      'slaProperties section 26-28 @26:1',
      '  latency entry 27-28 @27:15',
      'team section 29-30 @29:1',
    ]);
  });

  it('has no outline for text that is not a YAML mapping', () => {
    expect(contractOutline('- just\n- a list\n')).toEqual([]);
  });
});
