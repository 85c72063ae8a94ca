import type { Contract } from './contract';
import type { ContractTextCodec } from './contract-text-codec';
import { checkIntegrity } from './integrity';
import { type Mesh, type MeshFile, MeshFileSchema } from './mesh';
import { MAX_MESH_FILE_BYTES } from './mesh-file-format';
import { migrateToCurrent } from './migrations';
import { formatPath, type Problem, type Result } from './problem';

const MAX_REPORTED_PROBLEMS = 50;

/**
 * Parses a `.mesh.json` text. Never throws: every failure is a located problem. Contracts
 * are read by `contracts` (shared/contracts' `parseMeshFile` supplies it).
 */
export function parseMeshFileWith(contracts: ContractTextCodec, text: string): Result<Mesh> {
  if (text.length > MAX_MESH_FILE_BYTES) {
    return failure({ path: '(document)', message: `file is larger than ${MAX_MESH_FILE_BYTES / 1024 / 1024} MB` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failure({ path: '(document)', message: `not valid JSON: ${(error as Error).message}` });
  }
  return parseMeshDocumentWith(contracts, json);
}

/** Validates an already-parsed JSON value as a mesh document, migrating older versions. */
export function parseMeshDocumentWith(contracts: ContractTextCodec, json: unknown): Result<Mesh> {
  const migrated = migrateToCurrent(json, contracts);
  if (!migrated.ok) return migrated;
  const parsed = MeshFileSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, MAX_REPORTED_PROBLEMS).map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
  const read = readContracts(contracts, parsed.data);
  if (!read.ok) return { ok: false, errors: read.errors.slice(0, MAX_REPORTED_PROBLEMS) };
  const mesh: Mesh = { ...parsed.data, contracts: read.value };
  const integrityProblems = checkIntegrity(mesh);
  if (integrityProblems.length > 0) return { ok: false, errors: integrityProblems.slice(0, MAX_REPORTED_PROBLEMS) };
  return { ok: true, value: mesh };
}

function readContracts(codec: ContractTextCodec, file: MeshFile): Result<Contract[]> {
  const errors: Problem[] = [];
  const contracts = file.contracts.flatMap((entry, index) => {
    const read = codec.read(entry.odcs.join('\n'));
    if (read.ok) return [read.value];
    for (const error of read.errors) {
      errors.push({ path: formatPath(['contracts', index, 'odcs']), message: `${error.path}: ${error.message}` });
    }
    return [];
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: contracts };
}

/**
 * Pretty-printed JSON with a stable key order (schemaVersion, id, name first, then
 * alphabetical), so saving an unchanged document gives the same bytes and diffs stay small.
 */
export function serializeMesh(mesh: Mesh): string {
  const file: MeshFile = {
    ...mesh,
    contracts: mesh.contracts.map((contract) => ({ odcs: contract.odcs.split('\n') })),
  };
  return `${JSON.stringify(withStableKeys(file), null, 2)}\n`;
}

const LEADING_KEYS = ['schemaVersion', 'id', 'name'];

function keyRank(key: string): number {
  const rank = LEADING_KEYS.indexOf(key);
  return rank === -1 ? LEADING_KEYS.length : rank;
}

function compareKeys(a: string, b: string): number {
  return keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function withStableKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withStableKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = withStableKeys(child);
  }
  return sorted;
}

function failure(problem: Problem): Result<never> {
  return { ok: false, errors: [problem] };
}
