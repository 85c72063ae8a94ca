import { CURRENT_SCHEMA_VERSION } from './mesh';
import type { Problem } from './problem';

type JsonObject = Record<string, unknown>;

/** Each step lifts a document from version `from` to `from + 1`. */
interface Migration {
  from: number;
  migrate(document: JsonObject): JsonObject;
}

/**
 * v0 (the prototype's format) kept products under `dataProducts`, all ports in one
 * `ports` list with a `direction`, and had neither scenarios nor policies.
 */
const v0ToV1: Migration = {
  from: 0,
  migrate(document) {
    const { dataProducts, version: _version, ...rest } = document;
    const products = Array.isArray(dataProducts) ? dataProducts.map(splitPorts) : [];
    return {
      ...rest,
      schemaVersion: 1,
      products,
      scenarios: rest.scenarios ?? [],
      policies: rest.policies ?? { rules: {} },
    };
  },
};

function splitPorts(product: unknown): unknown {
  if (!isObject(product) || !Array.isArray(product.ports)) return product;
  const { ports, ...rest } = product;
  const byDirection = (direction: string) => ports.filter((port) => isObject(port) && port.direction === direction);
  return {
    ...rest,
    inputPorts: byDirection('input'),
    outputPorts: byDirection('output'),
    discoveryPort: byDirection('discovery')[0],
  };
}

const MIGRATIONS: readonly Migration[] = [v0ToV1];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The version a raw document declares; v0 files said `version: 0`. */
function declaredVersion(document: JsonObject): unknown {
  return 'schemaVersion' in document ? document.schemaVersion : document.version;
}

export function migrateToCurrent(document: unknown): { ok: true; value: unknown } | { ok: false; errors: Problem[] } {
  if (!isObject(document)) return { ok: false, errors: [{ path: '(document)', message: 'must be a JSON object' }] };
  const version = declaredVersion(document);
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, errors: [{ path: 'schemaVersion', message: 'missing or not an integer' }] };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `version ${version} is newer than this app understands (${CURRENT_SCHEMA_VERSION}); update the app`,
        },
      ],
    };
  }
  let migrated: JsonObject = document;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = MIGRATIONS.find((migration) => migration.from === from);
    if (!step) return { ok: false, errors: [{ path: 'schemaVersion', message: `unknown schema version ${from}` }] };
    migrated = step.migrate(migrated);
  }
  return { ok: true, value: migrated };
}
