import { inNumber } from '../../shared/model/word-list';
import { type Finding, SEVERITIES } from '../../shared/validation/finding';
import { findingGroups } from '../../shared/validation/finding-groups';
import { useDocumentStore } from '../store/document-store';
import { useUiStore } from '../store/ui-store';
import { useExportRefusalsStore, withRefusals } from './export-refusals-store';
import { findingsOf } from './mesh-findings';
import { SEVERITY_LABELS } from './severity-labels';

/** What the problems panel shows as one row each (six ports without a contract), a line each. */
function activeGroups(findings: readonly Finding[]): string {
  return findingGroups(findings.filter((finding) => !finding.suppressed)).join('\n');
}

/** Errors (what stops its export included), warnings and infos of the design in the status bar; a click opens the problems panel. */
export function ProblemCounts() {
  const ruleCounts = useDocumentStore((state) => findingsOf(state.mesh, state.baseline, state.preparedSteps).counts);
  // A string, so the button draws again only when what its tooltip says changes.
  const groups = useDocumentStore((state) =>
    activeGroups(findingsOf(state.mesh, state.baseline, state.preparedSteps).all),
  );
  const refusals = useExportRefusalsStore((state) => state.refusals);
  const counts = withRefusals(ruleCounts, refusals);
  const hasDocument = useDocumentStore((state) => state.mesh !== null);
  if (!hasDocument) return null;
  const countedBySeverity = SEVERITIES.map((severity) => {
    const { one, many } = SEVERITY_LABELS[severity];
    return { severity, count: counts[severity], noun: inNumber(counts[severity], one, many) };
  });
  const label = countedBySeverity.map(({ count, noun }) => `${count} ${noun}`).join(', ');
  // Named by its own text, the signs hidden and the nouns written out for screen readers: an
  // aria-label would not hold the numbers a user who sees them says (WCAG 2.5.3, label in name).
  return (
    <button
      type="button"
      className="problem-counts"
      onClick={() => useUiStore.getState().showSidePanelTab('problems')}
      title={[`${label}: show the problems`, groups].filter(Boolean).join('\n')}
      data-testid="problem-counts"
    >
      <span className="visually-hidden">Problems:</span>
      {countedBySeverity.map(({ severity, count, noun }, index) => (
        <span key={severity} className={`problem-counts__${severity}`} data-testid={`count-${severity}`}>
          <span aria-hidden="true">{SEVERITY_LABELS[severity].icon}</span> {count}
          <span className="visually-hidden">
            {' '}
            {noun}
            {index < countedBySeverity.length - 1 ? ',' : ''}
          </span>
        </span>
      ))}
    </button>
  );
}
