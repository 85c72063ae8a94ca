import {
  type Contract,
  type ContractModel,
  ContractModelSchema,
  type ContractTextCodec,
  type Mesh,
  type Problem,
  parseMeshDocumentWith,
  parseMeshFileBytesWith,
  parseMeshFileWith,
  type Result,
  readMeshFileWith,
} from '../model';
import { withRefusedSizesDropped } from '../model/layout-size-repair';
import { schemaProblems } from '../model/schema-issue-text';
import { isJsonObject } from './odcs-document';
import { DEFAULT_API_VERSION } from './odcs-versions';
import { parseOdcsYaml, serializeOdcsYaml } from './odcs-yaml';
import { checkContractYaml } from './semantic-checks';
import { formatLocatedProblem, type LocatedResult, readYamlSource } from './yaml-source';

/** A contract the app creates from a model (an import from another format, a new contract), read back as text. */
export function contractFromModel(model: ContractModel): LocatedResult<Contract> {
  return parseOdcsYaml(serializeOdcsYaml(model));
}

/** File format 1 stored a contract's model fields, without an ODCS version or a say on its kind. */
const LegacyContractSchema = ContractModelSchema.omit({ apiVersion: true, isKindDeclared: true });

/** How the mesh file's contracts are read (and files of format 1 written) as ODCS text. */
export const contractTextCodec: ContractTextCodec = {
  read(text) {
    const parsed = parseOdcsYaml(text);
    if (parsed.ok) return parsed;
    // The errors the contract editor marks, all in one round: past a duplicate key too.
    const errors = checkContractYaml(text).filter((finding) => finding.severity === 'error');
    return {
      ok: false,
      errors: errors.map((error) => ({
        path: error.path,
        message: error.message,
        contractText: { line: error.line, column: error.column },
      })),
    };
  },
  declaredId(text) {
    const source = readYamlSource(text);
    if (source.syntaxErrors.length > 0 || !isJsonObject(source.value)) return undefined;
    return typeof source.value.id === 'string' ? source.value.id : undefined;
  },
  writeLegacy(entry) {
    const legacy = LegacyContractSchema.safeParse(entry);
    if (!legacy.success) {
      return {
        ok: false,
        errors: schemaProblems(legacy.error.issues, entry, LegacyContractSchema),
      };
    }
    // Format 1 knew no other version, and its every contract said event or entity.
    return {
      ok: true,
      value: serializeOdcsYaml({ ...legacy.data, apiVersion: DEFAULT_API_VERSION, isKindDeclared: true }),
    };
  },
};

/** Parses a `.mesh.json` file's bytes (refusing what is not UTF-8), each contract read from its ODCS text. */
export function parseMeshFileBytes(bytes: Uint8Array): Result<Mesh> {
  return parseMeshFileBytesWith(contractTextCodec, bytes);
}

/** Parses a `.mesh.json` text, each contract read from its ODCS text. Never throws. */
export function parseMeshFile(text: string): Result<Mesh> {
  return parseMeshFileWith(contractTextCodec, text);
}

/** `fileFormat`: the format the file was written in, older than the one a save writes when an older version wrote it. */
export type OpenedMeshFile =
  | { ok: true; value: Mesh; droppedSizes: string[]; fileFormat: number }
  | { ok: false; errors: Problem[] };

/**
 * Parses a `.mesh.json` text as the app opens it: a file the reader refuses only for sizes of 0
 * or less opens with them left out (see withRefusedSizesDropped), and says where.
 */
export function parseMeshFileRepairingSizes(text: string): OpenedMeshFile {
  const read = readMeshFileWith(contractTextCodec, text);
  if (read.ok) return { ok: true, value: read.value.mesh, droppedSizes: [], fileFormat: read.value.fileFormat };
  const json = jsonOfMeshFile(text);
  if (json === undefined) return read;
  const repair = withRefusedSizesDropped(json);
  if (repair.dropped.length === 0) return read;
  // Through the whole reader again: the repaired text must pass every check the file would.
  const repaired = readMeshFileWith(contractTextCodec, JSON.stringify(repair.json));
  return repaired.ok
    ? { ok: true, value: repaired.value.mesh, droppedSizes: repair.dropped, fileFormat: repaired.value.fileFormat }
    : read;
}

/** A `.mesh.json` text's JSON (a byte order mark before it allowed), for a second look at a file the reader refused; undefined when it is no JSON. */
export function jsonOfMeshFile(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** Validates an already-parsed JSON value as a mesh document, migrating older versions. */
export function parseMeshDocument(json: unknown): Result<Mesh> {
  return parseMeshDocumentWith(contractTextCodec, json);
}

/** For code that builds contracts it knows to be valid (samples, tests): the contract, or an exception naming what is wrong. */
export function contractOf(model: ContractModel): Contract {
  const read = contractFromModel(model);
  if (!read.ok) throw new Error(`invalid contract '${model.id}': ${read.errors.map(formatLocatedProblem).join('; ')}`);
  return read.value;
}
