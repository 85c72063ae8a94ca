import { describe, expect, it } from 'vitest';
import { WHOLE_MESH } from '../../../shared/export';
import { contractErDiagram, mermaidTarget } from '../../../shared/export/mermaid';
import { aMesh } from '../../builders/mesh-builder';
import { filesOf } from '../export/golden-cases';
import { contractFromYaml } from '../export/unseen-meshes';
import { parseErDiagram } from './real-mermaid';

const quotes = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: quotes
name: Quotes
version: 1.0.0
status: active
schema:
  - name: quotes
    properties:
      - name: quote_id
        logicalType: integer
        required: true
        primaryKey: true
      - name: reference
        logicalType: string
        unique: true
`);

const quoteLines = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: quote-lines
name: Quote "Lines" <b>&</b>
version: 1.0.0
status: active
schema:
  - name: quote_lines
    properties:
      - name: quote_id
        logicalType: integer
        required: true
        primaryKey: true
        relationships:
          - type: foreignKey
            to: quotes.quote_id
      - name: line no.
        logicalType: integer
      - name: note
`);

/** The attributes Mermaid reads of a contract's one schema object, of the properties given as ODCS YAML list items. */
async function attributesOfOneTable(propertiesYaml: string, apiVersion = 'v3.1.0'): Promise<string[] | undefined> {
  const contract = contractFromYaml(`apiVersion: ${apiVersion}
kind: DataContract
id: lots
name: Lots
version: 1.0.0
status: active
schema:
  - name: lots
    properties:${propertiesYaml}
`);
  const { text } = contractErDiagram(contract, [contract]);
  return (await parseErDiagram(text)).entities[0]?.attributes;
}

const mesh = () => {
  const design = aMesh().build();
  design.contracts.push(quotes, quoteLines);
  return design;
};

