import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readOdcsDocument } from '../../../shared/contracts/contract-edits';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import {
  diagramSummary,
  type FieldRef,
  relationshipEdit,
  schemaDiagramOf,
  whyUnreferenceable,
} from '../../../shared/contracts/schema-diagram';
import { editYamlText } from '../../../shared/contracts/yaml-text-edit';
import { measuresAndDimensionsContract } from '../export/unseen-meshes';
import { anOdcsText } from './builders';
import { officialExamples } from './official-examples';

const ORDERS = anOdcsText(`schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer
        primaryKey: true
        required: true
      - name: customer_id # who ordered
        logicalType: integer
  - name: customers
    properties:
      - name: customer_id
        logicalType: integer
        unique: true
`);

function documentOf(text: string) {
  const document = readOdcsDocument(text);
  if (!document) throw new Error('not a mapping');
  return document;
}

const ends = (text: string) =>
  schemaDiagramOf(documentOf(text)).edges.map(
    ({ from, to, type }) => `${from.table}.${from.field} -> ${to.table}.${to.field} (${type})`,
  );

describe('the schema diagram of a contract', () => {
  it('draws each schema object as a table of its fields, with types and keys', () => {
    expect(schemaDiagramOf(documentOf(ORDERS)).tables).toEqual([
      {
        name: 'orders',
        isExternal: false,
        fields: [
          {
            name: 'order_id',
            logicalType: 'integer',
            isPrimaryKey: true,
            isRequired: true,
            isUnique: false,
            isMeasure: false,
          },
          {
            name: 'customer_id',
            logicalType: 'integer',
            isPrimaryKey: false,
            isRequired: false,
            isUnique: false,
            isMeasure: false,
          },
        ],
      },
      {
        name: 'customers',
        isExternal: false,
        fields: [
          {
            name: 'customer_id',
            logicalType: 'integer',
            isPrimaryKey: false,
            isRequired: false,
            isUnique: true,
            isMeasure: false,
          },
        ],
      },
    ]);
  });

  it('marks the ODCS 3.2 measures among a table’s fields, and no column or dimension', () => {
    const [turnover] = schemaDiagramOf(documentOf(measuresAndDimensionsContract().odcs)).tables;
    expect(turnover?.fields.filter((field) => field.isMeasure).map((field) => field.name)).toEqual([
      'total_turnover_euros',
      'nb_receipts',
      'average_basket_value',
    ]);
  });

  it('draws property and object relationships, composite keys pairwise, and tables the contract lacks as external', () => {
    const example = officialExamples.find((candidate) => candidate.name === 'v3.2.0/full-example.odcs.yaml');
    const text = example?.text ?? '';
    expect(ends(text)).toEqual([
      'tbl.rcvr_id -> receivers.id (foreignKey)',
      'tbl.rcvr_cntry_code -> receivers.country_code (foreignKey)',
      'tbl.rcvr_id -> receivers.id (foreignKey)',
      'receivers.receiver_type -> receiver_types.type_code (foreignKey)',
    ]);
    const external = schemaDiagramOf(documentOf(text)).tables.filter((table) => table.isExternal);
    expect(external.map((table) => `${table.name}: ${table.fields.map((field) => field.name).join(', ')}`)).toEqual([
      'receiver_types: type_code',
    ]);
  });

  it('counts as its tables only those of the contract, and a table a relationship points outside it apart', () => {
    const text = anOdcsText(`schema:
  - name: vet_invoices
    properties:
      - name: claim_id
        logicalType: integer
        relationships:
          - type: foreignKey
            to: nosuchtable.nosuchcol
`);
    expect(diagramSummary(schemaDiagramOf(documentOf(text)))).toBe(
      '1 table, 1 relationship, 1 external table it refers to.',
    );
    expect(diagramSummary(schemaDiagramOf(documentOf(ORDERS)))).toBe('2 tables, 0 relationships.');
  });

  it('counts a composite relationship once, as the contract writes it, though it draws a line per key pair', () => {
    const text = anOdcsText(`schema:
  - name: dispensings
    properties:
      - name: prescription_id
        logicalType: string
      - name: clinic_id
        logicalType: string
    relationships:
      - type: foreignKey
        from: [dispensings.prescription_id, dispensings.clinic_id]
        to: [prescriptions.prescription_id, prescriptions.clinic_id]
  - name: prescriptions
    properties:
      - name: prescription_id
        logicalType: string
      - name: clinic_id
        logicalType: string
`);
    const diagram = schemaDiagramOf(documentOf(text));
    expect(diagram.edges).toHaveLength(2);
    expect(diagramSummary(diagram)).toBe('2 tables, 1 relationship.');
  });
});

const CUSTOMER_ID: FieldRef = { table: 'orders', field: 'customer_id' };
const CUSTOMERS_KEY: FieldRef = { table: 'customers', field: 'customer_id' };

function withRelationship(text: string, from: FieldRef, to: FieldRef): string {
  const edit = relationshipEdit(documentOf(text), from, to);
  if (!edit) throw new Error(`no edit relating ${from.field} to ${to.field}`);
  return editYamlText(text, [edit]);
}

describe('relating two fields by dragging between them', () => {
  it('adds a foreign key on the dragged-from property, touching no other line', () => {
    const edited = withRelationship(ORDERS, CUSTOMER_ID, CUSTOMERS_KEY);
    expect(edited).toBe(
      ORDERS.replace(
        '        logicalType: integer\n  - name: customers',
        '        logicalType: integer\n        relationships:\n          - type: foreignKey\n            to: customers.customer_id\n  - name: customers',
      ),
    );
    expect(validateOdcsDocument(parse(edited))).toEqual([]);
    expect(ends(edited)).toEqual(['orders.customer_id -> customers.customer_id (foreignKey)']);
  });

  it('adds nothing for a relationship that exists, a field to itself, or a field the contract lacks', () => {
    const related = withRelationship(ORDERS, CUSTOMER_ID, CUSTOMERS_KEY);
    expect(relationshipEdit(documentOf(related), CUSTOMER_ID, CUSTOMERS_KEY)).toBe(undefined);
    expect(relationshipEdit(documentOf(ORDERS), CUSTOMER_ID, CUSTOMER_ID)).toBe(undefined);
    expect(relationshipEdit(documentOf(ORDERS), { table: 'refunds', field: 'id' }, CUSTOMERS_KEY)).toBe(undefined);
  });
});

describe('fields a relationship cannot point at', () => {
  it('says in words that a table named with a space cannot be referenced as table.column', () => {
    expect(whyUnreferenceable({ table: 'player stats', field: 'player_id' })).toMatch(
      /^ODCS refers to a field as table\.column.*'player stats' cannot be referenced/,
    );
  });

  it('has nothing to say about names the reference can hold', () => {
    expect(whyUnreferenceable(CUSTOMERS_KEY)).toBeUndefined();
  });
});
