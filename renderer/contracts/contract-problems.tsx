import { useMemo } from 'react';
import type { LocatedFinding } from '../../shared/contracts/finding';
import { byPosition } from '../../shared/contracts/text-range';
import { findingsCausedByContract } from '../../shared/validation/contract-caused-findings';
import { designFindingsInText } from '../../shared/validation/contract-text-places';
import type { Fix } from '../../shared/validation/finding';
import { describeFix } from '../../shared/validation/fixes';
import { elementLabel } from '../governance/element-label';
import { findingsOf } from '../governance/mesh-findings';
import { fixProblem } from '../governance/problem-actions';
import { revealElement } from '../governance/reveal-element';
import { useDocumentStore } from '../store/document-store';
import { useContractFindings, useContractText } from './contract-drafts';
import { type ListedProblem, type ProblemInText, ProblemList } from './monaco/problem-list';

/** The contract text's findings and the design's rules' findings on it, each a link to its line. */
export function ContractProblems({
  contractId,
  onReveal,
}: {
  contractId: string;
  onReveal?: (line: number, column: number) => void;
}) {
  const problems = useContractProblems(contractId);
  if (problems.length === 0) return <p className="contract-problems contract-problems--none">No problems.</p>;
  return (
    <ProblemList
      problems={problems}
      label="Contract problems"
      testId="contract-problems"
      className="contract-problems"
      onReveal={onReveal}
    />
  );
}

/**
 * Every problem of the contract its editor says: its text's own and the design's rules' on it (a
 * breaking change since the baseline) in the order of the text, then theirs on what it fails (a
 * port whose table lacks a field it requires).
 */
export function useContractProblems(contractId: string): ListedProblem[] {
  const findings = useContractFindings(contractId);
  const ruleFindings = useRuleFindingsInText(contractId, findings);
  const causedElsewhere = useFindingsCausedElsewhere(contractId);
  return useMemo(
    () => [...[...findings.map(withItsRuleNamed), ...ruleFindings].sort(byPosition), ...causedElsewhere],
    [findings, ruleFindings, causedElsewhere],
  );
}

/** A finding of the contract's text named by its rule, as the design's rules' findings are listed. */
function withItsRuleNamed(finding: LocatedFinding): LocatedFinding {
  return finding.ruleId ? { ...finding, message: `${finding.message} (${finding.ruleId})` } : finding;
}

const NO_PROBLEMS: ListedProblem[] = [];
const NO_PROBLEMS_IN_TEXT: ProblemInText[] = [];

function fixAction(fix: Fix): ListedProblem['fix'] {
  return { label: describeFix(fix), run: () => fixProblem(fix) };
}

/**
 * What the design's rules find in the contract (a classified field republished unclassified), at
 * its line, as the Problems panel lists it; none for a draft, whose lines are not the design's.
 */
function useRuleFindingsInText(contractId: string, textFindings: readonly LocatedFinding[]): ProblemInText[] {
  const text = useContractText(contractId);
  const mesh = useDocumentStore((state) => state.mesh);
  const baseline = useDocumentStore((state) => state.baseline);
  const preparedSteps = useDocumentStore((state) => state.preparedSteps);
  const all = findingsOf(mesh, baseline, preparedSteps).all;
  const contractIndex = mesh?.contracts.findIndex((contract) => contract.id === contractId) ?? -1;
  const isApplied = text !== undefined && text === mesh?.contracts[contractIndex]?.odcs;
  return useMemo(
    () =>
      isApplied
        ? designFindingsInText(all, contractIndex, text, textFindings).map(({ finding, range }) => ({
            line: range.line,
            column: range.column,
            message: `${finding.message} (${finding.ruleId})`,
            severity: finding.severity,
            ...(finding.fix && !finding.suppressed && { fix: fixAction(finding.fix) }),
          }))
        : NO_PROBLEMS_IN_TEXT,
    [isApplied, all, contractIndex, text, textFindings],
  );
}

/** What the design's rules find where the contract fails (a port serving it), as the Problems panel lists it: its place, a click going there. */
function useFindingsCausedElsewhere(contractId: string): ListedProblem[] {
  const mesh = useDocumentStore((state) => state.mesh);
  const baseline = useDocumentStore((state) => state.baseline);
  const preparedSteps = useDocumentStore((state) => state.preparedSteps);
  const all = findingsOf(mesh, baseline, preparedSteps).all;
  return useMemo(
    () =>
      mesh
        ? findingsCausedByContract(all, contractId).map((finding) => ({
            where: elementLabel(mesh, finding.element),
            reveal: () => revealElement(finding.element, finding.path),
            message: `${finding.message} (${finding.ruleId})`,
            severity: finding.severity,
            ...(finding.fix && { fix: fixAction(finding.fix) }),
          }))
        : NO_PROBLEMS,
    [mesh, all, contractId],
  );
}
