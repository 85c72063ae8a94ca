import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importContractSource } from '../../../shared/contracts/import';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import { schemaDiagramOf, whyUnreferenceable } from '../../../shared/contracts/schema-diagram';
import { postgresTypeOf } from '../../../shared/export/sql/postgres-column-types';
import type { ContractProperty } from '../../../shared/model/contract';

/**
 * What an import keeps of a source's facts beyond its types (allowed values, bounds, defaults,
 * comments), and that what it cannot keep is reported, never dropped silently. Each source is
 * written here by hand; the golden cases in test/fixtures/import/ show whole files.
 */
function imported(fileName: string, text: string) {
  const result = importContractSource(fileName, text);
  if (!result.ok)
    throw new Error(result.errors.map((error) => `${error.line}:${error.column} ${error.message}`).join('\n'));
  expect(validateOdcsDocument(parse(result.contract.odcs))).toEqual([]);
  const properties = result.contract.schema.flatMap((object) => object.properties);
  const property = (name: string) => properties.find((candidate) => candidate.name === name) as ContractProperty;
  const notes = result.notes.map((note) => `${note.line}:${note.column} ${note.path}: ${note.message}`);
  return { property, notes, odcs: result.contract.odcs };
}

/** The located errors of a source that cannot be imported. */
function refused(fileName: string, text: string): string[] {
  const result = importContractSource(fileName, text);
  return result.ok ? [] : result.errors.map((error) => `${error.line}:${error.column} ${error.message}`);
}

