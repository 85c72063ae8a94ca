import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importContractSource } from '../../../shared/contracts/import';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import { contractErDiagram } from '../../../shared/export/mermaid';
import type { Contract, ContractProperty, SchemaObject } from '../../../shared/model/contract';
import { parseErDiagram } from '../diagrams/real-mermaid';
import { contractFromYaml, measuresAndDimensionsContract } from '../export/unseen-meshes';

const auctionLots = contractFromYaml(
  readFileSync(new URL('../../fixtures/odcs/auction-lots.odcs.yaml', import.meta.url), 'utf8'),
);

/** What an erDiagram can say of a property: its name, type, keys and the properties nested in it. */
function keysAndNames(property: ContractProperty | Record<string, unknown>): unknown {
  const { name, logicalType, primaryKey, unique, extensions } = property as ContractProperty;
  const nested = (property as { properties?: unknown[] }).properties ?? (extensions?.properties as unknown[]);
  const items = (property as { items?: unknown }).items ?? extensions?.items;
  return {
    name,
    logicalType,
    primaryKey: Boolean(primaryKey),
    unique: Boolean(unique),
    relationships: (property as { relationships?: unknown }).relationships ?? extensions?.relationships,
    ...(nested && { properties: nested.map((child) => keysAndNames(child as Record<string, unknown>)) }),
    ...(items !== undefined && { items: keysAndNames(items as Record<string, unknown>) }),
  };
}

const objectsOf = (schema: readonly SchemaObject[]) =>
  schema.map((object) => ({ name: object.name, properties: object.properties.map(keysAndNames) }));

/** The contract exported as its erDiagram and imported back from that text. */
function importedBack(contract: Contract) {
  const imported = importContractSource(`${contract.id}.mmd`, contractErDiagram(contract, [contract]).text);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported;
}

describe('a contract exported as a Mermaid erDiagram and imported back', () => {
  const { text } = contractErDiagram(auctionLots, [auctionLots]);
  const imported = importContractSource('auction-lots.mmd', text);

  it('has the same schema objects, properties, nested paths, keys and foreign keys', () => {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(auctionLots.schema));
  });

  it('leaves out the entity drawn for a table outside the contract, and notes nothing else', () => {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.contract.schema.map((object) => object.name)).not.toContain('estate');
    expect(imported.notes).toEqual([]);
  });

  it('is valid against the official ODCS schema', () => {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(validateOdcsDocument(parse(imported.contract.odcs))).toEqual([]);
  });
});

describe('a contract whose names Mermaid would read as Markdown, exported as an erDiagram and imported back', () => {
  const odds = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: odds
name: Odds
version: 1.0.0
status: active
schema:
  - name: odds_ticks
    properties:
      - name: _tick_id_
        logicalType: string
        required: true
        primaryKey: true
      - name: __source__
        logicalType: string
      - name: "~margin~ *net*"
        logicalType: number
      - name: _parent_
        logicalType: string
        relationships:
          - type: foreignKey
            to: odds_ticks._tick_id_
`);

  it('has the same property names, keys and foreign keys', () => {
    const imported = importedBack(odds);
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(odds.schema));
  });
});

describe('a contract whose names Mermaid would read as links, exported as an erDiagram and imported back', () => {
  const links = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: links
name: Links
version: 1.0.0
status: active
schema:
  - name: links
    properties:
      - name: https://links.example/id
        logicalType: string
        primaryKey: true
      - name: desk@links.example
        logicalType: string
      - name: WWW.Links.example
        logicalType: string
`);

  it('has the same property names and keys', () => {
    const imported = importedBack(links);
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(links.schema));
  });
});

