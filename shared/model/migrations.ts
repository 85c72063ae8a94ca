import type { ContractTextCodec } from './contract-text-codec';
import { CURRENT_SCHEMA_VERSION } from './mesh';
import { formatPath, type Problem } from './problem';

type JsonObject = Record<string, unknown>;
type MigrationResult = { ok: true; value: JsonObject } | { ok: false; errors: Problem[] };

/** Each step lifts a document from version `from` to `from + 1`. */
interface Migration {
  from: number;
  migrate(document: JsonObject, contracts: ContractTextCodec): MigrationResult;
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
      ok: true,
      value: {
        ...rest,
        schemaVersion: 1,
        products,
        scenarios: rest.scenarios ?? [],
        policies: rest.policies ?? { rules: {} },
      },
    };
  },
};

/** v1 stored each contract's model fields; v2 stores its ODCS YAML text, line by line. */
const v1ToV2: Migration = {
  from: 1,
  migrate(document, contracts) {
    const entries = Array.isArray(document.contracts) ? document.contracts : [];
    const errors: Problem[] = [];
    const texts = entries.map((entry, index) => {
      const written = contracts.writeLegacy(entry);
      if (written.ok) return { odcs: written.value.split('\n') };
      for (const error of written.errors) {
        errors.push({ path: formatPath(['contracts', index]), message: `${error.path}: ${error.message}` });
      }
      return entry;
    });
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, value: { ...document, schemaVersion: 2, contracts: texts } };
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

const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The version a raw document declares; v0 files said `version: 0`. */
function declaredVersion(document: JsonObject): unknown {
  return 'schemaVersion' in document ? document.schemaVersion : document.version;
}

export function migrateToCurrent(
  document: unknown,
  contracts: ContractTextCodec,
): { ok: true; value: unknown } | { ok: false; errors: Problem[] } {
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
    const result = step.migrate(migrated, contracts);
    if (!result.ok) return result;
    migrated = result.value;
  }
  return { ok: true, value: migrated };
}