describe('SQL column types the SQL parser does not know', () => {
  it('imports PostgreSQL SERIAL keys beside geometric types, reporting the type with no logical type', () => {
    const { property, notes } = imported('gates.sql', 'CREATE TABLE gates (gate_id SERIAL PRIMARY KEY, geo POINT);');
    expect(property('gate_id')).toMatchObject({ logicalType: 'integer', primaryKey: true });
    expect(property('geo')).toMatchObject({ logicalType: 'string', physicalType: 'POINT' });
    expect(notes).toEqual([
      '1:49 gates.geo: POINT has no ODCS logical type: imported as a string (physicalType POINT)',
    ]);
  });

  it('imports an array of any type as an array of that type, however the array is spelled', () => {
    const { property, notes } = imported(
      'gates.sql',
      'CREATE TABLE gates (ips INET[], slots DATE[], codes TEXT[3], aliases TEXT ARRAY, grid INT[][]);',
    );
    expect(property('ips')).toMatchObject({ logicalType: 'array', extensions: { items: { logicalType: 'string' } } });
    expect(property('slots').extensions).toEqual({ items: { logicalType: 'date' } });
    expect(property('codes').extensions).toEqual({ items: { logicalType: 'string' } });
    expect(property('aliases').extensions).toEqual({ items: { logicalType: 'string' } });
    expect(property('grid').extensions).toEqual({
      items: { logicalType: 'array', items: { logicalType: 'integer' } },
    });
    expect(notes).toEqual([
      '1:21 gates.ips: INET has no ODCS logical type: imported as a string (physicalType INET[])',
    ]);
  });

  it("imports Oracle's NUMBER, BINARY_DOUBLE, CLOB and VARCHAR2(n CHAR|BYTE) as numbers and strings of their length, a decimal of no digits after the point as an integer", () => {
    const { property, notes } = imported(
      'cell-sites.sql',
      `CREATE TABLE cell_site (
  site_id NUMBER(10) PRIMARY KEY,
  site_code VARCHAR2(12 CHAR) NOT NULL,
  site_name NVARCHAR2(200),
  vendor VARCHAR2(40 BYTE),
  latitude NUMBER(9,6),
  capacity NUMBER,
  gain BINARY_DOUBLE,
  notes CLOB,
  cells NUMBER(*,0),
  towers NUMBER(*),
  antennas DECIMAL(4),
  sectors NUMERIC(6, 0),
  tilt DECIMAL(4,1)
);`,
    );
    expect(['cells', 'towers', 'antennas', 'sectors', 'tilt'].map((name) => property(name).logicalType)).toEqual([
      'integer',
      'number',
      'integer',
      'integer',
      'number',
    ]);
    expect(property('site_id')).toMatchObject({ logicalType: 'integer', physicalType: 'NUMBER(10)' });
    expect(property('latitude')).toMatchObject({ logicalType: 'number', physicalType: 'NUMBER(9,6)' });
    expect(property('capacity')).toMatchObject({ logicalType: 'number', physicalType: 'NUMBER' });
    expect(property('gain')).toMatchObject({ logicalType: 'number', physicalType: 'BINARY_DOUBLE' });
    expect(property('notes')).toMatchObject({ logicalType: 'string', physicalType: 'CLOB' });
    const options = (name: string) => property(name).extensions?.logicalTypeOptions;
    expect(options('site_code')).toEqual({ maxLength: 12 });
    expect(options('site_name')).toEqual({ maxLength: 200 });
    // A byte length bounds the characters too: none takes less than a byte.
    expect(options('vendor')).toEqual({ maxLength: 40 });
    expect(notes).toEqual([]);
  });

  it("imports Oracle's BINARY_FLOAT and BINARY_DOUBLE as numbers of format f32 and f64, its REAL and FLOAT, NUMBERs, of none", () => {
    const { property, notes } = imported(
      'buoys.sql',
      `CREATE TABLE buoy_reading (
  reading_id NUMBER(10) PRIMARY KEY,
  gauge BINARY_FLOAT NOT NULL,
  wave_height binary_double,
  drift REAL,
  tide FLOAT(53)
);`,
    );
    expect(property('gauge')).toMatchObject({
      logicalType: 'number',
      physicalType: 'BINARY_FLOAT',
      extensions: { logicalTypeOptions: { format: 'f32' } },
    });
    expect(property('wave_height')).toMatchObject({
      logicalType: 'number',
      physicalType: 'BINARY_DOUBLE',
      extensions: { logicalTypeOptions: { format: 'f64' } },
    });
    expect(property('drift').extensions?.logicalTypeOptions).toBeUndefined();
    expect(property('tide').extensions?.logicalTypeOptions).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it("imports a MySQL file's REAL and DOUBLE as numbers of format f64 and its FLOAT of f32, as MySQL stores them, and a PostgreSQL file's REAL of none", () => {
    const { property, notes } = imported(
      'weather.sql',
      `CREATE TABLE \`station_reading\` (
  \`reading_id\` INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  \`pressure\` REAL NOT NULL,
  \`humidity\` DOUBLE,
  \`wind\` FLOAT,
  \`gust\` FLOAT(7,2),
  \`rain\` DECIMAL(6,2)
) ENGINE=InnoDB;`,
    );
    const formatOf = (name: string) =>
      (property(name).extensions?.logicalTypeOptions as { format?: string } | undefined)?.format;
    expect(property('pressure')).toMatchObject({ logicalType: 'number', physicalType: 'REAL' });
    expect(['pressure', 'humidity', 'wind', 'gust', 'rain'].map(formatOf)).toEqual([
      'f64',
      'f64',
      'f32',
      'f32',
      undefined,
    ]);
    expect(notes).toEqual([]);
    const postgres = imported(
      'weather.sql',
      'CREATE TABLE station_reading (reading_id integer PRIMARY KEY, pressure real);',
    );
    expect(postgres.property('pressure').extensions?.logicalTypeOptions).toBeUndefined();
  });

  it("imports MySQL's DOUBLE(M,D) and REAL(M,D) as numbers of format f64, its FLOAT(M,D) of f32 and FLOAT(p) of f64 past 24 binary digits", () => {
    const { property, notes } = imported(
      'weather.sql',
      `CREATE TABLE \`station_reading\` (
  \`reading_id\` INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  \`pressure\` DOUBLE(10,2) NOT NULL,
  \`humidity\` REAL(8,3),
  \`wind\` FLOAT(7,2),
  \`gust\` FLOAT(30),
  \`rain\` FLOAT(24)
) ENGINE=InnoDB;`,
    );
    const formatOf = (name: string) =>
      (property(name).extensions?.logicalTypeOptions as { format?: string } | undefined)?.format;
    expect(property('pressure')).toMatchObject({ logicalType: 'number', physicalType: 'DOUBLE(10,2)' });
    expect(['pressure', 'humidity', 'wind', 'gust', 'rain'].map(formatOf)).toEqual(['f64', 'f64', 'f32', 'f64', 'f32']);
    expect(notes).toEqual([]);
  });

  it('imports an Oracle DATE, which holds a time of day, as a timestamp without time zone that PostgreSQL exports as timestamp', () => {
    const source = `CREATE TABLE visits (
  visit_id NUMBER(10) PRIMARY KEY,
  site_code VARCHAR2(12),
  visited_on DATE NOT NULL
);`;
    const { property, notes } = imported('visits.sql', source);
    expect(property('visited_on')).toMatchObject({
      logicalType: 'timestamp',
      physicalType: 'DATE',
      required: true,
      extensions: { logicalTypeOptions: { timezone: false } },
    });
    expect(postgresTypeOf(property('visited_on'))).toBe('timestamp');
    expect(notes).toEqual([
      "4:3 visits.visited_on: Oracle's DATE holds a time of day too, to the second: imported as a timestamp without time zone (the file is read as Oracle's for its NUMBER, VARCHAR2)",
    ]);
    const result = importContractSource('visits.sql', source);
    expect(result.ok && result.findings.map((finding) => finding.message)).toEqual([]);
  });

  it.each([
    ['CLOB', 'CREATE TABLE notes (\n  body CLOB,\n  written_at DATE,\n  edited_at TIMESTAMP(6)\n);'],
    ['RAW, SYS_GUID()', 'CREATE TABLE notes (\n  note_id RAW(16) DEFAULT SYS_GUID(),\n  written_at DATE\n);'],
    [
      'SYSDATE, ENABLE',
      'CREATE TABLE notes (\n  note_id CHAR(32),\n  written_at DATE DEFAULT SYSDATE NOT NULL ENABLE\n);',
    ],
    [
      'SEGMENT CREATION, PCTFREE, STORAGE (…)',
      'CREATE TABLE notes (\n  note_id CHAR(32),\n  written_at DATE\n) SEGMENT CREATION IMMEDIATE PCTFREE 10\n  STORAGE(INITIAL 65536) TABLESPACE "USERS";',
    ],
  ])(
    "reads a file as Oracle's for its %s, with no NUMBER or VARCHAR2, so its DATE holds a time of day",
    (signs, source) => {
      const { property, notes } = imported('notes.sql', source);
      expect(property('written_at')).toMatchObject({
        logicalType: 'timestamp',
        physicalType: 'DATE',
        extensions: { logicalTypeOptions: { timezone: false } },
      });
      expect(notes.filter((note) => note.includes('written_at: Oracle'))).toEqual([
        `3:3 notes.written_at: Oracle's DATE holds a time of day too, to the second: imported as a timestamp without time zone (the file is read as Oracle's for its ${signs})`,
      ]);
    },
  );

  it('keeps DATE a date in a file of no Oracle-only type (PostgreSQL, MySQL, SQL Server)', () => {
    for (const source of [
      'CREATE TABLE visits (visit_id integer PRIMARY KEY, visited_on DATE);',
      'CREATE TABLE `visits` (`visit_id` INT PRIMARY KEY, `visited_on` DATE);',
      'CREATE TABLE [dbo].[visits] ([visit_id] [int] PRIMARY KEY, [visited_on] [date]);',
    ]) {
      const { property, notes } = imported('visits.sql', source);
      expect(property('visited_on'), source).toMatchObject({ logicalType: 'date' });
      expect(property('visited_on').extensions?.logicalTypeOptions, source).toBeUndefined();
      expect(notes, source).toEqual([]);
    }
  });

  it.each([
    [
      "PostgreSQL's TABLESPACE, ENABLE ROW LEVEL SECURITY and SET STORAGE",
      'CREATE TABLE visits (visit_id integer PRIMARY KEY, visited_on DATE, enable boolean) TABLESPACE archive;\nALTER TABLE visits ENABLE ROW LEVEL SECURITY;\nALTER TABLE visits ALTER COLUMN enable SET STORAGE PLAIN;',
    ],
    [
      "MySQL's BLOB, SYSDATE() and a key on a column named enable",
      'CREATE TABLE `visits` (`visit_id` INT PRIMARY KEY, `visited_on` DATE, `scan` BLOB, `seen_at` DATETIME DEFAULT (SYSDATE()), enable INT, UNIQUE (visit_id, enable));',
    ],
  ])('keeps DATE a date in a file with words Oracle writes too: %s', (_words, source) => {
    const { property, notes } = imported('visits.sql', source);
    expect(property('visited_on')).toMatchObject({ logicalType: 'date' });
    expect(notes.filter((note) => note.includes('Oracle'))).toEqual([]);
  });

  it("reads past Oracle's ENABLE after a constraint, and keeps a column named enable", () => {
    const { property, notes } = imported(
      'cells.sql',
      'CREATE TABLE cells (cell_id NUMBER(10,0) NOT NULL ENABLE, enable NUMBER(1,0), CONSTRAINT ck_enable CHECK (enable IN (0, 1)) ENABLE, CONSTRAINT pk_cells PRIMARY KEY (cell_id) ENABLE);',
    );
    expect(property('cell_id')).toMatchObject({ logicalType: 'integer', required: true, primaryKey: true });
    expect(property('enable')).toMatchObject({ logicalType: 'integer', enum: [0, 1] });
    expect(notes).toEqual([]);
  });

  it('refuses what the parser cannot read with the line, the table, the column and the word', () => {
    expect(
      refused('crews.sql', 'CREATE TABLE crews (\n  crew_id INT,\n  base_id INT CHECK (base_id > 0) NO INHERIT\n);'),
    ).toEqual([
      '3:35 CREATE TABLE crews, column base_id: cannot read "NO" here (not PostgreSQL, MySQL, SQL Server syntax that the SQL parser knows)',
    ]);
  });

  it('says a PostgreSQL column named with a reserved word is refused for its name, and how to quote it', () => {
    expect(
      refused(
        'signals.sql',
        "CREATE TABLE signals (\n  id integer PRIMARY KEY,\n  Window tstzrange,\n  aspect text DEFAULT 'red'::text\n);",
      ),
    ).toEqual([
      '3:3 CREATE TABLE signals, column Window: Window is a reserved word in PostgreSQL: quote it as "window"',
    ]);
  });

  it('names the table constraint, not the last column, when the parser stops in a constraint', () => {
    expect(
      refused(
        'crews.sql',
        'CREATE TABLE crews (\n  crew_id INT,\n  base_id INT,\n  CONSTRAINT crews_base_fk FOREIGN KEY (base_id) REFERENCES bases (base_id) ON DELETE SET NULL (base_id)\n);',
      ),
    ).toEqual([
      '4:96 CREATE TABLE crews, constraint crews_base_fk: cannot read "(" here (not PostgreSQL, MySQL, SQL Server syntax that the SQL parser knows)',
    ]);
  });
});

describe('SQL foreign keys', () => {
  it("reads a column's REFERENCES that names no column as referring to the key of that table, as PostgreSQL does", () => {
    const { property, notes } = imported(
      'trains.sql',
      `CREATE TABLE rail.consignments (id bigint PRIMARY KEY, waybill text);
CREATE TABLE train_composition (
  position smallint PRIMARY KEY,
  consignment_id bigint REFERENCES rail.consignments ON DELETE SET NULL,
  wagon_id uuid NOT NULL REFERENCES wagons
);`,
    );
    expect(property('consignment_id').extensions).toEqual({
      relationships: [{ type: 'foreignKey', to: 'consignments.id' }],
    });
    expect(property('wagon_id')).toMatchObject({ logicalType: 'string', required: true });
    expect(property('wagon_id').extensions).toEqual({ logicalTypeOptions: { format: 'uuid' } });
    expect(notes).toEqual([
      '4:54 train_composition.consignment_id: ON DELETE SET NULL has no ODCS equivalent: not imported',
      '5:26 train_composition.wagon_id: REFERENCES wagons names no column, and the file does not create wagons to say its key: the foreign key is not imported',
    ]);
  });

  it('reads a table FOREIGN KEY whose REFERENCES names no column as referring to the key of that table', () => {
    const { property, notes, odcs } = imported(
      'moves.sql',
      `CREATE TABLE runs (train_id text, run_date date, PRIMARY KEY (train_id, run_date));
CREATE TABLE wagons (uic text PRIMARY KEY);
CREATE TABLE moves (
  wagon text NOT NULL,
  train text,
  day date,
  CONSTRAINT moves_wagon_fk FOREIGN KEY (wagon) REFERENCES wagons ON DELETE CASCADE,
  FOREIGN KEY (train, day) REFERENCES runs
);`,
    );
    expect(property('wagon').extensions).toEqual({ relationships: [{ type: 'foreignKey', to: 'wagons.uic' }] });
    expect(parse(odcs).schema[2].relationships).toEqual([
      { type: 'foreignKey', from: ['moves.train', 'moves.day'], to: ['runs.train_id', 'runs.run_date'] },
    ]);
    expect(notes).toEqual(['7:67 moves: ON DELETE CASCADE has no ODCS equivalent: not imported']);
  });

  it("reads pg_dump's ALTER TABLE … FOREIGN KEY whose REFERENCES names no column as referring to the key of that table", () => {
    const { property, notes, odcs } = imported(
      'moves.sql',
      `CREATE TABLE public.runs (train_id text, run_date date, PRIMARY KEY (train_id, run_date));
CREATE TABLE public.wagons (uic text PRIMARY KEY);
CREATE TABLE public.moves (wagon text NOT NULL, train text, day date, axle integer);
ALTER TABLE ONLY public.moves
    ADD CONSTRAINT moves_wagon_fk FOREIGN KEY (wagon) REFERENCES public.wagons ON DELETE CASCADE;
ALTER TABLE public.moves ADD FOREIGN KEY (train, day) REFERENCES runs;
ALTER TABLE public.moves ADD FOREIGN KEY (axle) REFERENCES axles;
ALTER TABLE public.trips ADD FOREIGN KEY (wagon) REFERENCES wagons;`,
    );
    expect(property('wagon').extensions).toEqual({ relationships: [{ type: 'foreignKey', to: 'wagons.uic' }] });
    expect(parse(odcs).schema[2].relationships).toEqual([
      { type: 'foreignKey', from: ['moves.train', 'moves.day'], to: ['runs.train_id', 'runs.run_date'] },
    ]);
    expect(notes).toEqual([
      '5:80 moves: ON DELETE CASCADE has no ODCS equivalent: not imported',
      '7:49 moves.axle: REFERENCES axles names no column, and the file does not create axles to say its key: the foreign key is not imported',
      '8:1 trips: ALTER TABLE trips ADD FOREIGN KEY is not read, as the file does not create trips: not imported',
    ]);
  });

  it('reports a key ALTER TABLE adds, by a named constraint or not, to a table the file does not create', () => {
    const { notes } = imported(
      'wagons.sql',
      `CREATE TABLE wagons (uic text PRIMARY KEY);
ALTER TABLE other ADD CONSTRAINT fk FOREIGN KEY (wagon) REFERENCES wagons (uic);
ALTER TABLE ONLY public.other ADD CONSTRAINT other_pk PRIMARY KEY (id);
ALTER TABLE other ADD FOREIGN KEY (wagon) REFERENCES wagons;`,
    );
    expect(notes).toEqual([
      '2:1 other: ALTER TABLE other ADD FOREIGN KEY is not read, as the file does not create other: not imported',
      '3:1 other: ALTER TABLE other ADD PRIMARY KEY is not read, as the file does not create other: not imported',
      '4:1 other: ALTER TABLE other ADD FOREIGN KEY is not read, as the file does not create other: not imported',
    ]);
  });

  it('imports a PostgreSQL column REFERENCES and a composite FOREIGN KEY as relationships the diagram draws', () => {
    const { property, notes, odcs } = imported(
      'lines.sql',
      `CREATE TABLE order_lines (
  line_id BIGINT PRIMARY KEY,
  order_id BIGINT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
  sku VARCHAR(32),
  warehouse INT,
  CONSTRAINT fk_stock FOREIGN KEY (sku, warehouse) REFERENCES stock (sku, warehouse_id)
);`,
    );
    expect(property('order_id').extensions).toEqual({ relationships: [{ type: 'foreignKey', to: 'orders.order_id' }] });
    const document = parse(odcs);
    expect(document.schema[0].relationships).toEqual([
      {
        type: 'foreignKey',
        from: ['order_lines.sku', 'order_lines.warehouse'],
        to: ['stock.sku', 'stock.warehouse_id'],
      },
    ]);
    const diagram = schemaDiagramOf(document);
    expect(
      diagram.edges.map((edge) => `${edge.from.table}.${edge.from.field} -> ${edge.to.table}.${edge.to.field}`),
    ).toEqual([
      'order_lines.sku -> stock.sku',
      'order_lines.warehouse -> stock.warehouse_id',
      'order_lines.order_id -> orders.order_id',
    ]);
    expect(diagram.tables.filter((table) => table.isExternal).map((table) => table.name)).toEqual(['stock', 'orders']);
    expect(notes).toEqual([
      '3:28 order_lines.order_id: ON DELETE CASCADE of the foreign key has no ODCS equivalent: not imported',
    ]);
  });

  it('imports a MySQL FOREIGN KEY to a table of the same file as a relationship between its objects', () => {
    const { property, notes, odcs } = imported(
      'shop.sql',
      'CREATE TABLE `customers` (`id` int NOT NULL, PRIMARY KEY (`id`));\n' +
        'CREATE TABLE `orders` (`id` int NOT NULL, `customer_id` int, FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)) ENGINE=InnoDB;',
    );
    expect(property('customer_id').extensions).toEqual({ relationships: [{ type: 'foreignKey', to: 'customers.id' }] });
    const diagram = schemaDiagramOf(parse(odcs));
    expect(diagram.edges).toMatchObject([
      { from: { table: 'orders', field: 'customer_id' }, to: { table: 'customers', field: 'id' } },
    ]);
    expect(diagram.tables.some((table) => table.isExternal)).toBe(false);
    expect(notes).toEqual([]);
  });

  it('imports the foreign keys ALTER TABLE adds, and reports any other change it makes', () => {
    const postgres = imported(
      'lines.sql',
      `CREATE TABLE order_lines (order_id BIGINT, sku TEXT, warehouse INT);
ALTER TABLE order_lines ADD CONSTRAINT fk_order FOREIGN KEY (order_id) REFERENCES orders (order_id);
ALTER TABLE order_lines ADD FOREIGN KEY (sku, warehouse) REFERENCES stock (sku, warehouse_id);
ALTER TABLE order_lines ADD COLUMN note TEXT;`,
    );
    expect(postgres.property('order_id').extensions).toEqual({
      relationships: [{ type: 'foreignKey', to: 'orders.order_id' }],
    });
    expect(parse(postgres.odcs).schema[0].relationships).toEqual([
      {
        type: 'foreignKey',
        from: ['order_lines.sku', 'order_lines.warehouse'],
        to: ['stock.sku', 'stock.warehouse_id'],
      },
    ]);
    expect(postgres.notes).toEqual(['4:1 order_lines: ALTER TABLE order_lines ADD COLUMN is not read: not imported']);
    const mysql = imported(
      'lines.sql',
      'CREATE TABLE `order_lines` (`order_id` bigint) ENGINE=InnoDB;\nALTER TABLE `order_lines` ADD CONSTRAINT `fk_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`order_id`);',
    );
    expect(mysql.property('order_id').extensions).toEqual({
      relationships: [{ type: 'foreignKey', to: 'orders.order_id' }],
    });
    expect(mysql.notes).toEqual([]);
  });

  it('imports SQL Server foreign keys between [bracketed] names, on the column and added WITH CHECK', () => {
    const { property, notes } = imported(
      'crews.sql',
      `CREATE TABLE [dbo].[Crews] (
  [Id] [int] NOT NULL CONSTRAINT [PK_Crews] PRIMARY KEY CLUSTERED,
  [BaseId] [int] NULL CONSTRAINT [FK_Crews_Bases] REFERENCES [dbo].[Bases] ([Id]),
  [AircraftId] [int] NULL
)
GO
ALTER TABLE [dbo].[Crews] WITH CHECK ADD CONSTRAINT [FK_Crews_Aircraft] FOREIGN KEY([AircraftId])
REFERENCES [dbo].[Aircraft] ([Id])
GO`,
    );
    expect(property('Id')).toMatchObject({ primaryKey: true, required: true });
    expect(property('BaseId').extensions).toEqual({ relationships: [{ type: 'foreignKey', to: 'Bases.Id' }] });
    expect(property('AircraftId').extensions).toEqual({
      relationships: [{ type: 'foreignKey', to: 'Aircraft.Id' }],
    });
    expect(notes).toEqual([]);
  });

  it('reports a foreign key to a name ODCS cannot reference (letters, digits and _ only)', () => {
    const { property, notes } = imported(
      'lines.sql',
      'CREATE TABLE order_lines (\n  "stock code" TEXT REFERENCES stock ("stock code")\n);',
    );
    expect(property('stock code').extensions).toBeUndefined();
    expect(notes).toEqual([
      '2:21 order_lines.stock code: the foreign key (stock code) to stock(stock code) names a table or column ODCS cannot reference (letters, digits and _ only): not imported',
    ]);
  });
});

describe('SQL identity and generated columns', () => {
  it('imports an identity column as required, however the dialect spells it', () => {
    const postgres = imported(
      'crews.sql',
      'CREATE TABLE crews (\n  crew_id BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1 INCREMENT BY 1),\n  name TEXT\n);',
    );
    expect(postgres.property('crew_id')).toMatchObject({ logicalType: 'integer', required: true, primaryKey: false });
    expect(postgres.property('name').required).toBe(false);
    expect(postgres.notes).toEqual([]);
    const sqlServer = imported(
      'crews.sql',
      'CREATE TABLE [dbo].[crews] ([crew_id] [int] IDENTITY(1,1), [name] [nvarchar](40))',
    );
    expect(sqlServer.property('crew_id')).toMatchObject({ physicalType: 'INT', required: true });
  });

  it('keeps the expression of a generated column as its transformLogic', () => {
    const { property, notes } = imported(
      'lines.sql',
      'CREATE TABLE `lines` (`qty` int, `price` decimal(8,2), `total` decimal(10,2) AS (`qty` * `price`), `vat` decimal(10,2) GENERATED ALWAYS AS (`total` * 0.25) STORED);',
    );
    expect(property('total')).toMatchObject({
      logicalType: 'number',
      required: false,
      extensions: {
        transformLogic: '`qty` * `price`',
        transformDescription: 'generated column: the database computes it when the row is read',
      },
    });
    expect(property('vat').extensions?.transformDescription).toBe(
      'generated column: the database computes it when the row is written',
    );
    expect(notes).toEqual([]);
  });
});

describe('SQL dumps: what beside CREATE TABLE is read, and what is reported', () => {
  it('reads COMMENT ON as descriptions, and reports a comment on what the file does not create', () => {
    const { property, notes, odcs } = imported(
      'crews.sql',
      `CREATE TABLE crews (crew_id INT, name TEXT);
COMMENT ON TABLE crews IS 'Who flies';
COMMENT ON COLUMN crews.name IS 'As on the licence';
COMMENT ON COLUMN crews.rank IS 'Captain or first officer';
COMMENT ON COLUMN crews.crew_id IS NULL;
COMMENT ON SEQUENCE crews_seq IS 'Numbers crews';`,
    );
    expect(parse(odcs).schema[0].description).toBe('Who flies');
    expect(property('name').description).toBe('As on the licence');
    expect(property('crew_id').description).toBeUndefined();
    expect(notes).toEqual([
      '4:1 crews.rank: the comment on column crews.rank, which the file does not create, is not imported',
      '6:1 crews_seq: COMMENT ON SEQUENCE crews_seq is not read: not imported',
    ]);
  });

  it('reports a PostgreSQL exclusion constraint, named or not, first or last, and imports the table', () => {
    const { property, notes } = imported(
      'possessions.sql',
      `CREATE TABLE possessions (
  possession_id bigint PRIMARY KEY,
  line_code varchar(8) NOT NULL,
  period tstzrange NOT NULL,
  EXCLUDE USING gist (line_code WITH =, period WITH &&)
);
CREATE TABLE blocks (
  CONSTRAINT no_overlap EXCLUDE USING gist (track WITH =, period WITH &&) WHERE (NOT cancelled),
  track int NOT NULL,
  period tstzrange,
  cancelled boolean NOT NULL
);`,
    );
    expect(property('line_code')).toMatchObject({ logicalType: 'string', required: true });
    expect(property('cancelled')).toMatchObject({ logicalType: 'boolean', required: true });
    expect(notes).toEqual([
      '4:3 possessions.period: TSTZRANGE has no ODCS logical type: imported as a string (physicalType TSTZRANGE)',
      '5:3 possessions: EXCLUDE USING gist (line_code WITH =, period WITH &&) has no ODCS equivalent: not imported',
      '8:3 blocks: CONSTRAINT no_overlap EXCLUDE USING gist (track WITH =, period WITH &&) WHERE (NOT cancelled) has no ODCS equivalent: not imported',
      '10:3 blocks.period: TSTZRANGE has no ODCS logical type: imported as a string (physicalType TSTZRANGE)',
    ]);
  });

  it('makes a one-column unique index unique, and reports other indexes and one on a table not in the file', () => {
    const { property, notes } = imported(
      'crews.sql',
      `CREATE TABLE crews (crew_id INT, email TEXT, base TEXT);
CREATE UNIQUE INDEX crews_email ON crews (email);
CREATE UNIQUE INDEX crews_base_email ON crews (base, email);
CREATE INDEX crews_lower_email ON crews (lower(email));
CREATE UNIQUE INDEX bases_code ON bases (code);`,
    );
    expect(property('email').unique).toBe(true);
    expect(property('base').unique).toBe(false);
    expect(notes).toEqual([
      '3:1 crews: unique index crews_base_email (base, email) has no ODCS equivalent: not imported',
      '4:1 crews: index crews_lower_email (lower(email)) has no ODCS equivalent: not imported',
      '5:1 bases.code: the unique index on column bases.code, which the file does not create, is not imported',
    ]);
  });

  it('reads the column options SSMS writes (ROWGUIDCOL, SPARSE, COLLATE, NOT FOR REPLICATION) and reports MASKED', () => {
    const { property, notes } = imported(
      'orders.sql',
      `CREATE TABLE [dbo].[Orders](
\t[OrderID] [int] IDENTITY(1,1) NOT FOR REPLICATION NOT NULL,
\t[Email] [nvarchar](320) MASKED WITH (FUNCTION = 'email()') NOT NULL,
\t[Note] [nvarchar](200) COLLATE Latin1_General_CI_AS SPARSE  NULL,
\t[RowGuid] [uniqueidentifier] ROWGUIDCOL  NOT NULL
) ON [PRIMARY]
GO`,
    );
    expect(property('OrderID')).toMatchObject({ logicalType: 'integer', required: true });
    expect(property('Note')).toMatchObject({ logicalType: 'string', physicalType: 'NVARCHAR(200)', required: false });
    expect(property('RowGuid')).toMatchObject({
      logicalType: 'string',
      physicalType: 'UNIQUEIDENTIFIER',
      required: true,
    });
    expect(notes).toEqual([
      "3:26 Orders.Email: MASKED WITH (FUNCTION = 'email()') has no ODCS equivalent: not imported",
    ]);
  });

  it('reads MS_Description extended properties as COMMENT ON, and reports other EXEC statements by their name', () => {
    const { property, notes, odcs } = imported(
      'orders.sql',
      `CREATE TABLE [dbo].[Orders]([Status] [nvarchar](20) NOT NULL)
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Placed or shipped' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'Orders', @level2type=N'COLUMN',@level2name=N'Status'
GO
exec sp_addextendedproperty N'MS_Description', N'What customers buy', N'SCHEMA', N'dbo', N'TABLE', N'Orders'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Gone' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'Orders', @level2type=N'COLUMN',@level2name=N'Total'
GO
EXEC sys.sp_addextendedproperty @name=N'Owner', @value=N'team-orders' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'Orders'
GO
EXEC [dbo].[sp_refresh_stats] @table = N'Orders'
GO`,
    );
    expect(property('Status').description).toBe('Placed or shipped');
    expect(parse(odcs).schema[0].description).toBe('What customers buy');
    expect(notes).toEqual([
      '7:1 Orders.Total: the comment on column Orders.Total, which the file does not create, is not imported',
      '9:1 Orders: extended property Owner on Orders is not read: not imported',
      '11:1 (file): EXEC [dbo].[sp_refresh_stats] is not read: not imported',
    ]);
  });

  it('reads GO as the end of a batch wherever it stands: after a `;`, with a count, or twice', () => {
    const endedTwice = imported(
      'notifications.sql',
      'CREATE TABLE [dbo].[notifications] ([id] INT NOT NULL, [parcel_id] NVARCHAR(40) NOT NULL);\nGO\n',
    );
    expect(endedTwice.property('parcel_id')).toMatchObject({ physicalType: 'NVARCHAR(40)', required: true });
    expect(endedTwice.notes).toEqual([]);
    const twoBatches = imported(
      'ab.sql',
      'CREATE TABLE [dbo].[a] ([id] INT NOT NULL);\nGO\nCREATE TABLE [dbo].[b] ([id] INT NOT NULL);\nGO\n',
    );
    expect(parse(twoBatches.odcs).schema.map((object: { name: string }) => object.name)).toEqual(['a', 'b']);
    const counted = imported(
      'ab.sql',
      'go\nCREATE TABLE [a] ([id] INT)\nGO 2\n\nGo\nCREATE TABLE [b] ([id] INT);\nGO 3',
    );
    expect(parse(counted.odcs).schema.map((object: { name: string }) => object.name)).toEqual(['a', 'b']);
    expect(counted.notes).toEqual([]);
  });

  it('refuses what the parser cannot read past a GO that follows a `;` at its own line, column and word', () => {
    expect(
      refused(
        'ab.sql',
        'CREATE TABLE [dbo].[a] ([id] INT NOT NULL);\nGO\nCREATE TABLE [dbo].[b] ([id] INT NOT NULL, [x] INT NOT NULL NOT);\nGO\n',
      ),
    ).toEqual([
      '3:61 CREATE TABLE b, column x: cannot read "NOT" here (not PostgreSQL, MySQL, SQL Server syntax that the SQL parser knows)',
    ]);
  });

  it('refuses a dump that breaks inside a table at the table and column, past the statements it skips', () => {
    expect(
      refused(
        'crews.sql',
        `SET client_encoding = 'UTF8';
CREATE SEQUENCE crews_seq START WITH 1 CACHE 1;
CREATE VIEW active_crews AS SELECT * FROM crews WHERE active;
CREATE TABLE crews (
  crew_id INT GENERATED ALWAYS AS IDENTITY,
  base_id INT STORAGE PLAIN
);`,
      ),
    ).toEqual([
      '6:23 CREATE TABLE crews, column base_id: cannot read "PLAIN" here (not PostgreSQL, MySQL, SQL Server syntax that the SQL parser knows)',
    ]);
  });
});

describe('SQL constraints checked at commit', () => {
  it('imports foreign keys and keys that are DEFERRABLE, at a column, in the table and in pg_dump ALTER TABLE, as any other', () => {
    const { property, notes, odcs } = imported(
      'dose.sql',
      `CREATE TABLE dose_level (
    dose_id integer NOT NULL,
    arm_id bigint,
    site_id bigint REFERENCES site (site_id) NOT DEFERRABLE,
    amendment_id bigint,
    mg_per_kg double precision NOT NULL,
    CONSTRAINT dose_level_amendment_fk FOREIGN KEY (amendment_id) REFERENCES amendment (amendment_id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (arm_id, mg_per_kg) DEFERRABLE INITIALLY IMMEDIATE
);
ALTER TABLE ONLY dose_level
    ADD CONSTRAINT dose_level_pkey PRIMARY KEY (dose_id) DEFERRABLE;
ALTER TABLE ONLY dose_level
    ADD CONSTRAINT dose_level_arm_fk FOREIGN KEY (arm_id) REFERENCES arm (arm_id) DEFERRABLE INITIALLY DEFERRED;`,
    );
    expect(property('dose_id').primaryKey).toBe(true);
    expect(property('amendment_id').extensions).toEqual({
      relationships: [{ type: 'foreignKey', to: 'amendment.amendment_id' }],
    });
    expect(property('site_id').extensions).toEqual({ relationships: [{ type: 'foreignKey', to: 'site.site_id' }] });
    expect(parse(odcs).schema[0].properties[1].relationships).toEqual([{ type: 'foreignKey', to: 'arm.arm_id' }]);
    expect(notes.filter((note) => /DEFERR|INITIALLY/.test(note))).toEqual([]);
  });
});

describe('SQL column defaults', () => {
  it('reports each PostgreSQL and MySQL DEFAULT where it is, as ODCS has no default', () => {
    const postgres = imported(
      'orders.sql',
      "CREATE TABLE orders (\n  status VARCHAR(20) NOT NULL DEFAULT 'placed',\n  placed_at TIMESTAMPTZ DEFAULT now(),\n  note TEXT DEFAULT NULL\n);",
    );
    expect(postgres.notes).toEqual([
      "2:31 orders.status: default 'placed' has no ODCS equivalent: not imported",
      '3:25 orders.placed_at: default now() has no ODCS equivalent: not imported',
    ]);
    const mysql = imported('orders.sql', 'CREATE TABLE `orders` (`qty` int NOT NULL DEFAULT 1) ENGINE=InnoDB;');
    expect(mysql.notes).toEqual(['1:43 orders.qty: default 1 has no ODCS equivalent: not imported']);
  });

  it('reports SQL Server defaults in its own spelling', () => {
    const { notes } = imported(
      'invoices.sql',
      'CREATE TABLE [dbo].[invoices] (\n  [paid] BIT NOT NULL DEFAULT (0),\n  [issued_at] DATETIME2 DEFAULT GETDATE()\n);',
    );
    expect(notes).toEqual([
      '2:23 invoices.paid: default (0) has no ODCS equivalent: not imported',
      '3:25 invoices.issued_at: default GETDATE() has no ODCS equivalent: not imported',
    ]);
  });
});

describe('exact numbers', () => {
  it('keeps an Avro decimal’s digits as the SQL importer keeps a NUMERIC’s, so the SQL export declares the same column', () => {
    const ratio = imported(
      'decision.avsc',
      JSON.stringify({
        type: 'record',
        name: 'Decision',
        fields: [{ name: 'ltv', type: { type: 'bytes', logicalType: 'decimal', precision: 6, scale: 3 } }],
      }),
    ).property('ltv');
    const numeric = imported('decisions.sql', 'CREATE TABLE decisions (ltv NUMERIC(6,3) NOT NULL);').property('ltv');
    expect(ratio).toMatchObject({ logicalType: 'number', physicalType: 'decimal(6,3)' });
    expect(postgresTypeOf(ratio)).toBe('numeric(6,3)');
    expect(postgresTypeOf(ratio)).toBe(postgresTypeOf(numeric));
  });
});

describe('allowed values', () => {
  const avroEnum = imported(
    'seat.avsc',
    JSON.stringify({
      type: 'record',
      name: 'Seat',
      fields: [{ name: 'cabin', type: { type: 'enum', name: 'Cabin', symbols: ['Y', 'J', 'F'] } }],
    }),
  ).property('cabin');

  it('keeps the values of a MySQL ENUM as the Avro importer keeps an enum’s symbols', () => {
    const { property, notes } = imported('seats.sql', "CREATE TABLE `seats` (`cabin` enum('Y','J','F') NOT NULL);");
    expect(property('cabin').enum).toEqual(avroEnum.enum);
    expect(property('cabin')).toMatchObject({ logicalType: 'string', physicalType: "ENUM('Y','J','F')" });
    expect(notes).toEqual([]);
  });

  it('keeps the values of a PostgreSQL enum type and of CHECK (c IN (...))', () => {
    const { property, notes } = imported(
      'seats.sql',
      `CREATE TYPE cabin AS ENUM ('Y', 'J', 'F');
CREATE TABLE seats (
  cabin cabin NOT NULL,
  deck VARCHAR(5) CHECK (deck IN ('main', 'upper')),
  seat_row INT CHECK (seat_row > 0)
);`,
    );
    expect(property('cabin').enum).toEqual(avroEnum.enum);
    expect(property('deck').enum).toEqual(['main', 'upper']);
    expect(property('seat_row').enum).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it('keeps the values of a PostgreSQL enum type whose name is quoted, as Prisma and pg_dump write mixed case', () => {
    const { property, notes } = imported(
      'wagons.sql',
      `CREATE TYPE "WagonStatus" AS ENUM ('IN_SERVICE', 'UNDER_REPAIR', 'WITHDRAWN');
CREATE TYPE rail."Hazard Class" AS ENUM ('1', '2.1', '3');
CREATE TABLE "Wagon" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "status" "WagonStatus" NOT NULL,
  "history" "WagonStatus"[],
  hazard rail."Hazard Class"
);`,
    );
    expect(property('status')).toMatchObject({
      logicalType: 'string',
      physicalType: '"WagonStatus"',
      enum: ['IN_SERVICE', 'UNDER_REPAIR', 'WITHDRAWN'],
    });
    expect(property('history').extensions?.items).toMatchObject({
      logicalType: 'string',
      quality: [{ metric: 'invalidValues', arguments: { validValues: ['IN_SERVICE', 'UNDER_REPAIR', 'WITHDRAWN'] } }],
    });
    expect(property('hazard')).toMatchObject({ physicalType: 'rail."Hazard Class"', enum: ['1', '2.1', '3'] });
    expect(notes).toEqual([]);
  });
});

describe('SQL lengths', () => {
  const options = (property: ContractProperty) => property.extensions?.logicalTypeOptions;

  it.each([
    ['PostgreSQL', 'CREATE TABLE cuppings (name varchar(20), country_code char(2), lot character varying(12));'],
    ['MySQL', 'CREATE TABLE `cuppings` (`name` VARCHAR(20), `country_code` CHAR(2), `lot` NVARCHAR(12));'],
    [
      'SQL Server',
      'CREATE TABLE [dbo].[cuppings] ([name] [nvarchar](20), [country_code] [nchar](2), [lot] [varchar](12))',
    ],
  ])('gives a %s VARCHAR(n) or CHAR(n) column its length as maxLength', (_, sql) => {
    const { property, notes } = imported('cuppings.sql', sql);
    expect(['name', 'country_code', 'lot'].map((name) => options(property(name)))).toEqual([
      { maxLength: 20 },
      // Not minLength 2: PostgreSQL and MySQL give a CHAR value without the spaces that pad it.
      { maxLength: 2 },
      { maxLength: 12 },
    ]);
    expect(notes).toEqual([]);
  });

  it('gives no maxLength where the type sets none: TEXT, VARCHAR(MAX), VARCHAR without a length', () => {
    const { property } = imported(
      'notes.sql',
      'CREATE TABLE [notes] ([body] [nvarchar](max), [memo] [text], [tag] [varchar](16))',
    );
    expect(options(property('body'))).toBeUndefined();
    expect(options(property('memo'))).toBeUndefined();
    expect(options(property('tag'))).toEqual({ maxLength: 16 });
    expect(options(imported('notes.sql', 'CREATE TABLE notes (tag varchar);').property('tag'))).toBeUndefined();
  });

  it('gives the items of a VARCHAR(n)[] column their length', () => {
    const { property } = imported('tags.sql', 'CREATE TABLE lots (tags varchar(8)[]);');
    expect(property('tags').extensions?.items).toEqual({
      logicalType: 'string',
      logicalTypeOptions: { maxLength: 8 },
    });
  });
});

describe('SQL CHECK constraints as ODCS bounds and patterns', () => {
  const options = (property: ContractProperty) => property.extensions?.logicalTypeOptions;

  it("gives the cuppings' range checks and code pattern as the bounds and pattern ODCS has (our QA's table)", () => {
    const { property, notes } = imported(
      'cuppings.sql',
      "CREATE TABLE cuppings (id int PRIMARY KEY, score numeric CHECK (score >= 0 AND score <= 100), weight int CHECK (weight BETWEEN 0 AND 3000), qty int CHECK (qty > 0), country_code char(2) CHECK (country_code ~ '^[A-Z]{2}$'), name varchar(20));",
    );
    expect(['score', 'weight', 'qty', 'country_code', 'name'].map((name) => options(property(name)))).toEqual([
      { minimum: 0, maximum: 100 },
      { minimum: 0, maximum: 3000 },
      { exclusiveMinimum: 0 },
      { maxLength: 2, pattern: '^[A-Z]{2}$' },
      { maxLength: 20 },
    ]);
    expect(notes).toEqual([]);
  });

  it('reads a bound written either way round, negative or decimal, in a table constraint or a column one', () => {
    const { property, notes } = imported(
      'readings.sql',
      'CREATE TABLE readings (qty int, delta numeric(4,1), score int CHECK (100 >= score), CONSTRAINT readings_range CHECK ((0 <= qty) AND (-5.5 < delta) AND (delta < 5.5)));',
    );
    expect(['qty', 'delta', 'score'].map((name) => options(property(name)))).toEqual([
      { minimum: 0 },
      { exclusiveMinimum: -5.5, exclusiveMaximum: 5.5 },
      { maximum: 100 },
    ]);
    expect(notes).toEqual([]);
  });

  it('keeps the tighter of two bounds of one kind, as the database checks both', () => {
    const { property } = imported(
      'lots.sql',
      'CREATE TABLE lots (qty int CHECK (qty >= 0), CHECK (qty >= 5 AND qty <= 9));',
    );
    expect(options(property('qty'))).toEqual({ minimum: 5, maximum: 9 });
  });

  it.each([
    [
      'MySQL',
      'CREATE TABLE `cuppings` (`score` DECIMAL(5,2) CHECK (`score` BETWEEN 0 AND 100), `qty` INT, CONSTRAINT `cuppings_qty` CHECK (`qty` > 0)) ENGINE=InnoDB;',
    ],
    [
      'SQL Server',
      'CREATE TABLE [dbo].[cuppings] ([score] [decimal](5, 2) NULL, [qty] [int] NULL, CONSTRAINT [CK_cuppings_score] CHECK (([score]>=(0) AND [score]<=(100))), CONSTRAINT [CK_cuppings_qty] CHECK (([qty]>(0))))',
    ],
    [
      'pg_dump',
      'CREATE TABLE public.cuppings (score numeric(5,2), qty integer, CONSTRAINT cuppings_score_check CHECK (((score >= (0)::numeric) AND (score <= (100)::numeric))), CONSTRAINT cuppings_qty_check CHECK ((qty > 0)));',
    ],
  ])('reads the range checks of %s', (_, sql) => {
    const { property, notes } = imported('cuppings.sql', sql);
    expect(options(property('score'))).toEqual({ minimum: 0, maximum: 100 });
    expect(options(property('qty'))).toEqual({ exclusiveMinimum: 0 });
    expect(notes).toEqual([]);
  });

  it('reads the CHECKs an SSMS script adds by ALTER TABLE after the table, as it writes every CHECK', () => {
    const { property, notes, odcs } = imported(
      'equipment-checks.sql',
      `CREATE TABLE [dbo].[EquipmentChecks](
	[CheckId] [int] NOT NULL,
	[Weight] [decimal](6, 2) NULL,
	[Grade] [nvarchar](10) NULL
) ON [PRIMARY]
GO
ALTER TABLE [dbo].[EquipmentChecks]  WITH CHECK ADD  CONSTRAINT [CK_Weight] CHECK  (([Weight]>=(0) AND [Weight]<=(250)))
GO
ALTER TABLE [dbo].[EquipmentChecks] CHECK CONSTRAINT [CK_Weight]
GO
ALTER TABLE [dbo].[EquipmentChecks]  WITH NOCHECK ADD  CONSTRAINT [CK_Grade] CHECK  (([Grade]='fail' OR [Grade]='pass'))
GO`,
    );
    expect(options(property('Weight'))).toEqual({ minimum: 0, maximum: 250 });
    // SQL Server stores `[Grade] IN ('pass', 'fail')` as these ORs, and SSMS scripts it so.
    expect(property('Grade').enum).toEqual(['fail', 'pass']);
    expect(odcs).not.toContain('name: CK_Grade');
    expect(notes).toEqual([]);
  });

  it('reads ORed equalities of one column as its allowed values, as IN, and keeps other ORs as rules', () => {
    const { property, notes } = imported(
      'tickets.sql',
      `CREATE TABLE tickets (
  channel text CHECK (channel = 'chat' OR channel = 'email' OR channel IN ('phone', 'shop')),
  priority int CHECK (priority = 1 OR priority = 2),
  origin text CHECK (origin = 'web' OR channel = 'chat')
);`,
    );
    expect(property('channel').enum).toEqual(['chat', 'email', 'phone', 'shop']);
    expect(property('priority').enum).toEqual([1, 2]);
    expect(property('origin').enum).toBeUndefined();
    expect(notes).toEqual([
      "4:15 tickets.origin: CHECK (origin = 'web' OR channel = 'chat') has no ODCS property equivalent: kept as a sql quality rule of tickets counting the rows where it is false, which must be 0",
    ]);
  });

  it('reads a CHECK pg_dump adds by ALTER TABLE, NOT VALID as it writes one that existing rows need not keep', () => {
    const { property, notes } = imported(
      'teams.sql',
      'CREATE TABLE public.teams (fee numeric(10,2));\nALTER TABLE ONLY public.teams\n    ADD CONSTRAINT fee_cap CHECK ((fee <= (500)::numeric)) NOT VALID;',
    );
    expect(options(property('fee'))).toEqual({ maximum: 500 });
    expect(notes).toEqual([]);
  });

  it('reads char_length bounds as minLength and maxLength, as the PostgreSQL export writes them', () => {
    const { property, notes } = imported(
      'codes.sql',
      'CREATE TABLE codes (code text, tag varchar(10), CONSTRAINT "codes_code_check" CHECK (char_length("code") >= 2 AND char_length("code") <= 5), CHECK (character_length(tag) > 1 AND 4 > char_length(tag)));',
    );
    expect(options(property('code'))).toEqual({ minLength: 2, maxLength: 5 });
    expect(options(property('tag'))).toEqual({ minLength: 2, maxLength: 3 });
    expect(notes).toEqual([]);
  });

  it('gives a column the value an equality check allows, as IN does', () => {
    expect(
      imported('prices.sql', "CREATE TABLE prices (currency text CHECK (currency = 'EUR'));").property('currency').enum,
    ).toEqual(['EUR']);
  });

  it('reports, with its text, each condition ODCS cannot say, and imports the others of its CHECK', () => {
    const { property, notes } = imported(
      'lots.sql',
      `CREATE TABLE lots (
  qty int CHECK (qty > 0 AND qty % 2 = 0),
  bags int CHECK (bags > 0 OR bags IS NULL),
  grade int CHECK (grade <> 3 AND grade % 2 = 0 AND grade % 3 = 0),
  picked date,
  shipped date,
  CHECK (shipped >= picked),
  CHECK (length(grade::text) > 0)
);`,
    );
    expect(options(property('qty'))).toEqual({ exclusiveMinimum: 0, multipleOf: 2 });
    expect(options(property('bags'))).toBeUndefined();
    // A second multipleOf asks for a multiple of both (6), which neither says.
    expect(options(property('grade'))).toEqual({ multipleOf: 2 });
    expect(notes).toEqual([
      '3:12 lots.bags: CHECK (bags > 0 OR bags IS NULL) has no ODCS property equivalent: kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
      '4:20 lots.grade: CHECK (… grade <> 3 …) has no ODCS property equivalent: kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
      '4:53 lots.grade: CHECK (… grade % 3 = 0 …) is a second multipleOf of the column, where ODCS holds one: kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
      '7:3 lots: CHECK (shipped >= picked) has no ODCS property equivalent: kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
      '8:3 lots: CHECK (length(grade::text) > 0) has no ODCS property equivalent: kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
    ]);
  });

  it('reports a bound of a column whose logical type ODCS gives no such bound', () => {
    const { property, notes } = imported(
      'lots.sql',
      'CREATE TABLE lots (code text CHECK (code > 5), picked date CHECK (picked > 0), sizes int[] CHECK (sizes > 0));',
    );
    expect(['code', 'picked', 'sizes'].map((name) => options(property(name)))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(notes).toEqual([
      '1:30 lots.code: CHECK (code > 5) has no ODCS property equivalent for logical type string (exclusiveMinimum): kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
      '1:60 lots.picked: CHECK (picked > 0) has no ODCS property equivalent for logical type date (exclusiveMinimum): kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
      '1:92 lots.sizes: CHECK (sizes > 0) has no ODCS property equivalent for logical type array (exclusiveMinimum): kept as a sql quality rule of lots counting the rows where it is false, which must be 0',
    ]);
  });

  it('takes a PostgreSQL regular expression as the pattern only where ECMAScript reads it the same, and says why not', () => {
    const { property, notes } = imported(
      'codes.sql',
      String.raw`CREATE TABLE codes (
  lot text CHECK (lot ~ '^L-[0-9]{4}(\.[a-z]+)?$'),
  farm text CHECK (farm ~* '^[a-z]+$'),
  batch text CHECK (batch ~ '^B.+$'),
  zip text CHECK (zip ~ '^\d{5}$'),
  region text CHECK (region ~ '^[[:upper:]]+$'),
  origin text CHECK (origin !~ '^X')
);`,
    );
    expect(options(property('lot'))).toEqual({ pattern: String.raw`^L-[0-9]{4}(\.[a-z]+)?$` });
    expect(['farm', 'batch', 'zip', 'region', 'origin'].map((name) => options(property(name)))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(notes).toEqual([
      "3:13 codes.farm: CHECK (farm ~* '^[a-z]+$') ignores case, which an ODCS pattern cannot: kept as a sql quality rule of codes counting the rows where it is false, which must be 0",
      "4:14 codes.batch: CHECK (batch ~ '^B.+$') reads differently as an ODCS pattern (ECMAScript): . matches a line break in PostgreSQL, not in ECMAScript: kept as a sql quality rule of codes counting the rows where it is false, which must be 0",
      String.raw`5:12 codes.zip: CHECK (zip ~ '^\d{5}$') reads differently as an ODCS pattern (ECMAScript): \d may match digits beyond 0-9 in PostgreSQL (as its locale says), only 0-9 in ECMAScript: kept as a sql quality rule of codes counting the rows where it is false, which must be 0`,
      "6:15 codes.region: CHECK (region ~ '^[[:upper:]]+$') reads differently as an ODCS pattern (ECMAScript): ECMAScript has no [[:upper:]]: kept as a sql quality rule of codes counting the rows where it is false, which must be 0",
      "7:15 codes.origin: CHECK (origin !~ '^X') says what must not match, which an ODCS pattern cannot: kept as a sql quality rule of codes counting the rows where it is false, which must be 0",
    ]);
  });

  it("reads pg_dump's spelling of a pattern check, a cast the SQL parser does not read after ~", () => {
    const { property, notes } = imported(
      'codes.sql',
      "CREATE TABLE public.codes (\n    country_code character(2),\n    lot text,\n    CONSTRAINT codes_country_check CHECK (((country_code)::text ~ '^[A-Z]{2}$'::text)),\n    CONSTRAINT codes_lot_check CHECK ((lot ~* '^l-'::text))\n);",
    );
    expect(options(property('country_code'))).toEqual({ maxLength: 2, pattern: '^[A-Z]{2}$' });
    expect(notes).toEqual([
      "5:5 codes: CHECK ((lot ~* '^l-'::text)) ignores case, which an ODCS pattern cannot: kept as a sql quality rule of codes counting the rows where it is false, which must be 0",
    ]);
  });

  it("reports MySQL's REGEXP, which ignores case under MySQL's usual collations", () => {
    const { property, notes } = imported(
      'codes.sql',
      "CREATE TABLE `codes` (`lot` VARCHAR(9) CHECK (`lot` REGEXP '^L-[0-9]+$'));",
    );
    expect(options(property('lot'))).toEqual({ maxLength: 9 });
    expect(notes).toEqual([
      "1:40 codes.lot: CHECK (`lot` REGEXP '^L-[0-9]+$') is MySQL's REGEXP, which ignores case under its usual collations, as an ODCS pattern cannot: kept as a sql quality rule of codes counting the rows where it is false, which must be 0",
    ]);
  });
});

describe('SQL string literals: a quote inside a comment or a value is read as one quote', () => {
  it("reads MySQL's doubled quotes in COMMENT, COMMENT=, ENUM and CHECK (c IN (...)) as one quote", () => {
    const { property, notes, odcs } = imported(
      'bus.sql',
      "CREATE TABLE `bus_routes` (\n  `driver` VARCHAR(80) COMMENT 'Driver''s name',\n  `status` ENUM('it''s on','off') DEFAULT 'it''s on',\n  `shift` CHAR(2) CHECK (`shift` IN ('a''m', 'pm'))\n) ENGINE=InnoDB COMMENT='School''s bus routes';",
    );
    expect(property('driver').description).toBe("Driver's name");
    expect(parse(odcs).schema[0].description).toBe("School's bus routes");
    expect(property('status').enum).toEqual(["it's on", 'off']);
    expect(property('shift').enum).toEqual(["a'm", 'pm']);
    // A default is reported as the dialect writes it, quotes and all.
    expect(notes).toEqual(["3:35 bus_routes.status: default 'it''s on' has no ODCS equivalent: not imported"]);
  });

  it("reads MySQL's backslash escapes (its default mode) in COMMENT, COMMENT=, ENUM and CHECK", () => {
    const { property, odcs } = imported(
      'bus.sql',
      "CREATE TABLE `bus_routes` (\n  `driver` VARCHAR(80) COMMENT 'Driver\\'s name, in C:\\\\drivers\\n(tab\\there)',\n  `status` ENUM('it\\'s on','off'),\n  `shift` CHAR(2) CHECK (`shift` IN ('a\\'m', 'pm'))\n) ENGINE=InnoDB COMMENT='School\\'s bus routes';",
    );
    expect(property('driver').description).toBe("Driver's name, in C:\\drivers\n(tab\there)");
    expect(parse(odcs).schema[0].description).toBe("School's bus routes");
    expect(property('status').enum).toEqual(["it's on", 'off']);
    expect(property('shift').enum).toEqual(["a'm", 'pm']);
  });

  it("reads the character set MySQL 8's mysqldump writes before each string of a CHECK or an expression (_utf8mb4'gold')", () => {
    const { property, notes, odcs } = imported(
      'tariffs.sql',
      `CREATE TABLE \`tariff\` (
  \`tier\` varchar(10) NOT NULL DEFAULT (_utf8mb4'bronze'),
  \`code\` char(2) GENERATED ALWAYS AS (concat(_latin1'T',\`tier\`)) VIRTUAL,
  CONSTRAINT \`tariff_chk_1\` CHECK ((\`tier\` in (_utf8mb4'bronze',_utf8mb4'silver',_utf8mb4'gold'))),
  CONSTRAINT \`tariff_chk_2\` CHECK ((\`code\` <> _binary'XX'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`,
    );
    expect(property('tier').enum).toEqual(['bronze', 'silver', 'gold']);
    expect(parse(odcs).schema[0].properties[1].transformLogic).toBe("concat(_latin1'T',`tier`)");
    expect(notes).toEqual([
      "2:31 tariff.tier: default ('bronze') has no ODCS equivalent: not imported",
      "5:3 tariff: CHECK ((`code` <> _binary'XX')) has no ODCS property equivalent: kept as a sql quality rule of tariff counting the rows where it is false, which must be 0",
    ]);
  });

  it("reads PostgreSQL's doubled quotes in COMMENT ON, enum types and CHECK, and keeps a backslash as written", () => {
    const { property, odcs } = imported(
      'bus.sql',
      `CREATE TYPE shift AS ENUM ('a''m', 'pm');
CREATE TABLE bus_routes (
  driver TEXT,
  shift shift,
  status TEXT CHECK (status IN ('it''s on', 'off')),
  stop TEXT CHECK (stop = ANY (ARRAY['Smith''s Lane'::text, 'Main St'::text]))
);
COMMENT ON TABLE bus_routes IS 'School''s bus routes';
COMMENT ON COLUMN bus_routes.driver IS 'Driver''s folder: C:\\drivers\\';`,
    );
    expect(parse(odcs).schema[0].description).toBe("School's bus routes");
    expect(property('driver').description).toBe("Driver's folder: C:\\drivers\\");
    expect(property('shift').enum).toEqual(["a'm", 'pm']);
    expect(property('status').enum).toEqual(["it's on", 'off']);
    expect(property('stop').enum).toEqual(["Smith's Lane", 'Main St']);
  });

  it("reads SQL Server's doubled quotes in N'…' values and MS_Description extended properties", () => {
    const { property, odcs } = imported(
      'bus.sql',
      `CREATE TABLE [dbo].[bus_routes] ([driver] [nvarchar](80), [status] [nvarchar](9) CHECK ([status] IN (N'it''s on', N'off')))
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Driver''s name', @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'bus_routes', @level2type=N'COLUMN',@level2name=N'driver'
GO
EXEC sys.sp_addextendedproperty N'MS_Description', N'School''s bus routes', N'SCHEMA', N'dbo', N'TABLE', N'bus_routes'
GO`,
    );
    expect(property('driver').description).toBe("Driver's name");
    expect(parse(odcs).schema[0].description).toBe("School's bus routes");
    expect(property('status').enum).toEqual(["it's on", 'off']);
  });
});

describe('allowed values in an ODCS v3.2.0 contract (one that holds a map)', () => {
  /** The allowed values written at each depth, by form: `enum` (v3.2.0) or an `invalidValues` rule (v3.1.0). */
  function enumForms(odcs: string): { apiVersion: string; enums: number; rules: number } {
    return {
      apiVersion: parse(odcs).apiVersion,
      enums: odcs.match(/^\s*enum:/gm)?.length ?? 0,
      rules: odcs.match(/invalidValues/g)?.length ?? 0,
    };
  }

  it('writes an Avro enum as enum at the top, in a nested record, in array items and in map values', () => {
    const status = { type: 'enum', name: 'Status', symbols: ['OPEN', 'CLOSED'] };
    const { odcs } = imported(
      'case.avsc',
      JSON.stringify({
        type: 'record',
        name: 'Case',
        fields: [
          { name: 'status', type: status },
          {
            name: 'reporter',
            type: { type: 'record', name: 'Reporter', fields: [{ name: 'status', type: 'Status' }] },
          },
          { name: 'history', type: { type: 'array', items: 'Status' } },
          { name: 'byCountry', type: { type: 'map', values: 'Status' } },
        ],
      }),
    );
    expect(enumForms(odcs)).toEqual({ apiVersion: 'v3.2.0', enums: 4, rules: 0 });
  });

  it('writes a Protobuf enum field of a nested message as enum', () => {
    const { odcs } = imported(
      'submission.proto',
      `syntax = "proto3";
message Submission {
  map<string, string> metadata = 1;
  Agency agency = 2;
  repeated Document documents = 3;
  enum Agency { AGENCY_UNSPECIFIED = 0; FDA = 1; }
  message Document { Kind kind = 1; enum Kind { KIND_UNSPECIFIED = 0; LABEL = 1; } }
}`,
    );
    expect(enumForms(odcs)).toEqual({ apiVersion: 'v3.2.0', enums: 2, rules: 0 });
  });
});

describe('JSON Schema required properties', () => {
  it('keeps a required property required when its type is imported as a string, unless it allows null', () => {
    const properties = {
      either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
      anything: {},
      several: { type: ['string', 'integer'] },
      severalOrNull: { type: ['string', 'integer', 'null'] },
      eitherOrNull: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
      onlyOne: { oneOf: [{ type: 'string' }] },
    };
    const { property, notes } = imported(
      'bag.json',
      JSON.stringify({ title: 'bag', type: 'object', required: Object.keys(properties), properties }),
    );
    expect(
      Object.keys(properties).map(
        (name) => `${name}: ${property(name).logicalType}, required ${property(name).required}`,
      ),
    ).toEqual([
      'either: string, required true',
      'anything: string, required true',
      'several: string, required true',
      'severalOrNull: string, required false',
      'eitherOrNull: string, required false',
      'onlyOne: string, required true',
    ]);
    expect(notes).toHaveLength(5);
  });

  it('makes a required property that may be null not required, whether its type, enum, const or oneOf/anyOf allows null', () => {
    const properties = {
      mark: { enum: ['P', 'A', 'T', null] },
      markNoNull: { enum: ['P', 'A', 'T'] },
      nullableText: { type: ['string', 'null'] },
      typedMarkOrNull: { type: ['string', 'null'], enum: ['P', 'A', null] },
      // The type allows null, the list does not: a value must satisfy both, so it cannot be null.
      typedMarkNoNull: { type: ['string', 'null'], enum: ['P', 'A'] },
      markOrNull: { anyOf: [{ enum: ['P', 'A'] }, { type: 'null' }] },
      textOrConstNull: { oneOf: [{ type: 'string' }, { const: null }] },
      textOrEnumNull: { anyOf: [{ type: 'string' }, { enum: [null] }] },
    };
    const { property } = imported(
      'attendance.schema.json',
      JSON.stringify({ title: 'attendance', type: 'object', required: Object.keys(properties), properties }),
    );
    expect(
      Object.keys(properties).map(
        (name) =>
          `${name}: ${property(name).logicalType}${property(name).enum ? ` [${property(name).enum}]` : ''}, required ${property(name).required}`,
      ),
    ).toEqual([
      'mark: string [P,A,T], required false',
      'markNoNull: string [P,A,T], required true',
      'nullableText: string, required false',
      'typedMarkOrNull: string [P,A], required false',
      'typedMarkNoNull: string [P,A], required true',
      'markOrNull: string [P,A], required false',
      'textOrConstNull: string, required false',
      'textOrEnumNull: string, required false',
    ]);
  });
});

describe('JSON Schema schema object names', () => {
  const properties = { student_id: { type: 'string' }, mark: { enum: ['P', 'A'] } };

  it('names the schema object in snake_case of a title that is no identifier, keeping the title as its businessName', () => {
    const { odcs, notes } = imported(
      'attendance.schema.json',
      JSON.stringify({ title: 'Attendance mark', type: 'object', properties, unknownKeyword: 1 }),
    );
    const object = parse(odcs).schema[0];
    expect(object).toMatchObject({ name: 'attendance_mark', businessName: 'Attendance mark' });
    expect(whyUnreferenceable({ table: object.name, field: 'mark' })).toBeUndefined();
    expect(notes).toEqual([
      '1:116 attendance_mark: unknownKeyword 1 has no ODCS equivalent for a schema object: not imported',
    ]);
  });

  it('keeps a title that is an identifier as the name, and names an untitled object after the file in snake_case', () => {
    const titled = imported(
      'attendance.schema.json',
      JSON.stringify({ title: 'AttendanceMark', type: 'object', properties }),
    );
    expect(parse(titled.odcs).schema[0]).not.toHaveProperty('businessName');
    expect(parse(titled.odcs).schema[0].name).toBe('AttendanceMark');
    const untitled = imported('attendance-mark.schema.json', JSON.stringify({ type: 'object', properties }));
    expect(parse(untitled.odcs).schema[0].name).toBe('attendance_mark');
  });
});

describe('JSON Schema $refs the import does not follow', () => {
  it('says a $ref to another file is an external reference, and one to nothing here points at nothing', () => {
    const properties = {
      address: { $ref: 'address.schema.json' },
      owner: { $ref: 'https://example.com/schemas/person.json#/$defs/person' },
      missing: { $ref: '#/$defs/missing' },
    };
    const { property, notes } = imported('bag.json', JSON.stringify({ title: 'bag', type: 'object', properties }));
    expect(property('address').logicalType).toBe('string');
    expect(notes).toEqual([
      '1:46 bag.address: the $ref address.schema.json is an external reference (another file or URL), which the import does not follow: imported as a string',
      '1:87 bag.owner: the $ref https://example.com/schemas/person.json#/$defs/person is an external reference (another file or URL), which the import does not follow: imported as a string',
      '1:160 bag.missing: the $ref #/$defs/missing points at nothing in this file: imported as a string',
    ]);
  });
});

describe('JSON Schema allOf', () => {
  it('reads an allOf of one $ref, draft 7’s way to describe a use of it, as that schema with what is said beside it', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'possession',
      type: 'object',
      required: ['window'],
      properties: {
        window: { allOf: [{ $ref: '#/definitions/window' }], description: 'Blocked period', maxProperties: 4 },
      },
      definitions: {
        window: {
          type: 'object',
          required: ['starts_at'],
          properties: { starts_at: { type: 'string', format: 'date-time' }, ends_at: { type: 'string' } },
        },
      },
    };
    const { property, notes } = imported('possession.json', JSON.stringify(schema, null, 1));
    expect(property('window')).toMatchObject({
      logicalType: 'object',
      description: 'Blocked period',
      required: true,
      extensions: { logicalTypeOptions: { maxProperties: 4 } },
    });
    expect(property('window').extensions?.properties).toMatchObject([
      { name: 'starts_at', logicalType: 'timestamp', required: true },
      { name: 'ends_at', logicalType: 'string' },
    ]);
    expect(notes).toEqual([]);
  });

  it('names an allOf of several schemas where it imports a string in its place', () => {
    const properties = { contact: { allOf: [{ $ref: '#/$defs/person' }, { required: ['phone'] }] } };
    const $defs = { person: { type: 'object', properties: { phone: { type: 'string' } } } };
    const { notes } = imported('bag.json', JSON.stringify({ title: 'bag', type: 'object', properties, $defs }));
    expect(notes).toEqual(['1:46 bag.contact: allOf of 2 schemas has no ODCS logical type: imported as a string']);
  });
});

describe('JSON Schema bounds and lengths', () => {
  const schema = (properties: Record<string, unknown>) =>
    JSON.stringify({ title: 'bag', type: 'object', properties }, null, 2);

  it('keeps numeric bounds as the logicalTypeOptions ODCS has for numbers', () => {
    const { property, notes } = imported(
      'bag.schema.json',
      schema({ weight: { type: 'number', minimum: 0, maximum: 32, multipleOf: 0.5 } }),
    );
    expect(property('weight').extensions).toEqual({ logicalTypeOptions: { minimum: 0, maximum: 32, multipleOf: 0.5 } });
    expect(notes).toEqual([]);
  });

  it('reads draft 4 exclusive bounds (a boolean beside the bound) as the bound itself', () => {
    const { property } = imported(
      'bag.schema.json',
      schema({ pieces: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false } }),
    );
    expect(property('pieces').extensions).toEqual({ logicalTypeOptions: { exclusiveMinimum: 0, maximum: 9 } });
  });

  it('keeps array sizes and string lengths, and reports a keyword ODCS has not for that type', () => {
    const { property, notes } = imported(
      'bag.schema.json',
      schema({
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
        code: { type: 'string', minLength: 3, format: 'iata', minimum: 1 },
      }),
    );
    expect(property('tags').extensions).toMatchObject({
      logicalTypeOptions: { minItems: 1, maxItems: 3, uniqueItems: true },
    });
    expect(property('code').extensions).toEqual({ logicalTypeOptions: { minLength: 3, format: 'iata' } });
    expect(notes).toEqual(['18:7 bag.code: minimum 1 has no ODCS equivalent for logical type string: not imported']);
  });

  it('reports a tuple of items (draft 4 to 2019-09), which ODCS cannot say, rather than as one item without a type', () => {
    const { property, notes } = imported(
      'bag.schema.json',
      schema({ grid_ref: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] } }),
    );
    expect(property('grid_ref')).toMatchObject({ logicalType: 'array' });
    expect(property('grid_ref').extensions?.items).toBeUndefined();
    expect(notes).toEqual([
      '7:7 bag.grid_ref: items [{"type":"string"},{"type":"integer"}] has no ODCS equivalent for logical type array: not imported',
    ]);
  });
});

describe('Avro facts beyond the type', () => {
  const avro = (fields: unknown[]) => JSON.stringify({ type: 'record', name: 'Bag', fields }, null, 1);

  it('reports a default and a logical type ODCS has not, and keeps a fixed size and a named type’s doc', () => {
    const { property, notes } = imported(
      'bag.avsc',
      avro([
        { name: 'pieces', type: 'int', default: 1 },
        { name: 'checked_for', type: { type: 'long', logicalType: 'duration-micros' } },
        { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 16 } },
        { name: 'previous_hash', type: ['null', 'Hash'], default: null },
        { name: 'owner', type: { type: 'record', name: 'Owner', doc: 'Who checked it in.', fields: [] } },
      ]),
    );
    expect(property('hash').physicalType).toBe('fixed(16)');
    expect(property('previous_hash').physicalType).toBe('fixed(16)');
    expect(property('owner').description).toBe('Who checked it in.');
    expect(notes).toEqual([
      '8:4 Bag.pieces: default 1 has no ODCS equivalent: not imported',
      '14:5 Bag.checked_for: the logical type \'duration-micros\' has no ODCS logical type: imported as its type "long"',
    ]);
  });

  it('reports the aliases of a record and of a field, which ODCS has no word for', () => {
    const { notes } = imported(
      'train.avsc',
      `{
  "type": "record",
  "name": "TrainComposed",
  "aliases": ["TrainFormed"],
  "fields": [
    {"name": "train_id", "type": "string"},
    {"name": "helper_loco", "type": ["null", "string"], "default": null, "aliases": ["banker"]}
  ]
}`,
    );
    expect(notes).toEqual([
      '4:3 TrainComposed: aliases ["TrainFormed"] have no ODCS equivalent: not imported',
      '7:74 TrainComposed.helper_loco: aliases ["banker"] have no ODCS equivalent: not imported',
    ]);
  });

  it('reports an enum’s default symbol and the aliases of a record, enum and fixed defined in a field, once where each is written', () => {
    const { property, notes } = imported(
      'inspection.avsc',
      `{
  "type": "record",
  "name": "WagonInspected",
  "fields": [
    {"name": "state", "type": {"type": "enum", "name": "WagonState", "symbols": ["FIT", "UNKNOWN"], "default": "UNKNOWN", "aliases": ["Condition"]}},
    {"name": "crew", "type": {"type": "record", "name": "Crew", "aliases": ["Team"], "fields": [{"name": "lead", "type": "string"}]}},
    {"name": "seal", "type": {"type": "fixed", "name": "Seal", "size": 8, "aliases": ["Tag"]}},
    {"name": "previous_state", "type": ["null", "WagonState"], "default": null}
  ]
}`,
    );
    expect(property('previous_state').enum).toEqual(['FIT', 'UNKNOWN']);
    expect(notes).toEqual([
      '5:101 WagonState: default "UNKNOWN" has no ODCS equivalent: not imported',
      '5:123 WagonState: aliases ["Condition"] have no ODCS equivalent: not imported',
      '6:65 Crew: aliases ["Team"] have no ODCS equivalent: not imported',
      '7:75 Seal: aliases ["Tag"] have no ODCS equivalent: not imported',
    ]);
  });

  it('reports the notes of a record’s fields once, where the record is written, however many fields name it', () => {
    const { property, notes } = imported(
      'coupling.avsc',
      `{
  "type": "record",
  "name": "A",
  "fields": [
    {"name": "b1", "type": {"type": "record", "name": "B", "fields": [{"name": "n", "type": "int", "default": 1}, {"name": "span", "type": {"type": "long", "logicalType": "duration-micros"}}]}},
    {"name": "b2", "type": "B"},
    {"name": "b3", "type": ["null", "B"], "default": null}
  ]
}`,
    );
    expect(property('b2').extensions).toEqual(property('b1').extensions);
    expect(property('b3').extensions).toEqual(property('b1').extensions);
    expect(notes).toEqual([
      '5:100 B.n: default 1 has no ODCS equivalent: not imported',
      '5:157 B.span: the logical type \'duration-micros\' has no ODCS logical type: imported as its type "long"',
    ]);
  });
});