describe('a contract whose schema objects are named with dots, exported as an erDiagram and imported back', () => {
  const links = contractFromYaml(`apiVersion: v3.2.0
kind: DataContract
id: links
name: Links
version: 1.0.0
status: active
schema:
  - name: links.v2
    properties:
      - { name: link_id, logicalType: string, required: true, primaryKey: true }
      - name: page_id
        logicalType: string
        relationships:
          - { type: foreignKey, to: www.links.example.page_id }
  - name: www.links.example
    properties:
      - { name: page_id, logicalType: string, required: true, primaryKey: true }
      - name: first_link_id
        logicalType: string
        relationships:
          - { type: foreignKey, to: links.v2.link_id }
`);
  const { text } = contractErDiagram(links, [links]);
  const imported = importContractSource('links.mmd', text);

  it('is drawn by the real mermaid with those names and the lines between them', async () => {
    const parsed = await parseErDiagram(text);
    expect(parsed.entities.map((entity) => entity.label)).toEqual(['links.v2', 'www.links.example']);
    expect(parsed.relationships).toEqual([
      { from: 'links.v2', to: 'www.links.example', label: 'page_id → page_id' },
      { from: 'www.links.example', to: 'links.v2', label: 'first_link_id → link_id' },
    ]);
  });

  it('has the same schema object names, and foreign keys to them', () => {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(links.schema));
    expect(imported.notes).toEqual([]);
  });

  it('is valid against the official ODCS schema, in the version whose references hold such names', () => {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.contract.apiVersion).toBe('v3.2.0');
    expect(validateOdcsDocument(parse(imported.contract.odcs))).toEqual([]);
  });
});

describe('a contract whose property names hold letters beyond ASCII, exported as an erDiagram and imported back', () => {
  const slopes = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: slopes
name: Slopes
version: 1.0.0
status: active
schema:
  - name: slopes
    properties:
      - name: piste_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: schneehöhe_cm
        logicalType: integer
      - name: größe m²
        logicalType: number
`);

  it('has the same property names', () => {
    const imported = importedBack(slopes);
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(slopes.schema));
  });

  it('reads back the names an earlier export wrote with `_` for each letter beyond ASCII', () => {
    const earlierExport = `---
title: "Schema of contract Slopes 1.0.0"
---
erDiagram
  object_slopes["slopes"] {
    integer piste_id PK "required"
    integer schneeh_he_cm "schneehöhe_cm"
    number gr__e_m_ "größe m²"
  }
`;
    const imported = importContractSource('slopes.mmd', earlierExport);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(slopes.schema));
  });
});

describe('a contract whose table refers to itself, exported as an erDiagram and imported back', () => {
  const crew = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: crew
name: Crew
version: 1.0.0
status: active
schema:
  - name: seafarer
    properties:
      - name: seafarer_id
        logicalType: string
        required: true
        primaryKey: true
      - name: cert_no
        logicalType: string
        unique: true
      - name: mentor_cert_no
        logicalType: string
        relationships:
          - type: foreignKey
            to: seafarer.cert_no
`);

  it('keeps the foreign key to the field the line names, not to the key', () => {
    const imported = importedBack(crew);
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(crew.schema));
    expect(imported.notes).toEqual([]);
  });
});

