import type { ContractTextCodec } from './contract-text-codec';
import { CURRENT_SCHEMA_VERSION } from './mesh-file-format';
import { formatPath, type Problem } from './problem';
import { joinedWith } from './word-list';

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
    // Contracts that are no list are left as they are, for the file format to say what they must be.
    return {
      ok: true,
      value: { ...document, schemaVersion: 2, ...(Array.isArray(document.contracts) && { contracts: texts }) },
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

const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2];

/** The prototype's files said `version: 0`; every later file says `schemaVersion`. */
const PROTOTYPE_VERSION = 0;

/** The `schemaVersion`s a file may declare: each a migration lifts, and the current one. */
const READABLE_SCHEMA_VERSIONS: readonly number[] = [
  ...MIGRATIONS.map((migration) => migration.from).filter((from) => from !== PROTOTYPE_VERSION),
  CURRENT_SCHEMA_VERSION,
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The version a raw document declares, when this app reads it; else the one problem that says why not. */
function readableVersion(document: JsonObject): { ok: true; value: number } | { ok: false; errors: Problem[] } {
  const readable = joinedWith(READABLE_SCHEMA_VERSIONS, 'and');
  const refuse = (message: string) => ({ ok: false as const, errors: [{ path: 'schemaVersion', message }] });
  if (!('schemaVersion' in document)) {
    if (document.version === PROTOTYPE_VERSION) return { ok: true, value: PROTOTYPE_VERSION };
    return refuse(`missing (this app reads ${readable})`);
  }
  const version = document.schemaVersion;
  if (typeof version === 'number' && READABLE_SCHEMA_VERSIONS.includes(version)) return { ok: true, value: version };
  const notRead = `${JSON.stringify(version)} is not a version this app reads (it reads ${readable})`;
  const isNewer = typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION;
  return refuse(isNewer ? `${notRead}: a newer version of the app may have written it; update the app` : notRead);
}

/** The document in the current format, and the format its file was written in (`fileFormat`). */
export function migrateToCurrent(
  document: unknown,
  contracts: ContractTextCodec,
): { ok: true; value: unknown; fileFormat: number } | { ok: false; errors: Problem[] } {
  if (!isObject(document)) return { ok: false, errors: [{ path: '(document)', message: 'must be a JSON object' }] };
  const version = readableVersion(document);
  if (!version.ok) return version;
  let migrated: JsonObject = document;
  for (const step of MIGRATIONS.filter((migration) => migration.from >= version.value)) {
    const result = step.migrate(migrated, contracts);
    if (!result.ok) return result;
    migrated = result.value;
  }
  return { ok: true, value: migrated, fileFormat: version.value };
}
