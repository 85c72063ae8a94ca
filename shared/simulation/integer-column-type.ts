import { type DebeziumEngineId, debeziumEngineId } from '../model/database-engine';

/** The whole numbers an `integer` column holds on its engine, and that engine's name for the type. */
export interface IntegerColumnType {
  name: string;
  min: bigint;
  max: bigint;
}

const SIGNED_64_BIT = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const BIGINT = { name: 'BIGINT', ...SIGNED_64_BIT };

/*
 * A column's type says `integer`, not its width: it is taken as the engine's widest signed integer
 * type, as the SQL export makes it bigint, so no value a narrower type takes is refused. Oracle's
 * INTEGER is NUMBER(38); MongoDB keeps a BSON long.
 */
const ENGINE_TYPES: Record<DebeziumEngineId, IntegerColumnType> = {
  postgres: { name: 'bigint', ...SIGNED_64_BIT },
  mysql: BIGINT,
  mariadb: BIGINT,
  sqlserver: { name: 'bigint', ...SIGNED_64_BIT },
  db2: BIGINT,
  oracle: { name: 'INTEGER (NUMBER(38))', min: -(10n ** 38n - 1n), max: 10n ** 38n - 1n },
  mongodb: { name: 'BSON long', ...SIGNED_64_BIT },
};

/** SQLite's INTEGER, the simulator's own, for an engine Debezium does not capture. */
const SIMULATOR_INTEGER: IntegerColumnType = { name: 'INTEGER', ...SIGNED_64_BIT };

/** The type an `integer` column is on a system's `database.engine` (any case, `pg` alike). */
export function integerColumnType(engine: string): IntegerColumnType {
  const id = debeziumEngineId(engine);
  return id ? ENGINE_TYPES[id] : SIMULATOR_INTEGER;
}
