/**
 * The database engines Debezium captures, by the id the app uses (`postgres`), with the name
 * their change events give in `source.connector`; for the engines whose source block names a
 * table's schema, the schema a table is in when its topic does not say.
 */
const DEBEZIUM_ENGINES = {
  postgres: { connector: 'postgresql', defaultSchema: 'public' },
  mysql: { connector: 'mysql' },
  mariadb: { connector: 'mariadb' },
  sqlserver: { connector: 'sqlserver', defaultSchema: 'dbo' },
  oracle: { connector: 'oracle' },
  db2: { connector: 'db2' },
  mongodb: { connector: 'mongodb' },
} as const satisfies Record<string, { connector: string; defaultSchema?: string }>;

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

/** How Debezium's change events from this engine name their connector and a table's default schema. */
export function debeziumSource(engine: DebeziumEngineId): { connector: string; defaultSchema?: string } {
  return DEBEZIUM_ENGINES[engine];
}
