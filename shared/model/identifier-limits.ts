import { type DebeziumEngineId, debeziumEngineId } from './database-engine';
import { utf8Bytes } from './utf8-bytes';

/*
 * How long a table's or column's name may be in each database. A longer one is cut (PostgreSQL
 * keeps its first 63 bytes, NAMEDATALEN - 1) or refused, so the table the service writes is not
 * the one the design, and its connector's table.include.list, name.
 */

interface IdentifierLimit {
  engineName: string;
  longest: number;
  /** PostgreSQL and Oracle count a name's UTF-8 bytes, the others its characters. */
  unit: 'bytes' | 'characters';
  /** What the database does with a longer name. */
  past: string;
}

export const IDENTIFIER_LIMITS: Partial<Record<DebeziumEngineId, IdentifierLimit>> = {
  postgres: { engineName: 'PostgreSQL', longest: 63, unit: 'bytes', past: 'cuts the rest' },
  mysql: { engineName: 'MySQL', longest: 64, unit: 'characters', past: 'refuses a longer one' },
  mariadb: { engineName: 'MariaDB', longest: 64, unit: 'characters', past: 'refuses a longer one' },
  sqlserver: { engineName: 'SQL Server', longest: 128, unit: 'characters', past: 'refuses a longer one' },
  oracle: { engineName: 'Oracle', longest: 128, unit: 'bytes', past: 'refuses a longer one (since 12.2)' },
};

/** Why `engine` cannot keep `name` whole, or undefined when it can (or its limit is not known). */
export function identifierLengthProblem(engine: string, name: string): string | undefined {
  const engineId = debeziumEngineId(engine);
  const limit = engineId && IDENTIFIER_LIMITS[engineId];
  if (!limit) return undefined;
  const characters = [...name].length;
  const bytes = utf8Bytes(name).length;
  const length = limit.unit === 'bytes' ? bytes : characters;
  if (length <= limit.longest) return undefined;
  const size =
    limit.unit === 'bytes' && bytes !== characters
      ? `${characters} characters but ${bytes} bytes`
      : `${length} ${limit.unit}`;
  return `has a name of ${size}: ${limit.engineName} keeps at most ${limit.longest} ${limit.unit} of a name and ${limit.past}`;
}
