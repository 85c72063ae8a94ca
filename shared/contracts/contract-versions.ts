import type { Contract } from '../model/contract';
import { isDeepEqual } from '../model/deep-equal';
import { type ContractComparison, compareContracts } from './breaking-changes';
import { editContractText, readOdcsDocument, withAllowedValuesAsEnums } from './contract-edits';
import type { ImportedFile } from './import/contract-source-import';
import { importedSchemaEdits } from './imported-schema-merge';
import { hasNativeEnum, type OdcsDocument } from './odcs-document';
import { parseOdcsYaml } from './odcs-yaml';
import { bumpMinor, compareVersions, nextBreakingVersion } from './semver';
import { formatLocatedProblem } from './yaml-source';
import type { YamlEdit } from './yaml-text-edit';

export type NextVersion =
  | {
      ok: true;
      contract: Contract;
      comparison: ContractComparison;
      /** What a schema file's quality rules added to the contract or replaced in it. */
      notes?: readonly string[];
    }
  | { ok: false; message: string };

/** An imported file as its next version needs it: the contract, the format it was read from, and the facts that format states. */
export type ImportedVersion = Pick<Extract<ImportedFile, { ok: true }>, 'contract' | 'format' | 'statedFacts'>;

/**
 * An existing contract's next version made from an imported file. A schema file (SQL, Avro,
 * JSON Schema, Protobuf) gives only its schema: the rest of the contract's text stays as it is,
 * the schema changes only where the import says something else (what its format cannot say,
 * such as classification or tags, is kept, and so are the facts its source does not state,
 * `statedFacts`: keys in Avro, `required` in proto3). An ODCS file states every section, so it
 * is the next version, keeping of the contract only what the design knows it by (see
 * `DESIGN_IDENTITY`). The version goes up to the next that may break for breaking changes (see
 * `nextBreakingVersion`), a minor step for others.
 */
export function asNextVersion(existing: Contract, imported: ImportedVersion): NextVersion {
  const existingDocument = readOdcsDocument(existing.odcs) ?? {};
  const importedDocument = readOdcsDocument(imported.contract.odcs) ?? {};
  const merge =
    imported.format === 'odcs'
      ? undefined
      : importedSchemaEdits(
          existingDocument,
          inTheEnumFormOf(existing, imported.contract) ?? importedDocument,
          imported.statedFacts,
        );
  const edited = merge
    ? editContractText(existing.odcs, merge.edits)
    : editContractText(imported.contract.odcs, designIdentityEdits(existingDocument, importedDocument));
  // A text may refuse an edit (an alias whose value would change): the reason is the answer.
  if (!edited.ok) return edited;
  const next = versionedEdit(existing, edited.text);
  return next.ok && merge ? { ...next, notes: merge.notes } : next;
}

/**
 * The imported schema as an ODCS 3.2 contract writes allowed values (`enum`), where the existing
 * contract is one and the import (3.1, as a schema file without maps is) is not: the fields and
 * tables it adds are written in the contract's form. Nothing when the import needs no rewriting.
 */
function inTheEnumFormOf(existing: Contract, imported: Contract): OdcsDocument | undefined {
  if (!hasNativeEnum(existing.apiVersion) || hasNativeEnum(imported.apiVersion)) return undefined;
  return readOdcsDocument(withAllowedValuesAsEnums(imported.odcs));
}

/** The edited text as the contract's next version, under the version its changes call for. */
function versionedEdit(existing: Contract, text: string): NextVersion {
  const candidate = parseOdcsYaml(text);
  if (!candidate.ok) return { ok: false, message: candidate.errors.slice(0, 3).map(formatLocatedProblem).join('; ') };
  const changes = compareContracts(existing, candidate.value);
  if (changes.changes.length === 0) return { ok: true, contract: candidate.value, comparison: changes };
  const version = changes.isBreaking ? nextBreakingVersion(existing.version) : bumpMinor(existing.version);
  // A version that is no semver (`2024-01`) stays: the comparison's findings say what to do about it.
  if (version === undefined) return { ok: true, contract: candidate.value, comparison: changes };
  return withVersion(existing, candidate.value, version);
}

/**
 * A contract replacing `existing` as written (the CLI's `--on-conflict replace`), except that
 * breaking changes its version does not announce raise it as `asNextVersion` does, and a version
 * lower than the existing one keeps the existing one: a contract never narrows under the version
 * consumers rely on, and its versions never go back.
 */
export function asReplacement(existing: Contract, replacement: Contract): NextVersion {
  const comparison = compareContracts(existing, replacement);
  const isLower = (compareVersions(replacement.version, existing.version) ?? 0) < 0;
  const version = comparison.neededVersion ?? (isLower ? existing.version : undefined);
  if (version === undefined) return { ok: true, contract: replacement, comparison };
  return withVersion(existing, replacement, version);
}

function withVersion(existing: Contract, candidate: Contract, version: string): NextVersion {
  const bumped = editContractText(candidate.odcs, [{ op: 'set', path: ['version'], value: version }]);
  if (!bumped.ok) return bumped;
  const next = parseOdcsYaml(bumped.text);
  if (!next.ok) return { ok: false, message: next.errors.slice(0, 3).map(formatLocatedProblem).join('; ') };
  return { ok: true, contract: next.value, comparison: compareContracts(existing, next.value) };
}

/**
 * What a contract keeps whatever an ODCS file imported as its next version says: the id its ports
 * serve, the domain and data product that place it in the design, and its version, which the
 * changes decide.
 */
const DESIGN_IDENTITY = ['id', 'version', 'domain', 'dataProduct'] as const;

function designIdentityEdits(existing: OdcsDocument, imported: OdcsDocument): YamlEdit[] {
  return DESIGN_IDENTITY.flatMap((key): YamlEdit[] => {
    if (isDeepEqual(existing[key], imported[key])) return [];
    if (existing[key] === undefined) return [{ op: 'delete', path: [key] }];
    return [{ op: 'set', path: [key], value: existing[key] }];
  });
}
