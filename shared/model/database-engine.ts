/**
 * The database engines Debezium captures, by the id the app uses (`postgres`), with the name
 * their change events give in `source.connector`; what names a table in its topic after the
 * prefix (`<schema>.<table>`, `<database>.<table>`, SQL Server's `<database>.<schema>.<table>`);
 * for the engines with schemas, the schema a table is in when its topic does not say (PostgreSQL's
 * `public`, SQL Server's `dbo`, Db2's instance owner `DB2INST1`; Oracle keeps an application's
 * tables in the schema of the user owning them, which a design does not name, so its database's
 * name in capitals); and whether the engine keeps unquoted names in capitals (Oracle, Db2).
 */
const DEBEZIUM_ENGINES = {
  postgres: { connector: 'postgresql', qualifiers: 'schema', defaultSchema: 'public' },
  mysql: { connector: 'mysql', qualifiers: 'database' },
  mariadb: { connector: 'mariadb', qualifiers: 'database' },
  sqlserver: { connector: 'sqlserver', qualifiers: 'database.schema', defaultSchema: 'dbo' },
  oracle: { connector: 'oracle', qualifiers: 'schema', defaultSchema: 'database', foldsToCapitals: true },
  db2: { connector: 'db2', qualifiers: 'schema', defaultSchema: 'DB2INST1', foldsToCapitals: true },
  mongodb: { connector: 'mongodb', qualifiers: 'database' },
} as const satisfies Record<string, DebeziumEngine>;

export interface DebeziumEngine {
  connector: string;
  qualifiers: 'schema' | 'database' | 'database.schema';
  /** `database`: the database's name in capitals. */
  defaultSchema?: string;
  foldsToCapitals?: boolean;
}

export type DebeziumEngineId = keyof typeof DEBEZIUM_ENGINES;

/** Other ways designs name them. */
const ENGINE_ALIASES: Record<string, DebeziumEngineId> = {
  postgresql: 'postgres',
  pg: 'postgres',
  mssql: 'sqlserver',
  'sql server': 'sqlserver',
  mongo: 'mongodb',
};

export const DEBEZIUM_ENGINE_IDS = Object.keys(DEBEZIUM_ENGINES) as DebeziumEngineId[];

/** The engine a system's `database.engine` names (any case, `PostgreSQL` and `pg` alike), if Debezium captures it. */
export function debeziumEngineId(engine: string): DebeziumEngineId | undefined {
  const name = engine.trim().toLowerCase();
  if (name in ENGINE_ALIASES) return ENGINE_ALIASES[name];
  return name in DEBEZIUM_ENGINES ? (name as DebeziumEngineId) : undefined;
}

/** How Debezium's change events from this engine name their connector, and its topics a table. */
export function debeziumSource(engine: DebeziumEngineId): DebeziumEngine {
  return DEBEZIUM_ENGINES[engine];
}
