import { describe, expect, it } from 'vitest';
import { declaredLength, physicalSizeChange, physicalTypeParts } from '../../../shared/contracts/physical-type-size';

describe('a physical type whose size changed', () => {
  it.each([
    // Lengths, whatever the spelling: a value of 12 characters no longer fits.
    ['varchar(12)', 'varchar(10)'],
    ['varchar(12)', 'character varying(4)'],
    ['VARCHAR(12)', 'char(10)'],
    ['varchar(12)', 'nvarchar(10)'],
    ['national character varying(20)', 'varchar2(10)'],
    ['nchar(3)', 'character(2)'],
    // SQL Server's max holds any length a declared one does.
    ['varchar(max)', 'varchar(50)'],
    ['NVARCHAR(MAX)', 'nchar(10)'],
    // Digits before or after the point, whatever the spelling.
    ['decimal(8,1)', 'numeric(4,1)'],
    ['dec(6,2)', 'number(5,2)'],
    ['numeric(10,4)', 'decimal(12,2)'],
    // To an integer type: a fraction is lost, or 10 digits (9999999999) exceed 2147483647.
    ['decimal(8,1)', 'integer'],
    ['decimal(10,0)', 'int'],
    ['numeric(5,0)', 'smallint'],
    ['numeric(19,0)', 'bigint'],
    // From an integer type: 2147483647 has 10 digits, 32767 has 5.
    ['integer', 'decimal(9,0)'],
    ['smallint', 'numeric(6,2)'],
    ['bigint', 'integer'],
    ['int', 'smallint'],
    // Avro's and Protobuf's integers: a long of 3000000000 does not fit an int, nor a uint32 of it an int32.
    ['long', 'int'],
    ['long', 'integer'],
    ['int64', 'int32'],
    ['sfixed64', 'sint32'],
    ['uint32', 'int32'],
    ['uint64', 'uint32'],
    ['int32', 'uint64'],
    // PostgreSQL's names by byte count, and its serials, are the same integers: a bigint id of 3000000000 does not fit an int4.
    ['bigint', 'int4'],
    ['int4', 'int2'],
    ['bigserial', 'integer'],
    ['serial8', 'serial4'],
    ['serial4', 'smallserial'],
    ['int4', 'serial2'],
    // Fewer digits of a second: 12:00:00.123 is kept as 12:00:00.
    ['TIMESTAMP(3)', 'TIMESTAMP(0)'],
    ['time(6)', 'time(0)'],
    ['datetime2(7)', 'datetime2(3)'],
    ['datetime(6)', 'datetime(3)'],
    ['timestamptz(6)', 'timestamp(3) with time zone'],
    ['datetimeoffset(7)', 'datetimeoffset(3)'],
    // Without a size, a type only one database names keeps its default: SQL Server's 7 digits, PostgreSQL's 6.
    ['datetime2', 'datetime2(3)'],
    ['timestamptz', 'timestamptz(3)'],
    ['time with time zone', 'timetz(0)'],
    // A character type that declares no length holds text of any length: one that declares one refuses longer text.
    ['text', 'varchar(20)'],
    ['TEXT', 'char(1)'],
    ['clob', 'varchar2(4000)'],
    ['NCLOB', 'nvarchar2(100)'],
    ['string', 'varchar(255)'],
    ['ntext', 'nvarchar(50)'],
    ['longtext', 'varchar(16)'],
  ])('calls %s to %s narrowed', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('narrowed');
  });

  it.each([
    ['char(10)', 'varchar(12)'],
    ['varchar(4)', 'character varying(40)'],
    ['varchar(50)', 'varchar(max)'],
    ['nvarchar(4000)', 'NVARCHAR( MAX )'],
    ['numeric(10, 2)', 'decimal(14,4)'],
    // 999999999 fits in 2147483647, 999999999999999999 in 9223372036854775807.
    ['decimal(9,0)', 'integer'],
    ['numeric(18,0)', 'bigint'],
    ['integer', 'numeric(10,0)'],
    ['smallint', 'int'],
    ['int', 'long'],
    ['int32', 'int64'],
    ['uint32', 'int64'],
    ['fixed32', 'bigint'],
    ['int2', 'int4'],
    ['int4', 'bigserial'],
    ['timestamp(0)', 'TIMESTAMP(3)'],
    ['time(0) without time zone', 'time(6)'],
    ['datetime2(3)', 'datetime2'],
    ['datetimeoffset(3)', 'datetimeoffset'],
    ['timestamptz(3)', 'timestamp with time zone'],
    ['varchar(20)', 'text'],
    ['CHAR(3)', 'STRING'],
    ['varchar2(4000)', 'clob'],
  ])('calls %s to %s widened', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('widened');
  });

  it.each([
    // The same size, spelt otherwise.
    ['varchar(12)', 'nvarchar(12)'],
    ['DECIMAL(8,1)', 'numeric(8, 1)'],
    ['int', 'INTEGER'],
    ['long', 'BIGINT'],
    ['int32', 'int'],
    ['uint64', 'fixed64'],
    ['int4', 'integer'],
    ['serial4', 'int4'],
    ['smallint', 'int2'],
    ['datetime2', 'datetime2(7)'],
    ['timestamptz', 'timestamp(6) with time zone'],
    ['TIMESTAMP', 'timestamp without time zone'],
    // Nothing to compare: another kind of type, no size, a size it cannot read, a range that depends on the database.
    ['varchar(10)', 'decimal(10,0)'],
    ['decimal', 'integer'],
    ['varchar(max)', 'nvarchar(MAX)'],
    ['text', 'varchar(max)'],
    ['clob', 'string'],
    // A bare varchar is unbounded in PostgreSQL but varchar(1) in SQL Server; MySQL's tinytext keeps 255 bytes.
    ['text', 'varchar'],
    ['varchar(300)', 'tinytext'],
    ['decimal(8,1)', 'tinyint'],
    // int8 is 64 bits in PostgreSQL but 8 in ClickHouse; serial a PostgreSQL integer but MySQL's unsigned bigint.
    ['bigint', 'int8'],
    ['bigint', 'serial'],
    ['decimal(8,1)', 'float(8)'],
    ['decimal(2,4)', 'decimal(1,0)'],
    // A time of day and a timestamp, or a time zone kept or not, are other types.
    ['timestamp(6)', 'time(3)'],
    ['timestamptz(6)', 'timestamp(3)'],
  ])('cannot tell a narrowing from %s to %s', (from, to) => {
    expect(physicalSizeChange(from, to)).toBeUndefined();
  });

  // A size left out of time, timestamp or datetime is 0 digits in MySQL but up to 9 elsewhere (Snowflake's).
  it.each([
    ['timestamp(3)', 'timestamp'],
    ['TIMESTAMP', 'timestamp(6)'],
    ['time', 'time(7)'],
    ['datetime(3)', 'datetime'],
  ])('calls %s to %s perhaps narrowed, as its fraction of a second differs by database', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('perhaps narrowed');
  });

  it.each([
    ['timestamp', 'timestamp(9)'],
    ['time', 'time(9)'],
  ])('calls %s to %s widened, as no database keeps more digits without a size', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('widened');
  });
});

