import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyImport,
  importContracts,
  importContractTexts,
} from '../../../renderer/contracts/import/import-contract-files';
import { IMPORTED, type ImportChoice, useImportPlan } from '../../../renderer/contracts/import/import-plan-store';
import { initialChoices, planImport } from '../../../renderer/contracts/import/planned-import';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { importContractSource } from '../../../shared/contracts/import';
import { nextVersionCandidates } from '../../../shared/contracts/next-version-candidates';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, openDocument } from './store-fixture';

const DESCRIPTION = 'Finca La Esperanza, Huila – Colómbia';

/** `text` as Windows-1252 saves it: one byte a character, the en dash as 0x96. */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (character) => (character === '–' ? 0x96 : character.charCodeAt(0)));
}

const SOURCES = {
  'farms.sql': `CREATE TABLE farms (id INT PRIMARY KEY);\nCOMMENT ON TABLE farms IS '${DESCRIPTION}';\n`,
  'farms.odcs.yaml': `apiVersion: v3.1.0\nkind: DataContract\nid: farms\nversion: 1.0.0\nstatus: draft\ndescription:\n  purpose: ${DESCRIPTION}\n`,
  'farms.schema.json': JSON.stringify({ title: 'farms', description: DESCRIPTION, type: 'object', properties: {} }),
};

const notice = () => useNoticeStore.getState().notice;

describe('importing contract files picked with Import… or dropped on the window', () => {
  beforeEach(() => {
    openDocument(aMesh().withDomain('coffee').withProduct('harvests', 'coffee').withContract('lots').build());
    useNoticeStore.setState({ notice: null, history: [] });
    useImportPlan.getState().close();
  });

  it.each(Object.entries(SOURCES))(
    'refuses %s saved as Windows-1252, naming the byte that is not UTF-8, and imports nothing',
    async (name, text) => {
      const before = documentNow();
      await importContracts([new File([windows1252(text)], name)]);
      const offset = text.indexOf('–');
      expect(notice()).toMatchObject({
        tone: 'error',
        text: `Could not import ${name}: byte ${offset} (0x96) is not UTF-8: the file was saved in another encoding (Latin-1, Windows-1252?); save it again as UTF-8. Nothing was changed.`,
      });
      expect(useImportPlan.getState().files).toBeNull();
      expect(documentNow()).toBe(before);
    },
  );

  it('refuses a binary file as binary, as the CLI does, and imports none of the files given with it', async () => {
    const before = documentNow();
    const binary = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x22, 0x0d, 0x0a])], 'photo.json');
    await importContracts([new File([SOURCES['farms.odcs.yaml']], 'farms.odcs.yaml'), binary]);
    expect(notice()?.text).toBe(
      'Could not import photo.json: the file contains NUL bytes: it is UTF-16 without a byte order mark or binary, not text. Nothing was changed.',
    );
    expect(documentNow()).toBe(before);
  });

  it('reads UTF-16 with a byte order mark, as SSMS saves a "Unicode" script', async () => {
    const text = SOURCES['farms.sql'];
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
    ]);
    await importContracts([new File([utf16], 'farms.sql')]);
    const farms = documentNow().contracts.find((contract) => contract.id === 'farms');
    expect(farms?.schema.map((object) => object.description)).toEqual([DESCRIPTION]);
  });
});

/** The official ODCS full example, v3.1.0 (`examples`) or v3.2.0: one id, and tables `tbl_1` and `receivers_master` in product `my quantum`. */
const fullExample = (folder: 'examples' | 'v3.2.0') =>
  importContractSource(
    'full-example.odcs.yaml',
    readFileSync(join(import.meta.dirname, '../../fixtures/odcs', folder, 'full-example.odcs.yaml'), 'utf8'),
  );
const asNew = (onConflict: ImportChoice['onConflict']) => ({
  'full-example.odcs.yaml': { target: 'new', onConflict },
});

