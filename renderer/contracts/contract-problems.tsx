import { useContractFindings } from './contract-drafts';

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
    <ul className="contract-problems" aria-label="Contract problems" data-testid="contract-problems">
      {findings.map((finding) => (
        <li
          key={`${finding.line}:${finding.column}:${finding.message}`}
          className={`problem problem--${finding.severity}`}
        >
          <button type="button" disabled={!onReveal} onClick={() => onReveal?.(finding.line, finding.column)}>
            <span className="problem__where">
              {finding.line}:{finding.column}
            </span>{' '}
            {finding.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
