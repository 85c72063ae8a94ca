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

  it('names each list entry by its natural field: a support channel, a team member, a role, a definition, a custom property', () => {
    const text = anOdcsText(`support:
  - channel: imaging-data
    url: https://chat.example.com/imaging-data
team:
  name: clinic
  members:
    - username: dr.smith
      role: owner
    - name: Front desk
roles:
  - role: hygienist
    access: read
authoritativeDefinitions:
  - url: https://example.com/glossary
  - type: businessDefinition
    url: https://example.com/appointments
customProperties:
  - property: retention
    value: 10y
`);
    expect(outlineLines(contractOutline(text)).slice(5)).toEqual([
      'support section 6-8 @6:1',
      '  imaging-data entry 7-8 @7:14',
      'team section 9-14 @9:1',
      '  members section 11-14 @11:3',
      '    dr.smith entry 12-13 @12:17',
      '    Front desk entry 14-14 @14:13',
      'roles section 15-17 @15:1',
      '  hygienist entry 16-17 @16:11',
      'authoritativeDefinitions section 18-21 @18:1',
      '  https://example.com/glossary entry 19-19 @19:10',
      '  businessDefinition entry 20-21 @20:11',
      'customProperties section 22-24 @22:1',
      '  retention entry 23-24 @23:15',
    ]);
  });

  it("lists a map field's key and value, and the fields nested in them", () => {
    const text = anOdcsText(`schema:
  - name: patients
    properties:
      - name: allergies
        logicalType: map
        map:
          key:
            logicalType: string
          value:
            logicalType: object
            properties:
              - name: severity
                logicalType: string
`);
    expect(outlineLines(contractOutline(text)).slice(5)).toEqual([
      'schema section 6-18 @6:1',
      '  patients object 7-18 @7:11',
      '    allergies property 9-18 @9:15',
      '      key property 12-13 @12:11',
      '      value property 14-18 @14:11',
      '        severity property 17-18 @17:23',
    ]);
  });

  it('has no outline for text that is not a YAML mapping', () => {
    expect(contractOutline('- just\n- a list\n')).toEqual([]);
  });
});