describe('a binary float whose width changed', () => {
  it.each([
    ['double', 'real'],
    ['float8', 'float4'],
    ['double precision', 'REAL'],
    ['float64', 'float32'],
  ])('calls %s to %s narrowed, as a 32-bit float keeps fewer digits', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('narrowed');
  });

  it.each([
    ['real', 'double'],
    ['float4', 'double precision'],
  ])('calls %s to %s widened', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('widened');
  });

  it.each([
    ['double', 'float8'],
    // A bare float is 64 bits in PostgreSQL and SQL Server: which database, the contract does not say.
    ['double', 'float'],
    ['float', 'real'],
  ])('cannot tell a narrowing from %s to %s in SQL', (from, to) => {
    expect(physicalSizeChange(from, to)).toBeUndefined();
  });

  // PostgreSQL, SQL Server and MySQL store float(1) to float(24) as a 32-bit float, float(25) to float(53) as a 64-bit one.
  it.each([
    ['double', 'float(24)'],
    ['float(53)', 'FLOAT(24)'],
    ['double precision', 'float(1)'],
    ['float(25)', 'real'],
  ])('calls %s to %s narrowed, as float(p) of up to 24 binary digits is 32 bits', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('narrowed');
  });

  it.each([
    ['float(24)', 'float(53)'],
    ['real', 'float(25)'],
  ])('calls %s to %s widened', (from, to) => {
    expect(physicalSizeChange(from, to)).toBe('widened');
  });

  it.each([
    ['float(53)', 'double precision'],
    ['float(24)', 'real'],
    ['float(1)', 'float(24)'],
    ['float(30)', 'float8'],
    // No SQL database declares a float of more than 53 binary digits but Oracle.
    ['float(53)', 'float(54)'],
  ])('finds %s and %s of one width, or cannot tell', (from, to) => {
    expect(physicalSizeChange(from, to)).toBeUndefined();
  });

  // Oracle's FLOAT(p) is a NUMBER of p binary digits (FLOAT 126, REAL 63), no IEEE float.
  it.each([
    ['float(53)', 'float(30)', 'narrowed'],
    ['double precision', 'float(53)', 'narrowed'],
    ['float', 'real', 'narrowed'],
    ['float(24)', 'float(25)', 'widened'],
    ['real', 'float(30)', 'narrowed'],
    ['float(126)', 'double precision', undefined],
  ] as const)('reads Oracle floats by their binary digits: %s to %s %s', (from, to, change) => {
    expect(physicalSizeChange(from, to, 'oracle')).toBe(change);
  });

  // Oracle's BINARY_FLOAT and BINARY_DOUBLE are IEEE floats of 32 and 64 bits, in Oracle as in any other reading.
  it.each([undefined, 'oracle'] as const)(
    'reads BINARY_FLOAT as 32 bits and BINARY_DOUBLE as 64 (dialect %s)',
    (dialect) => {
      expect(physicalSizeChange('BINARY_DOUBLE', 'BINARY_FLOAT', dialect)).toBe('narrowed');
      expect(physicalSizeChange('binary_float', 'BINARY_DOUBLE', dialect)).toBe('widened');
      expect(physicalSizeChange('BINARY_FLOAT', 'float32', dialect)).toBeUndefined();
    },
  );

  it('finds BINARY_DOUBLE and double precision of one width, and a real narrower', () => {
    expect(physicalSizeChange('BINARY_DOUBLE', 'double precision')).toBeUndefined();
    expect(physicalSizeChange('BINARY_DOUBLE', 'real')).toBe('narrowed');
  });

  it("calls Oracle's FLOAT(126) made BINARY_DOUBLE narrowed, as it keeps 53 of 126 binary digits", () => {
    expect(physicalSizeChange('FLOAT(126)', 'BINARY_DOUBLE', 'oracle')).toBe('narrowed');
  });

  // MySQL's REAL is a DOUBLE (unless the REAL_AS_FLOAT SQL mode is on), its bare FLOAT 32 bits.
  it.each([
    ['double', 'real', undefined],
    ['real', 'double precision', undefined],
    ['real', 'float', 'narrowed'],
    ['float', 'real', 'widened'],
    ['real', 'float(24)', 'narrowed'],
    ['float(53)', 'real', undefined],
  ] as const)('reads MySQL floats by their bits, a REAL as 64: %s to %s %s', (from, to, change) => {
    expect(physicalSizeChange(from, to, 'mysql')).toBe(change);
  });

  // MySQL's deprecated FLOAT(M,D), DOUBLE(M,D) and REAL(M,D): M and D round the values shown, not the bits kept.
  it.each([
    ['double(10,2)', 'float(10,2)', 'narrowed'],
    ['real(8,3)', 'double', undefined],
    ['DOUBLE PRECISION(10,2)', 'double', undefined],
    ['float(7,2)', 'real(7,2)', 'widened'],
    ['double(10,2)', 'float(30)', undefined],
    ['double(10,2)', 'float(24)', 'narrowed'],
  ] as const)(
    "reads MySQL's FLOAT(M,D) as 32 bits and DOUBLE(M,D) and REAL(M,D) as 64, in MySQL and unsaid: %s to %s %s",
    (from, to, change) => {
      expect(physicalSizeChange(from, to, 'mysql')).toBe(change);
      expect(physicalSizeChange(from, to)).toBe(change);
    },
  );

  it.each(['avro', 'protobuf'] as const)('reads a bare float as 32 bits in %s records', (recordFormat) => {
    expect(physicalSizeChange('double', 'float', recordFormat)).toBe('narrowed');
    expect(physicalSizeChange('float', 'double', recordFormat)).toBe('widened');
    expect(physicalSizeChange('float', 'float32', recordFormat)).toBeUndefined();
  });
});

describe('the parts of a physical type', () => {
  it('reads a name, a size and a scale, whatever the case and spaces', () => {
    expect(physicalTypeParts('NUMERIC(14, 2)')).toEqual({ base: 'numeric', size: 14, scale: 2 });
  });

  it.each([
    ['varchar(max)', 'varchar'],
    ['NVARCHAR( MAX )', 'nvarchar'],
    ['varbinary(Max)', 'varbinary'],
  ])('reads SQL Server’s %s as %s at the largest size it holds, no length declared', (physicalType, base) => {
    expect(physicalTypeParts(physicalType)).toEqual({ base, isMaxSize: true });
    expect(declaredLength(physicalType)).toBeUndefined();
  });
});
