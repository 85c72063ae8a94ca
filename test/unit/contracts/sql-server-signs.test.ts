import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import type { ContractProperty } from '../../../shared/model/contract';

/** The imported column `name` of a one-table SQL file. */
function importedColumn(source: string, name: string): ContractProperty {
  const read = importContractSource('visits.sql', source);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const properties = read.contract.schema.flatMap((object) => object.properties);
  return properties.find((property) => property.name === name) as ContractProperty;
}

/** SQL Server's TIMESTAMP is a row counter: read as SQL Server's, it is a string of physicalType ROWVERSION. */
const versionOf = (source: string) => importedColumn(source, 'version');

describe("a hand-written SQL Server file, without [names] or GO, read as SQL Server's", () => {
  it.each([
    ['IDENTITY(1,1)', 'CREATE TABLE dbo.visits (id INT IDENTITY(1,1) PRIMARY KEY, version TIMESTAMP);'],
    ['NVARCHAR', 'CREATE TABLE visits (id INT PRIMARY KEY, note NVARCHAR(40), version TIMESTAMP);'],
    ['VARCHAR(MAX)', 'CREATE TABLE visits (id INT PRIMARY KEY, note VARCHAR(MAX), version TIMESTAMP);'],
    ['DATETIME2', 'CREATE TABLE visits (id INT PRIMARY KEY, at DATETIME2(7), version TIMESTAMP);'],
    ['DATETIMEOFFSET', 'CREATE TABLE visits (id INT PRIMARY KEY, at DATETIMEOFFSET, version TIMESTAMP);'],
    ['SMALLDATETIME', 'CREATE TABLE visits (id INT PRIMARY KEY, at SMALLDATETIME, version TIMESTAMP);'],
    ['UNIQUEIDENTIFIER', 'CREATE TABLE visits (id UNIQUEIDENTIFIER PRIMARY KEY, version TIMESTAMP);'],
    ['SMALLMONEY', 'CREATE TABLE visits (id INT PRIMARY KEY, fee SMALLMONEY, version TIMESTAMP);'],
    ['PRIMARY KEY CLUSTERED', 'CREATE TABLE visits (id INT PRIMARY KEY CLUSTERED, version TIMESTAMP);'],
    ['GETDATE()', 'CREATE TABLE visits (id INT PRIMARY KEY, at DATETIME DEFAULT GETDATE(), version TIMESTAMP);'],
    ['NEWID()', 'CREATE TABLE visits (id CHAR(36) PRIMARY KEY DEFAULT NEWID(), version TIMESTAMP);'],
  ])('reads TIMESTAMP as a row counter in a file with %s', (_sign, source) => {
    expect(versionOf(source)).toMatchObject({ logicalType: 'string', physicalType: 'ROWVERSION' });
  });

  it('reads TINYINT as unsigned, 0 to 255', () => {
    const source = 'CREATE TABLE dbo.visits (id INT IDENTITY(1,1) PRIMARY KEY, level TINYINT);';
    expect(importedColumn(source, 'level').extensions?.logicalTypeOptions).toEqual({ minimum: 0, maximum: 255 });
  });

  it('imports the columns as the same file written with [names] and GO', () => {
    const plain =
      'CREATE TABLE dbo.visits (id INT IDENTITY(1,1) PRIMARY KEY, note NVARCHAR(MAX), at DATETIME2(7) NOT NULL, amount MONEY, flag BIT, uid UNIQUEIDENTIFIER, seen DATETIMEOFFSET(3), level TINYINT, version TIMESTAMP)';
    const bracketed = `${plain.replace(/\b(dbo|visits|id|note|at|amount|flag|uid|seen|level|version)\b/g, '[$1]')}\nGO\n`;
    const columns = (source: string) => {
      const read = importContractSource('visits.sql', source);
      if (!read.ok) throw new Error(JSON.stringify(read.errors));
      return read.contract.schema;
    };
    expect(columns(plain)).toEqual(columns(bracketed));
  });
});

describe("files of other databases keep their reading, where SQL Server's words are names or another's", () => {
  it.each([
    ['PostgreSQL', 'CREATE TABLE visits (id integer PRIMARY KEY, version TIMESTAMP);'],
    [
      'PostgreSQL with an identity column, MONEY and BIT',
      'CREATE TABLE visits (id integer GENERATED ALWAYS AS IDENTITY (START WITH 1) PRIMARY KEY, fee MONEY, flag BIT, version TIMESTAMP);',
    ],
    [
      'PostgreSQL with columns named identity and clustered',
      'CREATE TABLE visits (id integer PRIMARY KEY, identity text, clustered boolean, version TIMESTAMP);',
    ],
    ['Oracle with NCHAR', 'CREATE TABLE visits (id NUMBER(10) PRIMARY KEY, code NCHAR(2), version TIMESTAMP);'],
    [
      'MySQL with NVARCHAR',
      'CREATE TABLE visits (id INT AUTO_INCREMENT PRIMARY KEY, note NVARCHAR(40), version DATETIME);',
    ],
  ])('reads TIMESTAMP as a time in a file of %s', (_database, source) => {
    expect(versionOf(source).logicalType).toBe('timestamp');
  });
});
