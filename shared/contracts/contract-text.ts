import {
  type Contract,
  type ContractModel,
  ContractModelSchema,
  type ContractTextCodec,
  formatPath,
  type Mesh,
  parseMeshDocumentWith,
  parseMeshFileBytesWith,
  parseMeshFileWith,
  type Result,
} from '../model';
import { DEFAULT_API_VERSION } from './odcs-versions';
import { parseOdcsYaml, serializeOdcsYaml } from './odcs-yaml';
import { formatLocatedProblem, type LocatedResult } from './yaml-source';

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
    return {
      ok: false,
      errors: parsed.errors.map((error) => ({
        path: `${error.line}:${error.column} ${error.path}`,
        message: error.message,
      })),
    };
  },
  writeLegacy(entry) {
    const legacy = LegacyContractSchema.safeParse(entry);
    if (!legacy.success) {
      return {
        ok: false,
        errors: legacy.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
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
