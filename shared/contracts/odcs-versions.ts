import type { ValidateFunction } from 'ajv';
import validateV310 from './generated/odcs-validator-v3.1.0';
import validateV320 from './generated/odcs-validator-v3.2.0';
import { odcsSchemaV320AsReleased } from './odcs-schema-as-released';
import odcsSchemaV310 from './odcs-schema-v3.1.0.json';
import { compareVersions, readVersion } from './semver';

/*
 * The ODCS versions the app reads, each checked against its own official JSON Schema
 * (Apache-2.0, see ODCS-LICENSE), content unchanged from the Bitol repository except where
 * the released 3.2.0 differs from the 3.2.0 schema bundled (odcs-schema-as-released.ts), and
 * precompiled so no code is generated at run time (the app's CSP forbids it). 3.0.x has
 * no schema of its own here: the 3.1.0 schema accepts its documents and flags what 3.1
 * deprecated, once their library rules are in the form 3.1 gave them (odcs-v30-quality.ts).
 */

export interface OdcsSchemaVersion {
  /** The schema's own version, e.g. `v3.2.0`. */
  version: string;
  validate: ValidateFunction;
  jsonSchema: object;
}

const V310: OdcsSchemaVersion = { version: 'v3.1.0', validate: validateV310, jsonSchema: odcsSchemaV310 };
const V320: OdcsSchemaVersion = { version: 'v3.2.0', validate: validateV320, jsonSchema: odcsSchemaV320AsReleased };

/** The apiVersions a contract may declare, newest first. */
export const SUPPORTED_API_VERSIONS = ['v3.2.0', 'v3.1.0', 'v3.0.2', 'v3.0.1', 'v3.0.0'] as const;
export const LATEST_API_VERSION = 'v3.2.0';
/** What the app writes new contracts in unless they need a newer version: the one most tools read. */
export const DEFAULT_API_VERSION = 'v3.1.0';

const SCHEMA_OF: Record<(typeof SUPPORTED_API_VERSIONS)[number], OdcsSchemaVersion> = {
  'v3.2.0': V320,
  'v3.1.0': V310,
  'v3.0.2': V310,
  'v3.0.1': V310,
  'v3.0.0': V310,
};

/** Which official schema checks which apiVersions, in words: `v3.2.0's for v3.2.0; v3.1.0's for v3.1.0, v3.0.2, …`. */
export function schemasForApiVersions(): string {
  const apiVersionsBySchema = new Map<string, string[]>();
  for (const apiVersion of SUPPORTED_API_VERSIONS) {
    const schema = SCHEMA_OF[apiVersion].version;
    apiVersionsBySchema.set(schema, [...(apiVersionsBySchema.get(schema) ?? []), apiVersion]);
  }
  return [...apiVersionsBySchema]
    .map(([schema, apiVersions]) => `${schema}'s for ${apiVersions.join(', ')}`)
    .join('; ');
}

export type OdcsVersionResolution =
  | { ok: true; schema: OdcsSchemaVersion }
  /** `meant`: the supported apiVersion the declared one stands for (`3.1.0` for `v3.1.0`). */
  | { ok: false; message: string; meant?: string };

/**
 * The schema to check a document with, from its `apiVersion`. A document without one is
 * checked against the newest schema, which then asks for it.
 */
export function schemaForApiVersion(apiVersion: unknown): OdcsVersionResolution {
  if (apiVersion === undefined) return { ok: true, schema: V320 };
  const declared = String(apiVersion);
  const known = SCHEMA_OF[declared as keyof typeof SCHEMA_OF];
  if (known) return { ok: true, schema: known };
  const withV = `v${declared}`;
  if (withV in SCHEMA_OF) {
    return { ok: false, message: `ODCS versions are written with a v: write '${withV}'`, meant: withV };
  }
  const range = `this app reads ODCS ${SUPPORTED_API_VERSIONS.at(-1)} to ${LATEST_API_VERSION}`;
  const isVersion = readVersion(declared) !== undefined;
  if ((compareVersions(declared, LATEST_API_VERSION) ?? 0) > 0) {
    return {
      ok: false,
      message: `ODCS ${declared} is newer than this app knows (${range}): update the app to edit this contract`,
    };
  }
  if (isVersion) return { ok: false, message: `ODCS ${declared} is not supported: ${range}` };
  return {
    ok: false,
    message: `unknown apiVersion '${declared}'; expected one of: ${SUPPORTED_API_VERSIONS.join(', ')}`,
  };
}

/** The JSON Schema that documents a contract of `apiVersion`, for completion and hovers. */
export function jsonSchemaForApiVersion(apiVersion: unknown): object {
  const resolved = schemaForApiVersion(apiVersion);
  return resolved.ok ? resolved.schema.jsonSchema : V320.jsonSchema;
}