describe('an import that would stop the design from exporting', () => {
  beforeEach(() => {
    openDocument(aMesh().withDomain('coffee').withProduct('harvests', 'coffee').build());
    applyImport([fullExample('examples')], {});
    useNoticeStore.setState({ notice: null, history: [] });
  });

  it('is refused before it is made, with the reason and the clashes the CLI names', () => {
    const { refusal } = planImport(documentNow(), [fullExample('v3.2.0')], asNew('rename'));
    expect(refusal?.reason).toBe('the design would no longer export');
    expect(refusal?.problems.map((problem) => problem.message)).toContain(
      "PostgreSQL DDL and migrations: data product 'my quantum': 'tbl_1' would name both table 'tbl_1' of contract 'my quantum' and table 'tbl_1' of contract '53581432-6c55-4ba2-a65f-72344a91553a-2'",
    );
  });

  it('goes ahead when the file replaces the contract it clashes with, or is skipped', () => {
    expect(planImport(documentNow(), [fullExample('v3.2.0')], asNew('replace')).refusal).toBeNull();
    expect(planImport(documentNow(), [fullExample('v3.2.0')], asNew('skip')).refusal).toBeNull();
  });

  it('opens with an ODCS file whose id the design has chosen as the next version of that contract, which imports', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/odcs/v3.2.0/full-example.odcs.yaml'), 'utf8');
    await importContracts([new File([text], 'full-example.odcs.yaml')]);
    const { files, choices } = useImportPlan.getState();
    expect(choices['full-example.odcs.yaml']?.target).toBe('53581432-6c55-4ba2-a65f-72344a91553a');
    expect(planImport(documentNow(), files ?? [], choices).refusal).toBeNull();
  });

  it('changes nothing when imported all the same, and says why', () => {
    const before = documentNow();
    expect(applyImport([fullExample('v3.2.0')], asNew('rename'))).toEqual([]);
    expect(documentNow()).toBe(before);
    expect(notice()).toMatchObject({
      tone: 'error',
      text: 'Imported 0 of 1 contract file: the design would no longer export. Nothing was changed.',
    });
    expect(notice()?.details).toContain(
      "products[1]: PostgreSQL DDL and migrations: data product 'my quantum': 'tbl_1' would name both table 'tbl_1' of contract 'my quantum' and table 'tbl_1' of contract '53581432-6c55-4ba2-a65f-72344a91553a-2'",
    );
  });
});

const STOCK_ODCS = (version: string) =>
  `apiVersion: v3.1.0\nkind: DataContract\nid: depot-stock\nname: DepotStock\nversion: ${version}\nstatus: draft\nschema:\n  - name: depot_stock\n    properties:\n      - name: depot_code\n        logicalType: string\n`;
const servingOf = (contractId: string) =>
  documentNow()
    .products.filter((product) => product.outputPorts.some((port) => port.contractId === contractId))
    .map((product) => product.id);
const contractText = (contractId: string) =>
  documentNow().contracts.find((contract) => contract.id === contractId)?.odcs;

