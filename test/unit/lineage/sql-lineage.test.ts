import { describe, expect, it } from 'vitest';
import { readSqlLineage, type SelectLineage } from '../../../shared/lineage/sql-lineage';
import { loadSqlJs } from '../simulation/builders';

/** The names of the columns one output of `SELECT <expression> AS v FROM <from>` copies, or is derived from. */
function columnsOf(kind: 'copies' | 'derived', from: string) {
  return (expression: string) => {
    const [output] = theSelect(`SELECT ${expression} AS v FROM ${from}`).outputs;
    return output?.kind === 'value' ? (output[kind] ?? []).map((ref) => ref.column) : [];
  };
}

/** The statement's one SELECT. */
function theSelect(sql: string): SelectLineage {
  const lineage = readSqlLineage(sql);
  expect(lineage.approximateBecause).toBeUndefined();
  return lineage.query?.selects[0] as SelectLineage;
}

describe('reading a transformation’s SQL', () => {
  it('names each output column and the columns it is computed from, through aliases', () => {
    const select = theSelect(
      `SELECT c.customer_id, COALESCE(SUM(o.total), 0) AS lifetime_value, MAX(o.placed_at) last_order_at
       FROM customers c LEFT JOIN orders AS o ON o.customer_id = c.customer_id AND o.status <> 'cancelled'
       GROUP BY c.customer_id ORDER BY lifetime_value`,
    );
    expect(Object.fromEntries(select.tables)).toEqual({
      c: 'customers',
      customers: 'customers',
      o: 'orders',
      orders: 'orders',
    });
    const customerId = { qualifier: 'c', column: 'customer_id' };
    expect(select.outputs).toEqual([
      { kind: 'value', name: 'customer_id', column: customerId, refs: [customerId], copies: [customerId] },
      {
        kind: 'value',
        name: 'lifetime_value',
        refs: [{ qualifier: 'o', column: 'total' }],
        copies: [],
        aggregated: [{ column: { qualifier: 'o', column: 'total' } }],
      },
      {
        kind: 'value',
        name: 'last_order_at',
        refs: [{ qualifier: 'o', column: 'placed_at' }],
        copies: [{ qualifier: 'o', column: 'placed_at' }],
        picked: [{ qualifier: 'o', column: 'placed_at' }],
      },
    ]);
    expect(select.grouping).toEqual([customerId]);
    expect(select.conditions.map((ref) => `${ref.qualifier}.${ref.column}`)).toEqual([
      'o.customer_id',
      'c.customer_id',
      'o.status',
      'c.customer_id',
    ]);
  });

  it("names a column by a string literal after its expression, as SQLite does (`email 'contact'`, `email AS 'contact'`)", () => {
    const select = theSelect(
      "SELECT email 'contact', country AS 'region', 'x' AS label, upper(email) 'shout' FROM customers",
    );
    expect(select.outputs.map((output) => (output.kind === 'value' ? output.name : undefined))).toEqual([
      'contact',
      'region',
      'label',
      'shout',
    ]);
  });

  it('reads a word after a qualifier as a column, though SQL also uses it as a keyword (`f.filter`, `p.last`), as SQLite does', () => {
    const select = theSelect(
      `SELECT f.frame_id, f.filter, p.last AS pi_surname, c.range AS zero_point_range
       FROM raw_frames f JOIN people p ON p.person_id = f.pi_id JOIN calibrations c ON c.filter = f.filter
       WHERE f.rows > 0 GROUP BY f.frame_id, f.filter`,
    );
    expect(
      select.outputs.map((output) =>
        output.kind === 'value' ? [output.name, output.copies.map((ref) => `${ref.qualifier}.${ref.column}`)] : [],
      ),
    ).toEqual([
      ['frame_id', ['f.frame_id']],
      ['filter', ['f.filter']],
      ['pi_surname', ['p.last']],
      ['zero_point_range', ['c.range']],
    ]);
    expect(select.grouping.map((ref) => `${ref.qualifier}.${ref.column}`)).toEqual(['f.frame_id', 'f.filter']);
    expect(select.conditions.map((ref) => `${ref.qualifier}.${ref.column}`)).toContain('f.rows');
  });

  it('reads a bare column named like a window keyword (`filter`, `last`, `range`, `partition`) as a column where no keyword fits, as SQLite does', () => {
    const select = theSelect(
      `SELECT frame_id, filter, last AS pi_surname, range, partition,
         SUM(exposure_s) FILTER (WHERE filter = 'r') OVER (PARTITION BY filter ORDER BY taken_at NULLS LAST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r_exposure
       FROM raw_frames WHERE rows > 0`,
    );
    expect(
      select.outputs.map((output) =>
        output.kind === 'value' ? [output.name, output.copies.map((ref) => ref.column)] : [],
      ),
    ).toEqual([
      ['frame_id', ['frame_id']],
      ['filter', ['filter']],
      ['pi_surname', ['last']],
      ['range', ['range']],
      ['partition', ['partition']],
      ['r_exposure', []],
    ]);
    expect(select.conditions.map((ref) => ref.column)).toContain('rows');
  });

  it('reads a bare column named `desc` or `asc` as a column, and the words as an ordering’s direction only where they end an ordering term, as SQLite does', async () => {
    const sql = `SELECT id, desc, id asc, ROW_NUMBER() OVER (PARTITION BY desc ORDER BY asc DESC, id ASC) AS rk
       FROM items WHERE desc <> 'x' ORDER BY desc DESC NULLS LAST, asc LIMIT 5`;
    const select = theSelect(sql);
    expect(
      select.outputs.map((output) =>
        output.kind === 'value' ? [output.name, output.copies.map((ref) => ref.column)] : [],
      ),
    ).toEqual([
      ['id', ['id']],
      ['desc', ['desc']],
      ['asc', ['id']],
      ['rk', []],
    ]);
    const [, , , rank] = select.outputs;
    expect(rank?.kind === 'value' && rank.windows).toEqual([
      expect.objectContaining({ partition: [{ column: 'desc' }], order: [{ column: 'asc' }, { column: 'id' }] }),
    ]);
    expect(theSelect("SELECT id FROM items WHERE desc <> 'x'").conditions).toEqual([{ column: 'desc' }]);
    expect(theSelect('SELECT desc, COUNT(*) AS n FROM items GROUP BY desc').grouping).toEqual([{ column: 'desc' }]);

    const db = new (await loadSqlJs()).Database();
    try {
      const [result] = db.exec(`CREATE TABLE items (id INTEGER, desc TEXT, asc INTEGER);
        INSERT INTO items VALUES (1, 'a', 2), (2, 'b', 1); ${sql}`);
      expect(result?.columns).toEqual(['id', 'desc', 'asc', 'rk']);
      // Ordered by `desc`, last first: sql.js reads each word where the lineage does.
      expect(result?.values).toEqual([
        [2, 'b', 2, 1],
        [1, 'a', 1, 1],
      ]);
    } finally {
      db.close();
    }
  });

  it('reads a window frame’s words (`UNBOUNDED PRECEDING`, `CURRENT ROW`, `EXCLUDE NO OTHERS`) as the frame, and columns named `no`, `row` or `current` as columns, as SQLite does', async () => {
    const sql = `SELECT no, row, current,
         SUM(current) OVER (PARTITION BY no ORDER BY row ROWS UNBOUNDED PRECEDING) AS running,
         SUM(current) OVER (ORDER BY row GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS) AS nearby,
         AVG(current) OVER (ORDER BY row RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES) AS ahead
       FROM readings`;
    expect(
      theSelect(sql).outputs.map((output) =>
        output.kind === 'value' ? [output.name, output.refs.map((ref) => ref.column)] : [],
      ),
    ).toEqual([
      ['no', ['no']],
      ['row', ['row']],
      ['current', ['current']],
      ['running', ['current', 'no', 'row']],
      ['nearby', ['current', 'row']],
      ['ahead', ['current', 'row']],
    ]);

    const db = new (await loadSqlJs()).Database();
    try {
      const [result] = db.exec(`CREATE TABLE readings (no INTEGER, row INTEGER, current REAL);
        INSERT INTO readings VALUES (1, 1, 2.0), (1, 2, 3.0), (2, 3, 4.0); ${sql}`);
      expect(result?.columns).toEqual(['no', 'row', 'current', 'running', 'nearby', 'ahead']);
      expect(result?.values.map(([, , , running]) => running)).toEqual([2, 5, 4]);
    } finally {
      db.close();
    }
  });

  it('reads a window’s ORDER BY or PARTITION BY term with a collation as the column it collates', () => {
    const [, rank] = theSelect(
      `SELECT g, ROW_NUMBER() OVER (PARTITION BY g COLLATE nocase ORDER BY name COLLATE nocase ASC, id COLLATE binary) AS n
       FROM people`,
    ).outputs;
    expect(rank?.kind === 'value' && rank.windows).toEqual([
      {
        function: 'row_number',
        partition: [{ column: 'g' }],
        order: [{ column: 'name' }, { column: 'id' }],
        differsRowByRow: true,
      },
    ]);
  });

  it('reads a GROUP BY term by its position in the select list, and a bare name also as a select item’s alias', () => {
    const patientId = { qualifier: 'p', column: 'patient_id' };
    expect(
      theSelect('SELECT p.patient_id AS id, SUM(p.nhs_number) AS total FROM patients p GROUP BY 1').grouping,
    ).toEqual([patientId]);
    expect(theSelect('SELECT p.patient_id, SUM(p.nhs_number) FROM patients p GROUP BY 2, 3').grouping).toEqual([]);
    expect(theSelect('SELECT p.patient_id AS id, SUM(p.nhs_number) FROM patients p GROUP BY id').grouping).toEqual([
      { column: 'id', selected: patientId },
    ]);
  });

  it('reads the window a sum or average runs over: its partition’s columns (a named window’s too, and a RANGE frame’s peers), or a frame of the current row alone', () => {
    const windows = (sql: string) =>
      theSelect(sql).outputs.flatMap((output) =>
        output.kind === 'value' ? (output.aggregated ?? []).map(({ window }) => window) : [],
      );
    const patientId = { qualifier: 'p', column: 'patient_id' };
    expect(
      windows(
        `SELECT SUM(p.nhs_number) OVER (PARTITION BY p.patient_id, lower(p.name)) AS a,
           TOTAL(p.nhs_number) OVER (PARTITION BY p.patient_id ORDER BY p.updated_at ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS b,
           AVG(p.nhs_number) OVER (ORDER BY p.updated_at RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS c,
           SUM(p.nhs_number) OVER w AS d,
           AVG(p.nhs_number) AS e
         FROM patients p WINDOW w AS (PARTITION BY p.patient_id)`,
      ),
    ).toEqual([
      { partition: [patientId], isOneRowFrame: false },
      { partition: [patientId], isOneRowFrame: true },
      { partition: [{ qualifier: 'p', column: 'updated_at' }], isOneRowFrame: false },
      { partition: [patientId], isOneRowFrame: false },
      undefined,
    ]);
  });

  it('keeps the columns that only pick rows (WHERE, JOIN … USING, GROUP BY, HAVING) out of every output value', () => {
    const filtered = theSelect("SELECT id, total FROM orders WHERE email LIKE '%@x.com'");
    expect(filtered.outputs.map((output) => (output.kind === 'value' ? output.refs : []))).toEqual([
      [{ column: 'id' }],
      [{ column: 'total' }],
    ]);
    expect(filtered.conditions).toEqual([{ column: 'email' }]);
    const grouped = theSelect(
      `SELECT s.region, SUM(o.total) AS revenue FROM orders o JOIN stores s USING (store_id)
       WHERE o.status IN ('paid', 'shipped') AND o.placed_at >= '2026-01-01'
       GROUP BY s.region, s.country HAVING COUNT(o.customer_id) > 10`,
    );
    expect(grouped.outputs.flatMap((output) => (output.kind === 'value' ? output.refs : []))).toEqual([
      { qualifier: 's', column: 'region' },
      { qualifier: 'o', column: 'total' },
    ]);
    expect(grouped.conditions.map((ref) => ref.column)).toEqual([
      'store_id',
      'status',
      'placed_at',
      'region',
      'country',
      'customer_id',
    ]);
  });

  it('reads a table listed after a comma that follows a join’s ON or USING as a table, not as a column of the condition', () => {
    for (const constraint of ['ON d.cdr_id = c.cdr_id - 1', 'USING (cdr_id)']) {
      const select = theSelect(
        `SELECT c.cdr_id, s.email AS contact FROM cdrs c JOIN cdrs d ${constraint}, subscribers s WHERE s.msisdn = c.msisdn`,
      );
      expect([constraint, Object.fromEntries(select.tables)]).toEqual([
        constraint,
        { c: 'cdrs', cdrs: 'cdrs', d: 'cdrs', s: 'subscribers', subscribers: 'subscribers' },
      ]);
      expect(select.conditions.map((ref) => ref.column)).not.toContain('subscribers');
      expect(select.outputs[1]).toMatchObject({ name: 'contact', copies: [{ qualifier: 's', column: 'email' }] });
    }
  });

  it('reads an aggregate’s ORDER BY (`group_concat(c.email ORDER BY c.at)`, SQLite 3.44) as the order of the values it keeps, not as a part of them', () => {
    const copiesOf = columnsOf('copies', 'customers c');
    expect(copiesOf('group_concat(c.email ORDER BY c.at)')).toEqual(['email']);
    expect(copiesOf("string_agg(c.email, '; ' ORDER BY c.at DESC, c.id)")).toEqual(['email']);
    expect(copiesOf('group_concat(DISTINCT c.email ORDER BY c.email)')).toEqual(['email']);
    expect(copiesOf('json_group_array(c.email ORDER BY c.at) FILTER (WHERE c.id > 0)')).toEqual(['email']);
    expect(copiesOf('json_group_object(c.id, c.email ORDER BY c.at)')).toEqual(['id', 'email']);
    expect(copiesOf('max(c.email ORDER BY c.at)')).toEqual(['email']);
  });

  it('reads a hexadecimal number (`0xFFFF`), a number with underscores (`1_000`) and `.5e2` as numbers, not as columns, as SQLite does', () => {
    const select = theSelect(
      'SELECT (c.bytes_up & 0xFFFF) * 1.5e-3 AS charge, c.msisdn + 0X0a AS a, c.msisdn * 1_000 AS b, c.msisdn * .5e2 AS d FROM cdrs c WHERE c.duration_s > 0xFF_FF',
    );
    expect(
      select.outputs.map((output) => (output.kind === 'value' ? output.refs.map((ref) => ref.column) : [])),
    ).toEqual([['bytes_up'], ['msisdn'], ['msisdn'], ['msisdn']]);
    expect(select.outputs.slice(1).map((output) => (output.kind === 'value' ? output.copies : []))).toEqual([
      [{ qualifier: 'c', column: 'msisdn' }],
      [{ qualifier: 'c', column: 'msisdn' }],
      [{ qualifier: 'c', column: 'msisdn' }],
    ]);
    expect(select.conditions).toEqual([{ qualifier: 'c', column: 'duration_s' }]);
  });

  it('reads a name with letters beyond ASCII (`s.straße`, `año`) as one name, as SQLite does', () => {
    const select = theSelect('SELECT s.straße AS calle, año + 1 AS siguiente FROM suscriptores s WHERE s.país = 1');
    expect(select.outputs.map((output) => (output.kind === 'value' ? [output.name, output.refs] : []))).toEqual([
      ['calle', [{ qualifier: 's', column: 'straße' }]],
      ['siguiente', [{ column: 'año' }]],
    ]);
    expect(select.conditions).toEqual([{ qualifier: 's', column: 'país' }]);
  });

  it("reads a blob literal (`X'00'`) as a value, not as a column `x` beside a string", () => {
    const select = theSelect("SELECT s.msisdn || X'00' AS a, x'ff' AS b FROM subscribers s WHERE s.iban <> x'00'");
    expect(select.outputs.map((output) => (output.kind === 'value' ? output.refs : []))).toEqual([
      [{ qualifier: 's', column: 'msisdn' }],
      [],
    ]);
    expect(select.conditions).toEqual([{ qualifier: 's', column: 'iban' }]);
  });

  it('ignores comments, strings and quoted names that look like columns', () => {
    const lineage = readSqlLineage(
      `-- email is not read here\nSELECT "Full Name" AS name, 'email' AS label /* email */ FROM people`,
    );
    expect(lineage.query?.selects[0]?.outputs).toEqual([
      {
        kind: 'value',
        name: 'name',
        column: { column: 'full name' },
        refs: [{ column: 'full name' }],
        copies: [{ column: 'full name' }],
      },
      { kind: 'value', name: 'label', refs: [], copies: [] },
    ]);
    expect(lineage.identifiers.has('email')).toBe(false);
  });

  it("reads a nested array's rows as arrays of the columns they hold, to the bracket that closes each, a bracket in a string or quoted name aside", () => {
    const derived = columnsOf('derived', 't');
    expect(derived('ARRAY[[a, 1], [b, ARRAY[c]]]')).toEqual(['a', 'b', 'c']);
    expect(derived(`ARRAY[['x]', "y]"], [d, /* ] */ e]]`)).toEqual(['y]', 'd', 'e']);
    expect(readSqlLineage('SELECT ARRAY[[1, 2], [3, 4]] AS v FROM t').identifiers).toEqual(new Set(['v', 't']));
  });

  it('reads a CAST of a column as a copy of it, and its type as no column', () => {
    const email = { qualifier: 'c', column: 'email' };
    expect(
      theSelect(
        'SELECT CAST(c.email AS TEXT) AS contact, CAST(c.visits AS INTEGER), CAST(c.total * 2 AS REAL) AS twice FROM customers c',
      ).outputs,
    ).toEqual([
      { kind: 'value', name: 'contact', refs: [email], copies: [email] },
      {
        kind: 'value',
        refs: [{ qualifier: 'c', column: 'visits' }],
        copies: [{ qualifier: 'c', column: 'visits' }],
      },
      {
        kind: 'value',
        name: 'twice',
        refs: [{ qualifier: 'c', column: 'total' }],
        copies: [{ qualifier: 'c', column: 'total' }],
      },
    ]);
  });

  it('reads the functions and operators that keep a value as copies of it, and what computes one as none', () => {
    const copiesOf = columnsOf('copies', 'customers c');
    expect(copiesOf("COALESCE(c.email, c.phone, 'none')")).toEqual(['email', 'phone']);
    expect(copiesOf('IFNULL(c.email, c.phone)')).toEqual(['email', 'phone']);
    expect(copiesOf('LOWER(TRIM(c.email))')).toEqual(['email']);
    expect(copiesOf('UPPER(c.email)')).toEqual(['email']);
    expect(copiesOf('SUBSTR(c.email, c.start, 3)')).toEqual(['email']);
    expect(copiesOf("c.first_name || ' ' || c.last_name")).toEqual(['first_name', 'last_name']);
    expect(copiesOf("CASE WHEN c.consent THEN c.email ELSE 'hidden' END")).toEqual(['email']);
    expect(copiesOf('CASE c.kind WHEN 1 THEN (CASE WHEN c.x THEN c.email END) ELSE c.phone END')).toEqual([
      'email',
      'phone',
    ]);
    expect(copiesOf('CAST(COALESCE(c.email, c.phone) AS TEXT)')).toEqual(['email', 'phone']);
    expect(copiesOf('MIN(c.email)')).toEqual(['email']);
    expect(copiesOf('max(DISTINCT c.email)')).toEqual(['email']);
    expect(copiesOf('MAX(c.email, c.phone)')).toEqual(['email', 'phone']);
    expect(copiesOf("NULLIF(c.email, '')")).toEqual(['email']);
    expect(copiesOf('FIRST_VALUE(c.email) OVER (PARTITION BY c.id ORDER BY c.at)')).toEqual(['email']);
    expect(copiesOf('LAST_VALUE(c.email) OVER w')).toEqual(['email']);
    expect(copiesOf('NTH_VALUE(c.email, 2) OVER (ORDER BY c.at)')).toEqual(['email']);
    expect(copiesOf('LAG(c.email) OVER (ORDER BY c.at)')).toEqual(['email']);
    expect(copiesOf("GROUP_CONCAT(c.email, ';')")).toEqual(['email']);
    expect(copiesOf("REPLACE(c.email, '@', ' at ')")).toEqual(['email']);
    expect(copiesOf('HEX(c.email)')).toEqual(['email']);
    expect(copiesOf("printf('%s <%s>', c.name, c.email)")).toEqual(['name', 'email']);
    expect(copiesOf("IIF(c.consent, c.email, 'hidden')")).toEqual(['email']);
    expect(copiesOf("json_object('email', c.email)")).toEqual(['email']);
    expect(copiesOf("json_object(c.email, 1, 'phone', c.phone)")).toEqual(['email', 'phone']);
    expect(copiesOf('json_array(c.ward, c.bed)')).toEqual(['ward', 'bed']);
    expect(copiesOf('jsonb_array(c.ward)')).toEqual(['ward']);
    expect(copiesOf('json_group_array(c.email)')).toEqual(['email']);
    expect(copiesOf('json_group_object(c.name, c.email)')).toEqual(['name', 'email']);
    expect(copiesOf('json(c.profile)')).toEqual(['profile']);
    expect(copiesOf("json_extract(c.profile, '$.email')")).toEqual(['profile']);
    expect(copiesOf("c.profile ->> '$.email'")).toEqual(['profile']);
    expect(copiesOf("json_object('e', c.email) -> '$.e'")).toEqual(['email']);
    expect(copiesOf("c.profile -> '$.contact' ->> '$.email'")).toEqual(['profile']);
    expect(copiesOf('json_patch(c.profile, c.changes)')).toEqual(['profile', 'changes']);
    expect(copiesOf("json_set(c.profile, '$.email', c.email, c.path, c.phone)")).toEqual([
      'profile',
      'email',
      'path',
      'phone',
    ]);
    expect(copiesOf("jsonb_insert('{}', c.path, c.email)")).toEqual(['path', 'email']);
    expect(copiesOf("json_replace(c.profile, '$.email', c.email)")).toEqual(['profile', 'email']);
    expect(copiesOf('json_array_length(c.tags)')).toEqual([]);
    expect(copiesOf('json_valid(c.profile)')).toEqual([]);
    expect(copiesOf('COUNT(DISTINCT c.email)')).toEqual([]);
    expect(copiesOf("INSTR(c.email, '@')")).toEqual([]);
    expect(copiesOf('COUNT(c.email)')).toEqual([]);
    expect(copiesOf('ROW_NUMBER() OVER (ORDER BY c.email)')).toEqual([]);
    expect(copiesOf('LENGTH(c.email)')).toEqual([]);
  });

  it('reads the columns a value is computed from row by row without keeping them as derived, and none inside an aggregate (but MIN and MAX) or a window', () => {
    const derivedFrom = columnsOf('derived', 'customers c');
    expect(derivedFrom("CASE c.diagnosis WHEN 'PCOS' THEN 'D1' ELSE 'D0' END")).toEqual(['diagnosis']);
    expect(derivedFrom("CASE WHEN c.diagnosis = 'PCOS' THEN c.email END")).toEqual(['diagnosis']);
    expect(derivedFrom("(c.diagnosis IN ('a', 'b'))")).toEqual(['diagnosis']);
    expect(derivedFrom('LENGTH(c.email) > c.cap')).toEqual(['email', 'cap']);
    expect(derivedFrom('c.total - c.paid')).toEqual(['total', 'paid']);
    expect(derivedFrom('LOWER(c.email)')).toEqual([]);
    expect(derivedFrom("SUM(CASE WHEN c.diagnosis = 'PCOS' THEN 1 END)")).toEqual([]);
    expect(derivedFrom("COUNT(*) FILTER (WHERE c.diagnosis = 'PCOS')")).toEqual([]);
    expect(derivedFrom('ROW_NUMBER() OVER (PARTITION BY c.diagnosis)')).toEqual([]);
  });

  it("reads a CASE, a comparison or a function of MIN or MAX, which keep one row's real value, as derived from what they pick", () => {
    const derivedFrom = columnsOf('derived', 'customers c');
    expect(derivedFrom('MAX(c.age) > 40')).toEqual(['age']);
    expect(derivedFrom("CASE WHEN MIN(c.dob) < '1990-01-01' THEN 'older' ELSE 'younger' END")).toEqual(['dob']);
    expect(derivedFrom('length(MAX(c.email))')).toEqual(['email']);
    expect(derivedFrom("MIN(CASE WHEN c.dob < '1990-01-01' THEN 1 END)")).toEqual(['dob']);
    expect(derivedFrom('length(MAX(c.email) OVER (PARTITION BY c.country))')).toEqual(['email']);
    expect(derivedFrom("MAX(c.email) FILTER (WHERE c.diagnosis = 'PCOS')")).toEqual([]);
    expect(derivedFrom('MAX(c.email)')).toEqual([]);
  });

  it('reads the ORDER BY of a ranking or distribution window as what its value is derived from, not its PARTITION BY', () => {
    const derivedFrom = columnsOf('derived', 'passengers p');
    expect(derivedFrom('dense_rank() OVER (ORDER BY p.nationality)')).toEqual(['nationality']);
    expect(derivedFrom('rank() OVER (PARTITION BY p.gate ORDER BY p.watchlist_hit DESC)')).toEqual(['watchlist_hit']);
    expect(derivedFrom('row_number() OVER (ORDER BY CASE WHEN p.watchlist_hit THEN 0 ELSE 1 END)')).toEqual([
      'watchlist_hit',
    ]);
    expect(derivedFrom('ntile(4) OVER (ORDER BY p.risk_score)')).toEqual(['risk_score']);
    expect(derivedFrom('percent_rank() OVER (ORDER BY p.risk_score NULLS LAST)')).toEqual(['risk_score']);
    expect(
      theSelect('SELECT cume_dist() OVER w AS v FROM passengers p WINDOW w AS (ORDER BY p.risk_score)').outputs[0],
    ).toMatchObject({ derived: [{ qualifier: 'p', column: 'risk_score' }] });
    expect(derivedFrom('SUM(p.fare) OVER (ORDER BY p.risk_score)')).toEqual([]);
  });

  it('reads a date or time rewritten, a collation, a unary sign, arithmetic with constants, a likelihood hint or a rounding as a copy of the value', () => {
    const copiesOf = columnsOf('copies', 'subjects s');
    expect(copiesOf('date(s.dob)')).toEqual(['dob']);
    expect(copiesOf("date(s.dob, '+1 day', s.shift)")).toEqual(['dob']);
    expect(copiesOf('time(s.seen_at)')).toEqual(['seen_at']);
    expect(copiesOf('datetime(s.seen_at)')).toEqual(['seen_at']);
    expect(copiesOf('julianday(s.dob)')).toEqual(['dob']);
    expect(copiesOf('unixepoch(s.dob)')).toEqual(['dob']);
    expect(copiesOf("strftime('%Y-%m-%d', s.dob, s.shift)")).toEqual(['dob']);
    expect(copiesOf('s.initials COLLATE NOCASE')).toEqual(['initials']);
    expect(copiesOf('lower(s.initials) COLLATE "binary"')).toEqual(['initials']);
    expect(copiesOf('+s.initials')).toEqual(['initials']);
    expect(copiesOf('-s.balance')).toEqual(['balance']);
    expect(copiesOf('~s.balance')).toEqual(['balance']);
    expect(copiesOf('~~s.balance')).toEqual(['balance']);
    expect(copiesOf('-(-s.balance)')).toEqual(['balance']);
    expect(copiesOf('likely(s.initials)')).toEqual(['initials']);
    expect(copiesOf('unlikely(s.sex)')).toEqual(['sex']);
    expect(copiesOf('likelihood(s.sex, 0.5)')).toEqual(['sex']);
    expect(copiesOf('round(s.dob)')).toEqual(['dob']);
    expect(copiesOf('abs(s.balance)')).toEqual(['balance']);
    expect(copiesOf('floor(s.salary)')).toEqual(['salary']);
    expect(copiesOf('char(unicode(s.initials))')).toEqual(['initials']);
    expect(copiesOf('unhex(s.token)')).toEqual(['token']);
    expect(copiesOf('timediff(s.seen_at, s.dob)')).toEqual([]);
    expect(copiesOf('s.ssn + 0')).toEqual(['ssn']);
    expect(copiesOf('s.ssn * 1')).toEqual(['ssn']);
    expect(copiesOf('s.ssn % 1000000000')).toEqual(['ssn']);
    expect(copiesOf('s.ssn | 0')).toEqual(['ssn']);
    expect(copiesOf('s.ssn << 1 >> 1')).toEqual(['ssn']);
    expect(copiesOf('julianday(s.dob) - 0')).toEqual(['dob']);
    expect(copiesOf('1 - -s.ssn / (2 + 3)')).toEqual(['ssn']);
    expect(copiesOf('s.total * 2')).toEqual(['total']);
    expect(copiesOf('s.total - s.paid')).toEqual([]);
    expect(copiesOf('s.total * s.rate + 1')).toEqual([]);
    expect(copiesOf('s.balance - 1 > 0')).toEqual([]);
    expect(copiesOf('-s.total + s.paid')).toEqual([]);
  });

  it('names no column after COLLATE', () => {
    const [output] = theSelect('SELECT s.initials COLLATE NOCASE AS v FROM subjects s').outputs;
    expect(output?.kind === 'value' && output.refs).toEqual([{ qualifier: 's', column: 'initials' }]);
  });

  it('reads a column wrapped in JSON as a copy of it', () => {
    const claims = theSelect(
      "SELECT ROW_NUMBER() OVER (ORDER BY i.rfid_tag) AS claim_id, i.rfid_tag, i.customer_id, json_object('email', c.contact_email) AS contact_email, json_array(i.patient_ward) AS patient_ward, 12.5 AS amount_eur FROM items i JOIN contracts c ON c.customer_id = i.customer_id",
    );
    const copies = claims.outputs.map((output) =>
      output.kind === 'value' ? [output.name, output.copies.map((ref) => ref.column)] : [],
    );
    expect(copies).toEqual([
      ['claim_id', []],
      ['rfid_tag', ['rfid_tag']],
      ['customer_id', ['customer_id']],
      ['contact_email', ['contact_email']],
      ['patient_ward', ['patient_ward']],
      ['amount_eur', []],
    ]);
  });

  it('passes every column through for * and x.*', () => {
    expect(theSelect('SELECT * FROM a').outputs).toEqual([{ kind: 'star' }]);
    expect(theSelect('SELECT x.*, y.id FROM a x JOIN b y ON x.id = y.id').outputs[0]).toEqual({
      kind: 'star',
      qualifier: 'x',
    });
  });

  it('reads CTEs, subqueries in FROM and set operations', () => {
    const withCte = readSqlLineage(
      'WITH c (address) AS (SELECT email FROM customers), d AS (SELECT * FROM c) SELECT address AS contact FROM d',
    );
    expect(withCte.query?.ctes.map((cte) => [cte.name, cte.columns])).toEqual([
      ['c', ['address']],
      ['d', []],
    ]);
    expect(withCte.query?.selects[0]?.tables.get('d')).toBe('d');
    const nested = theSelect('SELECT o.total FROM (SELECT * FROM orders WHERE total > 0) AS o');
    expect([...nested.subqueries.keys()]).toEqual(['o']);
    expect(nested.subqueries.get('o')?.selects[0]?.conditions).toEqual([{ column: 'total' }]);
    const sets = readSqlLineage('SELECT id FROM a UNION ALL SELECT id FROM b EXCEPT SELECT id FROM c ORDER BY id');
    expect(sets.query?.selects.map((select) => [...select.tables.keys()])).toEqual([['a'], ['b']]);
    expect(sets.query?.filters.map((select) => [...select.tables.keys()])).toEqual([['c']]);
    // Each SELECT after the first says which operator joins it, so UNION, UNION ALL and INTERSECT stay apart.
    const compound = readSqlLineage(
      'SELECT id FROM a UNION SELECT id FROM b UNION ALL SELECT id FROM c INTERSECT SELECT id FROM d',
    );
    expect(compound.query?.selects.map((select) => select.joinedBy)).toEqual([
      undefined,
      'union',
      'union all',
      'intersect',
    ]);
    expect(sets.query?.filters.map((select) => select.joinedBy)).toEqual(['except']);
    // Rows of VALUES after the first SELECT are read as SELECTs of their values, each in its place.
    const withRows = readSqlLineage(
      "SELECT p.email AS x, p.id FROM patients p UNION ALL VALUES ('none', -1), (NULL, 0)",
    );
    expect(withRows.approximateBecause).toBeUndefined();
    expect(withRows.query?.selects.map((select) => select.outputs.length)).toEqual([2, 2, 2]);
    expect(withRows.query?.selects[0]?.outputs[0]).toMatchObject({
      name: 'x',
      copies: [{ qualifier: 'p', column: 'email' }],
    });
    expect(readSqlLineage('SELECT id FROM a UNION VALUES (1) ORDER BY 1').approximateBecause).toBe('it uses VALUES');
    // Rows of VALUES before the first SELECT too: they name the columns, column1, column2…, as in SQLite.
    const valuesFirst = readSqlLineage(
      "VALUES ('none', NULL), ('unknown', NULL) UNION ALL SELECT s.country, s.customer_email FROM sales s",
    );
    expect(valuesFirst.approximateBecause).toBeUndefined();
    expect(
      valuesFirst.query?.selects.map((select) => select.outputs.map((output) => 'name' in output && output.name)),
    ).toEqual([
      ['column1', 'column2'],
      ['column1', 'column2'],
      ['country', 'customer_email'],
    ]);
    expect(valuesFirst.query?.selects[2]?.outputs[1]).toMatchObject({
      copies: [{ qualifier: 's', column: 'customer_email' }],
    });
    expect(readSqlLineage("VALUES ('none')").approximateBecause).toBe('it uses VALUES');
  });

  it('reads a subquery in the select list as a value of its own, without losing the other columns', () => {
    const select = theSelect(
      `SELECT v.parcel_id, t.proprietor_names AS liable_party,
         (SELECT COUNT(*) FROM charges c WHERE c.title_no = t.title_no AND c.discharged_on IS NULL) AS outstanding_charges,
         (SELECT o.email FROM owners o WHERE o.id = t.owner_id) AS owner_email
       FROM valuations v LEFT JOIN registered_titles t ON t.parcel_id = v.parcel_id`,
    );
    const [parcel, liable, charges, owner] = select.outputs;
    const names = { qualifier: 't', column: 'proprietor_names' };
    expect(parcel).toMatchObject({ name: 'parcel_id', copies: [{ qualifier: 'v', column: 'parcel_id' }] });
    expect(liable).toEqual({ kind: 'value', name: 'liable_party', column: names, refs: [names], copies: [names] });
    // The value is the subquery's: computed from what it reads, copying what its one column copies (COUNT(*): nothing).
    expect(charges).toMatchObject({ name: 'outstanding_charges', refs: [], copies: [] });
    const [count] = charges?.kind === 'value' ? (charges.subqueries ?? []) : [];
    expect(count?.selects[0]?.conditions).toEqual([
      { qualifier: 'c', column: 'title_no' },
      { qualifier: 't', column: 'title_no' },
      { qualifier: 'c', column: 'discharged_on' },
    ]);
    expect(count?.selects[0]?.outputs).toEqual([{ kind: 'value', refs: [], copies: [] }]);
    expect(charges?.kind === 'value' && charges.copiedSubqueries).toEqual([count]);
    expect(owner?.kind === 'value' && owner.copiedSubqueries?.[0]?.selects[0]?.outputs).toEqual([
      {
        kind: 'value',
        column: { qualifier: 'o', column: 'email' },
        refs: [{ qualifier: 'o', column: 'email' }],
        copies: [{ qualifier: 'o', column: 'email' }],
        name: 'email',
      },
    ]);
    expect(select.conditions).toEqual([
      { qualifier: 't', column: 'parcel_id' },
      { qualifier: 'v', column: 'parcel_id' },
    ]);
  });

  it('reads subqueries in conditions (IN, EXISTS) as what picks the rows', () => {
    const select = theSelect(
      `SELECT o.total FROM orders o
       WHERE o.customer_id IN (SELECT customer_id FROM vip ORDER BY since LIMIT 10)
         AND EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.order_id) ORDER BY o.total`,
    );
    expect(select.outputs).toEqual([
      {
        kind: 'value',
        name: 'total',
        column: { qualifier: 'o', column: 'total' },
        refs: [{ qualifier: 'o', column: 'total' }],
        copies: [{ qualifier: 'o', column: 'total' }],
      },
    ]);
    expect(select.conditions).toEqual([{ qualifier: 'o', column: 'customer_id' }]);
    expect(select.conditionSubqueries.map((query) => [...(query.selects[0]?.tables.keys() ?? [])])).toEqual([
      ['vip'],
      ['r', 'refunds'],
    ]);
  });

  it('reads a join in parentheses as the tables it joins, and the conditions it joins them on', () => {
    const select = theSelect(
      'SELECT a.id, b.email AS x FROM (patients a JOIN (visits v JOIN sites s ON s.id = v.site) ON v.patient = a.id) JOIN owners b ON b.id = a.owner',
    );
    expect([...select.tables.keys()]).toEqual(['a', 'patients', 'v', 'visits', 's', 'sites', 'b', 'owners']);
    expect(select.conditions.map((ref) => `${ref.qualifier}.${ref.column}`)).toEqual([
      's.id',
      'v.site',
      'v.patient',
      'a.id',
      'b.id',
      'a.owner',
    ]);
    expect(select.outputs[1]).toMatchObject({ name: 'x', copies: [{ qualifier: 'b', column: 'email' }] });
  });

  it('reads a FROM item it cannot follow (VALUES, a CTE of VALUES, a recursive CTE) as an opaque source, and the rest exactly, saying why', () => {
    const withValues = readSqlLineage('SELECT p.email AS x FROM patients p JOIN (VALUES (1)) v ON 1 = 1');
    const select = withValues.query?.selects[0];
    expect(withValues.approximateBecause).toBe('it uses VALUES');
    expect([...(select?.opaque?.keys() ?? [])]).toEqual(['v']);
    expect(select?.outputs[0]).toMatchObject({ name: 'x', copies: [{ qualifier: 'p', column: 'email' }] });
    expect([...withValues.unfollowedIdentifiers]).toEqual([]);

    const recursive = readSqlLineage(
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1), c AS (SELECT email FROM patients) SELECT c.email AS x FROM c, r',
    );
    expect(recursive.approximateBecause).toBe('it uses a recursive WITH');
    expect(recursive.query?.ctes.map((cte) => [cte.name, 'opaque' in cte])).toEqual([
      ['r', true],
      ['c', false],
    ]);
    expect([...recursive.unfollowedIdentifiers].sort()).toEqual(['n', 'r']);

    const valuesCte = readSqlLineage(
      "WITH regions(code, name) AS (VALUES ('MO', 'Mosel')) SELECT p.email AS x, r.name FROM patients p, regions r",
    );
    expect(valuesCte.approximateBecause).toBe('it uses VALUES');
    expect(valuesCte.query?.ctes.map((cte) => [cte.name, 'opaque' in cte])).toEqual([['regions', true]]);
    expect(valuesCte.query?.selects[0]?.outputs[0]).toMatchObject({
      name: 'x',
      copies: [{ qualifier: 'p', column: 'email' }],
    });
  });

  it('reads what it cannot follow only approximately, keeping every name it mentions and saying why', () => {
    const cases: Array<[string, string]> = [
      [
        'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n, orders',
        'it uses a recursive WITH',
      ],
      [
        'SELECT total, (WITH RECURSIVE n(x) AS (SELECT 1 UNION SELECT x FROM n) SELECT x FROM n) AS top FROM orders',
        'it uses a recursive WITH',
      ],
      ['SELECT value FROM json_each(orders.items), orders', "it reads the table-valued function 'json_each'"],
      ['SELECT * FROM (VALUES (1), (2)) v, orders', 'it uses VALUES'],
      ['SELECT id FROM orders (', 'it does not parse as one query'],
    ];
    for (const [sql, reason] of cases) {
      const lineage = readSqlLineage(sql);
      expect([sql, lineage.approximateBecause]).toEqual([sql, reason]);
      expect(lineage.identifiers.has('orders')).toBe(true);
    }
  });
});
