import { type DebeziumEngineId, debeziumEngineId } from './database-engine';
import type { Column } from './table';

/** The precision and scale a numeric declared without them takes on the engines that give it a fixed one. */
export const DEFAULT_NUMERIC_DIGITS = {
  mysql: { precision: 10, scale: 0 },
  mariadb: { precision: 10, scale: 0 },
  sqlserver: { precision: 18, scale: 0 },
  db2: { precision: 5, scale: 0 },
} as const satisfies Partial<Record<DebeziumEngineId, { precision: number; scale: number }>>;

export type FixedScaleEngineId = keyof typeof DEFAULT_NUMERIC_DIGITS;

/** A column as the database `engine` declares it: a numeric without precision gets the engine's default digits, where it has them. */
export function columnOnEngine(column: Column, engine: string): Column {
  if (column.type !== 'numeric' || column.precision !== undefined) return column;
  const id = debeziumEngineId(engine);
  return id && id in DEFAULT_NUMERIC_DIGITS
    ? { ...column, ...DEFAULT_NUMERIC_DIGITS[id as FixedScaleEngineId] }
    : column;
}

/** Whether the engine drops the decimals past a numeric's scale rather than rounding them: Db2 truncates on assignment. */
export function truncatesDecimals(engine: string): boolean {
  return debeziumEngineId(engine) === 'db2';
}
