import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import type { ContractModel, Mesh } from '../../../shared/model';
import { aMesh, aPort, aField as field } from '../../builders/mesh-builder';
import { filesOf } from '../export/golden-cases';

const CLAIMS: Partial<ContractModel> = {
  keepHistory: true,
  historyColumnPrefix: 'dbt_',
  schema: [
    {
      name: 'claims',
      properties: [
        field('claim_id', 'integer', { required: true, primaryKey: true, primaryKeyPosition: 1 }),
        field('amount', 'number', { physicalType: 'numeric(10,2)', required: true }),
        field('status', 'string', { physicalType: 'varchar(12)' }),
        field('valid_from', 'date'),
      ],
    },
  ],
};

/** Product `p` serving the contract `claims`. */
const servingClaims = (contract: Partial<ContractModel>): Mesh =>
  aMesh()
    .withDomain('d')
    .withContract('claims', contract)
    .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'claims' })] })
    .build();

const productSql = (mesh: Mesh) => String(filesOf(sqlTarget.files(mesh, WHOLE_MESH))[0]?.content);

function imported(fileName: string, sql: string) {
  const read = importContractSource(fileName, sql);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read;
}

/** The statements of the SQL from its history table's comment on. */
const historyPart = (sql: string) => sql.slice(sql.indexOf('-- every version'));

describe('a contract keeping history, exported as SQL and imported back', () => {
  const sql = productSql(servingClaims(CLAIMS));
  const read = imported('p.sql', sql);

  it('keeps history under the same column prefix, and its history table is no schema object of its own', () => {
    expect(read.contract.keepHistory).toBe(true);
    expect(read.contract.historyColumnPrefix).toBe('dbt_');
    expect(read.contract.schema.map((object) => object.name)).toEqual(['claims']);
  });

  it('says nothing of the history table, its indexes or a missing key', () => {
    expect(read.notes.map((note) => note.message)).not.toContainEqual(expect.stringContaining('claims_history'));
    expect(read.findings.map((finding) => finding.message)).not.toContainEqual(expect.stringContaining('_history'));
  });

  it('exports again the same history table', () => {
    const { keepHistory, historyColumnPrefix, schema } = read.contract;
    const again = productSql(servingClaims({ keepHistory, historyColumnPrefix, schema }));
    expect(historyPart(again)).toBe(historyPart(sql));
  });

  it('keeps history without a prefix as well', () => {
    const [claims] = CLAIMS.schema ?? [];
    const ownColumns = claims?.properties.filter((property) => property.name !== 'valid_from') ?? [];
    const withoutPrefix = { keepHistory: true, schema: [{ name: 'claims', properties: ownColumns }] };
    const { contract } = imported('p.sql', productSql(servingClaims(withoutPrefix)));
    expect(contract).toMatchObject({ keepHistory: true, schema: [{ name: 'claims' }] });
    expect(contract.historyColumnPrefix).toBeUndefined();
  });
});

describe('a table named like a history table that is not one our export writes', () => {
  const prices = `CREATE TABLE prices (sku text PRIMARY KEY, price numeric NOT NULL);`;

  it.each([
    [
      'other columns',
      'CREATE TABLE prices_history (sku text NOT NULL, price numeric NOT NULL, changed_at timestamptz);',
    ],
    [
      'no is_current',
      'CREATE TABLE prices_history (sku text NOT NULL, price numeric NOT NULL, valid_from timestamptz NOT NULL, valid_to timestamptz);',
    ],
    [
      'a price of another type',
      'CREATE TABLE prices_history (sku text NOT NULL, price integer NOT NULL, valid_from timestamptz NOT NULL, valid_to timestamptz, is_current boolean NOT NULL);',
    ],
    [
      'validity columns of other types',
      'CREATE TABLE prices_history (sku text NOT NULL, price numeric NOT NULL, valid_from date NOT NULL, valid_to date, is_current boolean NOT NULL);',
    ],
  ])('stays a table (%s)', (_case, history) => {
    const { contract } = imported('prices.sql', `${prices}\n${history}`);
    expect(contract.keepHistory).toBe(false);
    expect(contract.schema.map((object) => object.name)).toEqual(['prices', 'prices_history']);
  });

  it('stays a table when another table of the file keeps no history, as a contract keeps the history of all its tables or none', () => {
    const sql = `${prices}
CREATE TABLE prices_history (sku text NOT NULL, price numeric NOT NULL, valid_from timestamptz NOT NULL, valid_to timestamptz, is_current boolean NOT NULL);
CREATE TABLE shops (shop_id text PRIMARY KEY);`;
    const read = imported('prices.sql', sql);
    expect(read.contract.keepHistory).toBe(false);
    expect(read.contract.schema.map((object) => object.name)).toEqual(['prices', 'prices_history', 'shops']);
    expect(read.notes.map((note) => note.message)).toContainEqual(
      'prices_history is the history table of prices as the SQL export writes it, but shops has none: a contract keeps the history of all its tables or none, so it is imported as a table',
    );
  });
});