describe('a contract with a foreign key of two columns, exported as an erDiagram and imported back', () => {
  const refunds = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: refunds
name: Refunds
version: 1.0.0
status: active
schema:
  - name: receipt_line
    properties:
      - { name: receipt_id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1 }
      - { name: line_no, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 2 }
  - name: refund_line
    relationships:
      - type: foreignKey
        from: [refund_line.receipt_id, refund_line.line_no]
        to: [receipt_line.receipt_id, receipt_line.line_no]
    properties:
      - { name: refund_id, logicalType: string, required: true, primaryKey: true }
      - { name: receipt_id, logicalType: string }
      - { name: line_no, logicalType: integer }
`);

  it('refers to the whole key again, in one foreign key, not to each of its columns alone', () => {
    const imported = importedBack(refunds);
    const refundLine = imported.contract.schema.find((object) => object.name === 'refund_line');
    expect(refundLine?.extensions?.relationships).toEqual([
      {
        type: 'foreignKey',
        from: ['refund_line.receipt_id', 'refund_line.line_no'],
        to: ['receipt_line.receipt_id', 'receipt_line.line_no'],
      },
    ]);
    expect(refundLine?.properties.map((property) => property.extensions?.relationships)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(imported.notes).toEqual([]);
    expect(validateOdcsDocument(parse(imported.contract.odcs))).toEqual([]);
  });
});

describe('the ODCS 3.2 example of measures and dimensions, exported as an erDiagram and imported back', () => {
  const turnover = measuresAndDimensionsContract();
  const semanticTypes = (schema: readonly SchemaObject[]) =>
    schema.flatMap((object) => object.properties.map((property) => [property.name, property.extensions?.semanticType]));

  it('keeps its measures as measures, and its other properties without a semantic type', () => {
    const imported = importedBack(turnover);
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(turnover.schema));
    expect(semanticTypes(imported.contract.schema)).toEqual(
      semanticTypes(turnover.schema).map(([name, type]) => [name, type === 'measure' ? type : undefined]),
    );
  });

  it('is valid against the official ODCS schema, in the version that knows measures', () => {
    const imported = importedBack(turnover);
    expect(imported.contract.apiVersion).toBe('v3.2.0');
    expect(validateOdcsDocument(parse(imported.contract.odcs))).toEqual([]);
  });
});

describe('a contract whose properties are described, exported as an erDiagram and imported back', () => {
  const lots = contractFromYaml(`apiVersion: v3.2.0
kind: DataContract
id: lots
name: Lots
version: 1.0.0
status: active
schema:
  - name: lots
    properties:
      - name: lot_id
        logicalType: integer
        required: true
        primaryKey: true
        description: The lot's number, as the catalogue prints it
      - name: net weight (kg)
        logicalType: number
        description: net weight (kg), less the "tare" of 5% & <crate>
      - name: hammer_price
        logicalType: number
        description: hammer price, before fees
      - name: withdrawn_reason
        logicalType: string
        description: required, unless the lot is sold
      - name: status
        logicalType: string
        required: true
        description: measure, of a kind
      - name: bids
        logicalType: integer
        semanticType: measure
        description: How many bids, *all* rounds
      - name: note
        logicalType: string
`);
  const descriptions = (schema: readonly SchemaObject[]) =>
    schema.flatMap((object) => object.properties.map((property) => [property.name, property.description]));

  it('keeps each property’s description, whatever it starts with, as Mermaid draws it in the comment', async () => {
    const { text } = contractErDiagram(lots, [lots]);
    const drawn = await parseErDiagram(text);
    expect(drawn.entities[0]?.attributes).toContain(
      "integer lot_id PK required, The lot's number, as the catalogue prints it",
    );
    const imported = importedBack(lots);
    expect(descriptions(imported.contract.schema)).toEqual(descriptions(lots.schema));
    expect(objectsOf(imported.contract.schema)).toEqual(objectsOf(lots.schema));
    expect(imported.notes).toEqual([]);
  });
});

describe('a contract whose properties have physical types, exported as an erDiagram and imported back', () => {
  const readings = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: readings
name: Readings
version: 1.0.0
status: active
schema:
  - name: readings
    properties:
      - { name: reading_id, logicalType: integer, physicalType: bigint, required: true, primaryKey: true }
      - { name: station_code, logicalType: string, physicalType: "varchar(20)" }
      - { name: depth_cm, logicalType: number, physicalType: "numeric(10,2)" }
      - { name: spaced_depth_cm, logicalType: number, physicalType: "numeric(10, 2)" }
      - { name: read_at, logicalType: timestamp, physicalType: timestamp with time zone }
      - { name: gauge, logicalType: string, physicalType: int }
      - { name: tags, logicalType: array, physicalType: "text[]" }
      - { name: country_codes, logicalType: string, physicalType: "char(2)[]" }
      - { name: note, logicalType: string }
`);
  const types = (schema: readonly SchemaObject[]) =>
    schema.flatMap((object) =>
      object.properties.map((property) => [property.name, property.logicalType, property.physicalType]),
    );

  it('writes a physical type Mermaid takes as a word and the import reads as the logical type, else the logical type', async () => {
    const { text } = contractErDiagram(readings, [readings]);
    expect((await parseErDiagram(text)).entities[0]?.attributes).toEqual([
      'bigint reading_id PK required',
      'varchar(20) station_code',
      'numeric(10,2) depth_cm',
      'number spaced_depth_cm',
      'timestamp read_at',
      'string gauge',
      'array tags',
      'string country_codes',
      'string note',
    ]);
  });

  it('keeps each logical type, and each physical type the diagram writes', () => {
    const imported = importedBack(readings);
    const written = new Set(['bigint', 'varchar(20)', 'numeric(10,2)']);
    expect(types(imported.contract.schema)).toEqual(
      types(readings.schema).map(([name, logicalType, physicalType]) => [
        name,
        logicalType,
        written.has(physicalType as string) ? physicalType : undefined,
      ]),
    );
    expect(imported.notes).toEqual([]);
  });
});
