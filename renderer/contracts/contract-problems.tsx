import { useContractFindings } from './contract-drafts';
import { ProblemList } from './monaco/problem-list';

/** The contract text's findings, each a link to its line. */
export function ContractProblems({
  contractId,
  onReveal,
}: {
  contractId: string;
  onReveal?: (line: number, column: number) => void;
}) {
  const findings = useContractFindings(contractId);
  if (findings.length === 0) return <p className="contract-problems contract-problems--none">No problems.</p>;
  return (
    <ProblemList
      problems={findings}
      label="Contract problems"
      testId="contract-problems"
      className="contract-problems"
      onReveal={onReveal}
    />
  );
}
