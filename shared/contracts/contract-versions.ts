import type { Contract } from '../model/contract';
import { type ContractComparison, compareContracts } from './breaking-changes';
import { editContractText, readOdcsDocument } from './contract-edits';
import type { StatableFact } from './import/imported-schema';
import { importedSchemaEdits } from './imported-schema-merge';
import { parseOdcsYaml } from './odcs-yaml';
import { bumpMinor, nextBreakingVersion } from './semver';
import { formatLocatedProblem } from './yaml-source';

export type NextVersion =
  | { ok: true; contract: Contract; comparison: ContractComparison }
  | { ok: false; message: string };

/**
 * An existing contract taking the schema of an imported one as its next version: the rest
 * of its text stays as it is, the schema changes only where the import says something else
 * (what its format cannot say, such as classification or tags, is kept), and the version
 * goes up to the next that may break for breaking changes (see `nextBreakingVersion`), a minor
 * step for others. What the import's source does not state (`statedFacts`: keys in Avro,
 * `required` in proto3) is kept too.
 */
export function asNextVersion(
  existing: Contract,
  imported: Contract,
  statedFacts: readonly StatableFact[],
): NextVersion {
  const edits = importedSchemaEdits(
    readOdcsDocument(existing.odcs) ?? {},
    readOdcsDocument(imported.odcs) ?? {},
    statedFacts,
  );
  // The existing text may refuse an edit (an alias whose value would change): the reason is the answer.
  const edited = editContractText(existing.odcs, edits);
  if (!edited.ok) return edited;
  const withSchema = parseOdcsYaml(edited.text);
  if (!withSchema.ok) return { ok: false, message: withSchema.errors.slice(0, 3).map(formatLocatedProblem).join('; ') };
  const changes = compareContracts(existing, withSchema.value);
  if (changes.changes.length === 0) return { ok: true, contract: withSchema.value, comparison: changes };
  const version = changes.isBreaking ? nextBreakingVersion(existing.version) : bumpMinor(existing.version);
  // A version that is no semver (`2024-01`) stays: the comparison's findings say what to do about it.
  if (version === undefined) return { ok: true, contract: withSchema.value, comparison: changes };
  const bumped = editContractText(withSchema.value.odcs, [{ op: 'set', path: ['version'], value: version }]);
  if (!bumped.ok) return bumped;
  const next = parseOdcsYaml(bumped.text);
  if (!next.ok) return { ok: false, message: next.errors.slice(0, 3).map(formatLocatedProblem).join('; ') };
  return { ok: true, contract: next.value, comparison: compareContracts(existing, next.value) };
}