describe('a contract’s schema as a Mermaid erDiagram', () => {
  it('draws each schema object with its properties’ types, keys and required, and another contract’s object with that contract’s types, as Mermaid reads them', async () => {
    const { text } = contractErDiagram(quoteLines, mesh().contracts);
    const parsed = await parseErDiagram(text);
    expect(parsed.entities).toEqual([
      {
        label: 'quote_lines',
        attributes: ['integer quote_id PK,FK required', 'integer line_no_ line no.', 'any note'],
      },
      { label: 'quotes (contract Quotes)', attributes: ['integer quote_id'] },
    ]);
    expect(parsed.relationships).toEqual([
      { from: 'quote_lines', to: 'quotes (contract Quotes)', label: 'quote_id → quote_id' },
    ]);
  });

  it('writes a property named like a key marker (pk, FK, Uk-code) so Mermaid reads it as a name, its name in the notes', async () => {
    const attributes = await attributesOfOneTable(`
      - name: pk
        logicalType: string
      - name: FK
        logicalType: string
      - name: Uk-code
        logicalType: string`);
    expect(attributes).toEqual(['string _pk pk', 'string _FK FK', 'string _Uk-code Uk-code']);
  });

  it('keeps a name in letters beyond ASCII as written, as Mermaid reads it (schneehöhe_cm, größe, 雪質)', async () => {
    const attributes = await attributesOfOneTable(`
      - name: schneehöhe_cm
        logicalType: integer
      - name: größe
        logicalType: string
      - name: 雪質
        logicalType: string
      - name: Ørsted-Zähler
        logicalType: integer`);
    expect(attributes).toEqual(['integer schneehöhe_cm', 'string größe', 'string 雪質', 'integer Ørsted-Zähler']);
  });

  it('gives properties whose written names would be the same distinct names, the name as written kept', async () => {
    const attributes = await attributesOfOneTable(`
      - name: line no.
        logicalType: integer
      - name: line_no_
        logicalType: integer
      - name: line-no?
        logicalType: integer`);
    expect(attributes).toEqual(['integer line_no__2 line no.', 'integer line_no_', 'integer line-no_ line-no?']);
  });

  it('writes names holding ~ so that Mermaid reads the diagram: in a label it would open a generic type and refuse it', async () => {
    const contract = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: odds
name: Odds
version: 1.0.0
status: active
schema:
  - name: odds_ticks
    properties:
      - name: id
        logicalType: string
        required: true
        primaryKey: true
      - name: "~~margin~~ ~ 5%"
        logicalType: number
      - name: "margin~ref"
        logicalType: string
        relationships:
          - type: foreignKey
            to: odds_ticks.id
`);
    const parsed = await parseErDiagram(contractErDiagram(contract, [contract]).text);
    expect(parsed.entities[0]?.attributes).toEqual([
      'string id PK required',
      'number __margin_____5 ~~margin~~ ~ 5%',
      'string margin_ref FK margin~ref',
    ]);
    expect(parsed.relationships[0]?.label).toBe('margin~ref → id');
  });

  it('writes a name led and ended by _ without its last _, as Mermaid would show it in italics (_internal_ as internal), its name in the notes', async () => {
    const attributes = await attributesOfOneTable(`
      - name: _internal_
        logicalType: string
      - name: __dunder__
        logicalType: string
      - name: _internal
        logicalType: string
      - name: "(legacy)"
        logicalType: string
      - name: ___
        logicalType: string`);
    expect(attributes).toEqual([
      'string _internal_2 _internal_',
      'string __dunder __dunder__',
      'string _internal',
      'string _legacy (legacy)',
      'string ___',
    ]);
  });

  it('writes the fields nested in an object or an array after their property, named by their path', async () => {
    const attributes = await attributesOfOneTable(`
      - name: storage
        logicalType: object
        properties:
          - name: vault
            logicalType: string
            required: true
      - name: lines
        logicalType: array
        items: { logicalType: object, properties: [{ name: sku, logicalType: string }] }`);
    expect(attributes).toEqual([
      'object storage',
      'string storage_vault required, storage.vault',
      'array lines',
      'object lines__ lines[]',
      'string lines___sku lines[].sku',
    ]);
  });

  it('marks an ODCS 3.2 measure in its notes, after required and before the name as written', async () => {
    const attributes = await attributesOfOneTable(
      `
      - name: total_turnover_euros
        semanticType: measure
        logicalType: number
        transformLogic: SUM(turnover_euros)
      - name: receipts (count)
        semanticType: measure
        logicalType: integer
        required: true
      - name: country_code_dim
        semanticType: dimension
        logicalType: string`,
      'v3.2.0',
    );
    expect(attributes).toEqual([
      'number total_turnover_euros measure',
      'integer receipts__count_ required, measure, receipts (count)',
      'string country_code_dim',
    ]);
  });

  it('names an object no contract of the design holds as outside the contract', async () => {
    const { text } = contractErDiagram(quoteLines, [quoteLines]);
    expect((await parseErDiagram(text)).entities[1]?.label).toBe('quotes (not in this contract)');
  });

  it('writes one file per contract under mermaid/contracts/, each parsing with the real mermaid package', async () => {
    const files = filesOf(mermaidTarget.files(mesh(), WHOLE_MESH)).filter((file) =>
      file.path.startsWith('mermaid/contracts/'),
    );
    expect(files.map(({ path, about }) => ({ path, about }))).toEqual([
      { path: 'mermaid/contracts/quotes.mmd', about: 'ER diagram of contract Quotes 1.0.0' },
      { path: 'mermaid/contracts/quote-lines-b-b.mmd', about: 'ER diagram of contract Quote "Lines" <b>&</b> 1.0.0' },
    ]);
    const first = await parseErDiagram(String(files[0]?.content));
    expect(first.entities).toEqual([
      { label: 'quotes', attributes: ['integer quote_id PK required', 'string reference UK'] },
    ]);
  });

  it('is left out when the contract-er kind is not chosen', () => {
    const files = filesOf(mermaidTarget.files(mesh(), WHOLE_MESH, { diagramKinds: ['logical-view'] }));
    expect(files.some((file) => file.path.startsWith('mermaid/contracts/'))).toBe(false);
  });
});
