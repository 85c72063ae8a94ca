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
  /** Whether it keeps a longer name cut (so the table exists, under other names) rather than refusing it. */
  isCut: boolean;
}

export const IDENTIFIER_LIMITS: Partial<Record<DebeziumEngineId, IdentifierLimit>> = {
  postgres: { engineName: 'PostgreSQL', longest: 63, unit: 'bytes', past: 'cuts the rest', isCut: true },
  mysql: { engineName: 'MySQL', longest: 64, unit: 'characters', past: 'refuses a longer one', isCut: false },
  mariadb: { engineName: 'MariaDB', longest: 64, unit: 'characters', past: 'refuses a longer one', isCut: false },
  sqlserver: { engineName: 'SQL Server', longest: 128, unit: 'characters', past: 'refuses a longer one', isCut: false },
  oracle: {
    engineName: 'Oracle',
    longest: 128,
    unit: 'bytes',
    past: 'refuses a longer one (since 12.2)',
    isCut: false,
  },
};

export interface IdentifierLengthProblem {
  /** `has a name of 64 bytes: PostgreSQL keeps at most 63 bytes of a name and cuts the rest`. */
  message: string;
  isCut: boolean;
}

/** Why `engine` cannot keep `name` whole, or undefined when it can (or its limit is not known). */
export function identifierLengthProblem(engine: string, name: string): IdentifierLengthProblem | undefined {
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
  return {
    message: `has a name of ${size}: ${limit.engineName} keeps at most ${limit.longest} ${limit.unit} of a name and ${limit.past}`,
    isCut: limit.isCut,
  };
}
