import { useMemo } from 'react';
import { type ContractChange, compareContracts } from '../../shared/contracts';
import { useDocumentStore } from '../store/document-store';
import { bumpMajorVersion } from './contract-actions';

/** How the contract differs from its last saved version, and whether its version number says so. */
export function ContractChanges({ contractId }: { contractId: string }) {
  const contract = useDocumentStore((state) => state.mesh?.contracts.find((candidate) => candidate.id === contractId));
  const saved = useDocumentStore((state) =>
    state.savedMesh?.contracts.find((candidate) => candidate.id === contractId),
  );
  const comparison = useMemo(
    () => (contract && saved && contract !== saved ? compareContracts(saved, contract) : null),
    [contract, saved],
  );
  if (!comparison || comparison.changes.length === 0) return null;
  const needsMajorBump = comparison.findings.some((finding) => finding.severity === 'error');
  return (
    <section className="contract-changes" aria-label="Changes since last save" data-testid="contract-changes">
      <h3>
        Changes since last save ({comparison.fromVersion} → {comparison.toVersion})
      </h3>
      {comparison.findings.map((finding) => (
        <p key={finding.message} className={`problem problem--${finding.severity}`}>
          {finding.message}
          {needsMajorBump && finding.severity === 'error' && (
            <button type="button" className="primary" onClick={() => bumpMajorVersion(contractId)}>
              Bump major version
            </button>
          )}
        </p>
      ))}
      <ChangeList changes={comparison.changes} />
    </section>
  );
}

/** Each change between two versions of a contract, the breaking ones marked. */
export function ChangeList({ changes }: { changes: readonly ContractChange[] }) {
  return (
    <ul>
      {changes.map((change) => (
        <li
          key={`${change.kind}:${change.subject}`}
          className={change.isBreaking ? 'change change--breaking' : 'change'}
        >
          {change.isBreaking && <strong>breaking </strong>}
          <code>{change.subject}</code>: {change.message}
        </li>
      ))}
    </ul>
  );
}
