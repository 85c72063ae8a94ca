import {
  type ChangeKind,
  type ContractComparison,
  compareContracts,
  locateChanges,
  parseOdcsSource,
  readYamlSource,
} from '../shared/contracts';
import type { FindingSeverity } from '../shared/contracts/finding';
import { type ContractTextPlace, classificationLevelsOf, type Mesh } from '../shared/model';
import { BREAKING_CHANGES_RULE_ID, versionProblems } from '../shared/validation/rules/breaking-changes';

/** What `--baseline` gave: a design, or one contract read as a design holding it alone. */
export interface Baseline {
  file: string;
  mesh: Mesh;
}

/** A contract's changes since its baseline, each where the contract file shows it (a removal at its parent's line). */
export interface ContractChangesReport {
  baseline: string;
  fromVersion: string;
  toVersion: string;
  isBreaking: boolean;
  /** The version the breaking changes need, when the contract's own does not allow them. */
  neededVersion?: string;
  changes: {
    kind: ChangeKind;
    isBreaking: boolean;
    subject: string;
    message: string;
    /** In the contract's text. */
    line: number;
    column: number;
    /** For a design's contract: where the change is in the design file. */
    inFile?: ContractTextPlace;
  }[];
}

/** A design's contract changed since the baseline, by its id, where the design holds its text, and its name. */
export interface DesignContractChanges extends ContractChangesReport {
  contract: string;
  path: string;
  name: string;
}

/** A problem of the contract file at the line of the key it is about. */
export interface VersionRuleProblem {
  severity: FindingSeverity;
  path: string;
  message: string;
  line: number;
  column: number;
  rule?: string;
  fixHint?: string;
}

/**
 * A contract file judged against the baseline's contract of the same id, as the app judges a
 * design's contracts: its changes, and the `breaking-changes` rule's findings on its version
 * (`--baseline` asks for them whatever `--rule` says), its classifications ranked by the baseline's
 * policies and by `classificationLevels` (an organisation's `--policy`) where given. Nothing when the
 * text does not read as a contract: its problems are reported already.
 */
export function contractChangesSince(
  baseline: Baseline,
  text: string,
  classificationLevels?: readonly string[],
): { problems: VersionRuleProblem[]; changes?: ContractChangesReport } {
  const source = readYamlSource(text);
  const read = parseOdcsSource(source);
  if (!read.ok) return { problems: [] };
  const contract = read.value;
  const at = (key: string) => {
    const { line, column } = source.locate([key], 'key');
    return { path: key, line, column };
  };
  const previous = baseline.mesh.contracts.find((candidate) => candidate.id === contract.id);
  if (!previous) {
    const message = `the baseline ${baseline.file} holds no contract '${contract.id}': its changes cannot be judged`;
    return { problems: [{ severity: 'warning', message, ...at('id') }] };
  }
  // As for a design's contracts: a change looser under either ranking breaks.
  const baselineLevels = classificationLevelsOf(baseline.mesh.policies);
  const rankings = classificationLevels ? [baselineLevels, classificationLevels] : [baselineLevels];
  const comparison = compareContracts(previous, contract, rankings);
  const problems = versionProblems(previous, contract, comparison).map(({ severity, message, fixHint }) => ({
    severity,
    message,
    rule: BREAKING_CHANGES_RULE_ID,
    fixHint,
    ...at('version'),
  }));
  return { problems, changes: changesReport(baseline.file, comparison, previous.odcs, text) };
}

/**
 * Each of the design's contracts that changed since the baseline's contract of the same id, its
 * changes at their lines in the contract's text, as `contractChangesSince` lists a contract file's.
 */
export function designContractChanges(baseline: Baseline, mesh: Mesh): DesignContractChanges[] {
  const before = new Map(baseline.mesh.contracts.map((contract) => [contract.id, contract]));
  const levels = [classificationLevelsOf(baseline.mesh.policies), classificationLevelsOf(mesh.policies)];
  return mesh.contracts.flatMap((contract, index) => {
    const previous = before.get(contract.id);
    if (!previous || previous === contract) return [];
    const comparison = compareContracts(previous, contract, levels);
    if (comparison.changes.length === 0) return [];
    const report = changesReport(baseline.file, comparison, previous.odcs, contract.odcs);
    return [{ contract: contract.id, path: `contracts[${index}].odcs`, name: contract.name, ...report }];
  });
}

/** A comparison's changes, each where `text` shows it (a removal at its parent's line). */
function changesReport(
  baselineFile: string,
  comparison: ContractComparison,
  previousText: string,
  text: string,
): ContractChangesReport {
  const changes = locateChanges(comparison.changes, previousText, text).map(
    ({ kind, isBreaking, subject, message, side, range, parentInNext }) => {
      const { line, column } = side === 'next' ? range : (parentInNext ?? range);
      return { kind, isBreaking, subject, message, line, column };
    },
  );
  return {
    baseline: baselineFile,
    fromVersion: comparison.fromVersion,
    toVersion: comparison.toVersion,
    isBreaking: comparison.isBreaking,
    ...(comparison.neededVersion && { neededVersion: comparison.neededVersion }),
    changes,
  };
}