describe('a contract pasted over a product', () => {
  beforeEach(() => {
    openDocument(
      aMesh()
        .withDomain('depots')
        .withDomain('fleet')
        .withProduct('gate-moves', 'depots', { name: 'Gate Moves' })
        .withProduct('containers', 'fleet', { name: 'Container Fleet', owner: 'fleet-team' })
        .build(),
    );
    useNoticeStore.setState({ notice: null, history: [] });
    useImportPlan.getState().close();
  });

  it('is served from it and names it, its domain and its owner in its text, without saying it names no product', async () => {
    const pasted = importContractSource('depot_stock.sql', 'CREATE TABLE depot_stock (depot_code text);');
    applyImport([pasted], {}, IMPORTED, { productId: 'containers' });
    expect(servingOf('depot-stock')).toEqual(['containers']);
    expect(contractText('depot-stock')).toMatch(/^domain: fleet$/m);
    expect(contractText('depot-stock')).toMatch(/^dataProduct: containers$/m);
    expect(contractText('depot-stock')).toMatch(/^ {2}name: fleet-team$/m);
    expect(notice()?.text).toBe('Imported 1 of 1 contract file. Served from Container Fleet by a new output port.');
    expect(notice()?.details?.join('\n')).not.toContain('names no dataProduct');
  });

  it('is a new contract served from the product when its id is of a contract the product does not serve', async () => {
    await importContractTexts([{ name: 'stock.odcs.yaml', text: STOCK_ODCS('1.0.0') }], IMPORTED, {
      productId: 'gate-moves',
    });
    const pastedOn = { productId: 'containers' };
    const files = [importContractSource('pasted.odcs.yaml', STOCK_ODCS('1.1.0'))];
    const choices = initialChoices(documentNow(), files, pastedOn);
    expect(choices['pasted.odcs.yaml']).toEqual({ target: 'new', onConflict: 'rename' });
    applyImport(files, choices, IMPORTED, pastedOn);
    expect(servingOf('depot-stock-2')).toEqual(['containers']);
    expect(documentNow().contracts.find((contract) => contract.id === 'depot-stock')?.version).toBe('1.0.0');
    expect(notice()?.text).toBe('Imported 1 of 1 contract file. Served from Container Fleet by a new output port.');
  });

  it('is the next version by default of the contract with its id the product serves', async () => {
    await importContractTexts([{ name: 'stock.odcs.yaml', text: STOCK_ODCS('1.0.0') }], IMPORTED, {
      productId: 'gate-moves',
    });
    const files = [importContractSource('pasted.odcs.yaml', STOCK_ODCS('1.1.0'))];
    expect(initialChoices(documentNow(), files, { productId: 'gate-moves' })['pasted.odcs.yaml']?.target).toBe(
      'depot-stock',
    );
  });

  it('says the product was not used when the user makes it the next version of a contract served elsewhere', async () => {
    await importContractTexts([{ name: 'stock.odcs.yaml', text: STOCK_ODCS('1.0.0') }], IMPORTED, {
      productId: 'gate-moves',
    });
    const files = [importContractSource('pasted.odcs.yaml', STOCK_ODCS('1.1.0'))];
    applyImport(files, { 'pasted.odcs.yaml': { target: 'depot-stock', onConflict: 'rename' } }, IMPORTED, {
      productId: 'containers',
    });
    expect(servingOf('depot-stock')).toEqual(['gate-moves']);
    expect(notice()?.text).toBe(
      'Imported 1 of 1 contract file. Not served from Container Fleet: a next version is served where its contract is.',
    );
  });

  it('imports a new schema that resembles nothing in the design at once, as ODCS or SQL', async () => {
    await importContractTexts([{ name: 'depot_stock.sql', text: 'CREATE TABLE depot_stock (depot_code text);' }]);
    expect(useImportPlan.getState().files).toBeNull();
    expect(documentNow().contracts.map((contract) => contract.id)).toEqual(['depot-stock']);
  });

  it('asks of a SQL table named as a contract of the design, offering only the contracts it resembles', async () => {
    await importContractTexts([{ name: 'stock.odcs.yaml', text: STOCK_ODCS('1.0.0') }]);
    const gates = 'CREATE TABLE gate_moves (id text);';
    await importContractTexts([{ name: 'gates.sql', text: gates }]);
    expect(useImportPlan.getState().files).toBeNull();
    await importContractTexts([{ name: 'stock.sql', text: 'CREATE TABLE depot_stock (depot_code text, iso text);' }]);
    const { files } = useImportPlan.getState();
    expect(files?.map((file) => file.file)).toEqual(['stock.sql']);
    const [stock] = files ?? [];
    expect(
      stock?.ok && nextVersionCandidates(documentNow().contracts, stock.contract).map((contract) => contract.id),
    ).toEqual(['depot-stock']);
  });
});