describe('Avro unions inside arrays and maps', () => {
  it('imports items and values that may be null as their one other type, and reports a union of several', () => {
    const { property, notes } = imported(
      'bag.avsc',
      JSON.stringify(
        {
          type: 'record',
          name: 'Bag',
          fields: [
            { name: 'tags', type: { type: 'array', items: ['null', 'string'] } },
            { name: 'weights', type: { type: 'map', values: ['null', 'long'] } },
            { name: 'labels', type: { type: 'array', items: ['int', 'string'] } },
          ],
        },
        null,
        1,
      ),
    );
    expect(property('tags').extensions).toEqual({ items: { logicalType: 'string', physicalType: 'string' } });
    expect(property('weights').extensions).toEqual({
      map: { key: { logicalType: 'string' }, value: { logicalType: 'integer', physicalType: 'long' } },
    });
    expect(property('labels').extensions).toEqual({ items: { logicalType: 'string', physicalType: 'union' } });
    expect(notes).toEqual(['30:6 Bag.labels: a nested union has no ODCS logical type: imported as a string']);
  });
});

describe('Protobuf facts beyond the type', () => {
  it('makes a proto2 required field required, and reports defaults, deprecation and oneofs', () => {
    const { property, notes } = imported(
      'crew.proto',
      `syntax = "proto2";
message Crew {
  required int64 crew_id = 1;
  optional int32 hours = 2 [default = 5, deprecated = true];
  oneof contact { string email = 3; string phone = 4; }
}`,
    );
    expect(property('crew_id').required).toBe(true);
    expect(property('hours').required).toBe(false);
    expect(notes).toEqual([
      '4:18 Crew.hours: the option default = 5 has no ODCS equivalent: not imported',
      '4:18 Crew.hours: the option deprecated = true has no ODCS equivalent: not imported',
      '5:3 Crew.contact: oneof contact (at most one of email, phone is set) has no ODCS equivalent: its fields are imported as optional properties',
    ]);
  });
});

