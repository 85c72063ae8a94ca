import { describe, expect, it } from 'vitest';
import { editContractText, readOdcsDocument } from '../../../shared/contracts/contract-edits';
import { fieldRemovalEdits, primaryKeyEdits } from '../../../shared/contracts/primary-key-edits';

const programmeItems = `schema:
  - name: programme_items
    properties:
      - name: concert_id
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 1
        required: true
      - name: position
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 2
        required: true
      - name: work_title
        logicalType: string
`;

const PROPERTIES_PATH = ['schema', 0, 'properties'] as const;

/** The text after the form's PK box of the property at `index` is set to `isKey`. */
function afterTicking(text: string, index: number, isKey: boolean): string {
  const properties = readOdcsDocument(text)?.schema;
  const list = Array.isArray(properties) ? (properties[0] as { properties: unknown[] }).properties : [];
  const result = editContractText(text, primaryKeyEdits(list, PROPERTIES_PATH, index, isKey));
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

describe('ticking a field as part of the primary key in the form', () => {
  it('makes it required and puts it after the key parts that say their positions', () => {
    expect(afterTicking(programmeItems, 2, true)).toContain(`      - name: work_title
        logicalType: string
        primaryKey: true
        required: true
        primaryKeyPosition: 3
`);
  });

  it('gives no position where the other parts say none, as ODCS orders such a key as declared', () => {
    const unpositioned = programmeItems.replaceAll(/ {8}primaryKeyPosition: \d\n/g, '');
    expect(afterTicking(unpositioned, 2, true)).not.toContain('primaryKeyPosition');
  });

  it('takes the position away from a field taken out of the key', () => {
    expect(afterTicking(programmeItems, 0, false)).toContain(`      - name: concert_id
        logicalType: string
        primaryKey: false
        required: true
`);
  });

  it('renumbers the key parts left from 1, with no gap, when the first part is taken out', () => {
    const prescriptions = `schema:
  - name: prescriptions
    properties:
      - name: prescription_id
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 1
        required: true
      - name: clinic_id
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 2
        required: true
`;
    expect(afterTicking(prescriptions, 0, false)).toBe(`schema:
  - name: prescriptions
    properties:
      - name: prescription_id
        logicalType: string
        primaryKey: false
        required: true
      - name: clinic_id
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 1
        required: true
`);
  });

  it('keeps the order of the parts left when a middle part is taken out, and appends a new part after them', () => {
    const threeParts = `${programmeItems}        primaryKey: true
        primaryKeyPosition: 3
        required: true
`;
    const withoutConcert = afterTicking(threeParts, 0, false);
    expect(withoutConcert).toContain(`      - name: position
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 1
        required: true
      - name: work_title
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 2
`);
    expect(afterTicking(withoutConcert, 0, true)).toContain(`      - name: concert_id
        logicalType: string
        primaryKey: true
        required: true
        primaryKeyPosition: 3
`);
  });
});

describe('removing a field with the form', () => {
  const guestStays = `schema:
  - name: guest_stays
    properties:
      - name: guest_id
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 1
        required: true
      - name: reservation_id
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 2
        required: true
      - name: property_code
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 3
        required: true
      - name: room_type
        logicalType: string
`;

  function afterRemoving(text: string, index: number): string {
    const properties = readOdcsDocument(text)?.schema;
    const list = Array.isArray(properties) ? (properties[0] as { properties: unknown[] }).properties : [];
    const result = editContractText(text, fieldRemovalEdits(list, PROPERTIES_PATH, index));
    if (!result.ok) throw new Error(result.message);
    return result.text;
  }

  it('renumbers the key parts left from 1, in their order, when a key part is removed', () => {
    expect(afterRemoving(guestStays, 0)).toBe(`schema:
  - name: guest_stays
    properties:
      - name: reservation_id
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 1
        required: true
      - name: property_code
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 2
        required: true
      - name: room_type
        logicalType: string
`);
  });

  it('leaves the key as it is when a field outside it is removed', () => {
    expect(afterRemoving(guestStays, 3)).toBe(
      guestStays.replace('      - name: room_type\n        logicalType: string\n', ''),
    );
  });
});
