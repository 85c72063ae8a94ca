import { useMemo } from 'react';
import { type ContractChange, compareContracts } from '../../shared/contracts';
import { keyedItems } from '../app/keyed-items';
import { useDocumentStore } from '../store/document-store';
import { setContractVersion } from './contract-actions';

/** How the contract differs from its baseline (see DocumentState.baseline), and whether its version number says so. */
export function ContractChanges({ contractId }: { contractId: string }) {
  const contract = useDocumentStore((state) => state.mesh?.contracts.find((candidate) => candidate.id === contractId));
  const saved = useDocumentStore((state) => state.baseline?.contracts.find((candidate) => candidate.id === contractId));
  const levels = useDocumentStore((state) => state.mesh?.policies.classificationLevels);
  const comparison = useMemo(
    () => (contract && saved && contract !== saved ? compareContracts(saved, contract, levels) : null),
    [contract, saved, levels],
  );
  if (!comparison || comparison.changes.length === 0) return null;
  const { neededVersion } = comparison;
  return (
    <section className="contract-changes" aria-label="Changes since the baseline" data-testid="contract-changes">
      <h3>
        Changes since the baseline ({comparison.fromVersion} → {comparison.toVersion})
      </h3>
      {keyedItems(comparison.findings, (finding) => finding.message).map(({ key, item: finding }) => (
        <p key={key} className={`problem problem--${finding.severity}`}>
          {finding.message}
          {neededVersion && finding.severity === 'error' && (
            <UseVersionButton contractId={contractId} version={neededVersion} />
          )}
        </p>
      ))}
      <ChangeList changes={comparison.changes} />
    </section>
  );
}

/** Gives the contract the version its breaking changes need, in its text as the editors show it. */
export function UseVersionButton({ contractId, version }: { contractId: string; version: string }) {
  return (
    <button type="button" className="primary" onClick={() => setContractVersion(contractId, version)}>
      Use version {version}
    </button>
  );
}

/** Each change between two versions of a contract, the breaking ones marked. */
export function ChangeList({ changes }: { changes: readonly ContractChange[] }) {
  return (
    <ul>
      {keyedItems(changes, (change) => `${change.kind} ${change.subject} ${change.message}`).map(
        ({ key, item: change }) => (
          <li key={key} className={change.isBreaking ? 'change change--breaking' : 'change'}>
            {change.isBreaking && <strong>breaking </strong>}
            <code>{change.subject}</code>: {change.message}
          </li>
        ),
      )}
    </ul>
  );
}