describe('schemas nested too deeply to read', () => {
  /** A JSON Schema of `levels` objects each inside the property `a` of the one before. */
  const nestedJsonSchema = (levels: number) =>
    `${'{"type":"object","properties":{"a":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}`;
  /** An Avro record of `levels` records each the type of the field `f` of the one before. */
  const nestedAvro = (levels: number) => {
    const opened = Array.from(
      { length: levels },
      (_, level) => `{"type":"record","name":"R${level}","fields":[{"name":"f","type":`,
    );
    return `${opened.join('')}"int"${'}]}'.repeat(levels)}`;
  };

  it('refuses JSON Schema and Avro nested thousands deep at the file, before a parser overflows the stack', () => {
    expect(refused('deep.json', nestedJsonSchema(3000))).toEqual([
      '1:4481 nested too deeply: more than 256 levels of objects and lists, where schemas nest far less',
    ]);
    expect(refused('deep.avsc', nestedAvro(3000))).toEqual([
      '1:5045 nested too deeply: more than 256 levels of objects and lists, where schemas nest far less',
    ]);
  });

  it('refuses a chain of thousands of $refs, each inside the one before, at the file when it overflows the stack', () => {
    const defs = Array.from({ length: 5000 }, (_, index) => [
      `d${index}`,
      { type: 'object', properties: { next: { $ref: `#/$defs/d${index + 1}` } } },
    ]);
    const schema = { type: 'object', $defs: Object.fromEntries(defs), properties: { first: { $ref: '#/$defs/d0' } } };
    expect(refused('chain.json', JSON.stringify(schema))).toEqual([
      '1:1 nested too deeply: reading it overflowed the stack, where schemas nest far less',
    ]);
  });

  it('refuses Protobuf whose messages hold messages more levels deep than the limit, at the first such message', () => {
    /** Messages M0 … M(n-1), each the type of the field `next` of the one before. */
    const chain = (length: number) =>
      [
        'syntax = "proto3";',
        ...Array.from({ length }, (_, index) =>
          index < length - 1
            ? `message M${index} { M${index + 1} next = 1; }`
            : `message M${index} { string leaf = 1; }`,
        ),
      ].join('\n');
    expect(refused('chain.proto', chain(2000))).toEqual([
      '2:1 nested too deeply: message M0 holds messages more than 256 levels deep, where schemas nest far less',
    ]);
    expect(imported('chain.proto', chain(20)).property('next').logicalType).toBe('object');
  });

  it('imports schemas nested as deep as the limit lets them', () => {
    expect(imported('deep.json', nestedJsonSchema(127)).property('a').logicalType).toBe('object');
    expect(imported('deep.avsc', nestedAvro(85)).property('f').logicalType).toBe('object');
  });

  it('reports SQL and YAML that overflow their parsers as nested too deeply, not in the engine’s words', () => {
    expect(
      refused('deep.sql', `CREATE TABLE t (id int CHECK (${'('.repeat(5000)}id > 0${')'.repeat(5000)}));`),
    ).toEqual(['1:1 nested too deeply: the SQL parser ran out of stack reading it (read as PostgreSQL)']);
    // A YAML list in a list in a list…, written compactly: `- - - x`.
    expect(refused('deep.odcs.yaml', `apiVersion: v3.1.0\nvalue:\n  ${'- '.repeat(100_000)}x\n`)).toEqual([
      expect.stringMatching(/^\d+:\d+ nested too deeply: the YAML reader ran out of stack here$/),
    ]);
  });
});
