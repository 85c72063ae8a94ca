import pg from 'node-sql-parser/build/postgresql';

const { Parser } = pg as any;
const p = new Parser();
const sql = `CREATE TABLE orders (
  order_id BIGINT PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'placed',
  total NUMERIC(10,2),
  tags TEXT[],
  meta JSONB,
  placed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ip INET,
  dur INTERVAL,
  raw BYTEA,
  uid UUID,
  money MONEY,
  UNIQUE (customer_id, placed_at)
);`;
const ast = p.astify(sql, { database: 'PostgresQL', parseOptions: { includeLocations: true } });
console.log(JSON.stringify(ast, null, 1).slice(0, 3000));
const a: any = Array.isArray(ast) ? ast[0] : ast;
for (const d of a.create_definitions) console.log(d.resource, JSON.stringify(d).slice(0, 400));
