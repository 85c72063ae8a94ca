import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import type { ContractProperty } from '../../../shared/model/contract';
import { logicalTypeOptions } from '../../../shared/simulation/allowed-values';

/** The imported column `name` of a one-table SQL file. */
function importedColumn(source: string, name: string): ContractProperty {
  const read = importContractSource('sessions.sql', source);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const properties = read.contract.schema.flatMap((object) => object.properties);
  return properties.find((property) => property.name === name) as ContractProperty;
}

const timeZoneOf = (source: string, column = 'seen_at') => logicalTypeOptions(importedColumn(source, column))?.timezone;

// MySQL's TIMESTAMP is stored in UTC and read in the session's zone: a moment, as a contract saying no timezone means.
describe("a hand-written MySQL file, without backticks or backslash escapes, read as MySQL's", () => {
  it.each([
    ['ENGINE=InnoDB', 'CREATE TABLE sessions (id INT PRIMARY KEY, seen_at TIMESTAMP) ENGINE=InnoDB;'],
    ['ENGINE = MyISAM', 'CREATE TABLE sessions (id INT PRIMARY KEY, seen_at TIMESTAMP) ENGINE = MyISAM;'],
    ['AUTO_INCREMENT', 'CREATE TABLE sessions (id INT AUTO_INCREMENT PRIMARY KEY, seen_at TIMESTAMP);'],
    ['UNSIGNED', 'CREATE TABLE sessions (id INT UNSIGNED PRIMARY KEY, seen_at TIMESTAMP);'],
    ['DEFAULT CHARSET', 'CREATE TABLE sessions (id INT PRIMARY KEY, seen_at TIMESTAMP) DEFAULT CHARSET=utf8mb4;'],
    [
      'COLLATE utf8mb4_…',
      'CREATE TABLE sessions (id INT PRIMARY KEY, note VARCHAR(20) COLLATE utf8mb4_unicode_ci, seen_at TIMESTAMP);',
    ],
    ['TINYINT(1)', 'CREATE TABLE sessions (id INT PRIMARY KEY, is_open TINYINT(1), seen_at TIMESTAMP);'],
    [
      'ON UPDATE CURRENT_TIMESTAMP',
      'CREATE TABLE sessions (id INT PRIMARY KEY, seen_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);',
    ],
  ])('reads TIMESTAMP as a moment in a file with %s', (_sign, source) => {
    expect(timeZoneOf(source)).toBeUndefined();
  });

  it("reads a MySQL file's strings with backslash escapes, as MySQL does", () => {
    const source = "CREATE TABLE sessions (id INT PRIMARY KEY, note TEXT COMMENT 'C:\\\\temp') ENGINE=InnoDB;";
    expect(importedColumn(source, 'note').description).toBe('C:\\temp');
  });
});

describe("files of other databases keep their reading, where MySQL's words are names or another's", () => {
  it.each([
    ['PostgreSQL', 'CREATE TABLE sessions (id integer PRIMARY KEY, seen_at TIMESTAMP);'],
    [
      'PostgreSQL with columns named engine, unsigned and auto_increment',
      "CREATE TABLE sessions (id integer PRIMARY KEY, engine text CHECK (engine = 'diesel'), unsigned boolean, auto_increment integer, seen_at TIMESTAMP);",
    ],
    [
      'PostgreSQL with ON UPDATE CASCADE and a collation',
      'CREATE TABLE sessions (id integer PRIMARY KEY REFERENCES users (id) ON UPDATE CASCADE, note text COLLATE "C", seen_at TIMESTAMP);',
    ],
    [
      'SQL Server with TINYINT, DATETIME and a Latin1 collation',
      'CREATE TABLE sessions (id INT IDENTITY(1,1) PRIMARY KEY, level TINYINT, note VARCHAR(20) COLLATE Latin1_General_CI_AS, opened DATETIME, seen_at DATETIME2);',
    ],
    ['Oracle', 'CREATE TABLE sessions (id NUMBER(10) PRIMARY KEY, seen_at TIMESTAMP(6)) SEGMENT CREATION IMMEDIATE;'],
  ])('reads TIMESTAMP as a clock time in a file of %s', (_database, source) => {
    expect(timeZoneOf(source)).toBe(false);
  });
});
