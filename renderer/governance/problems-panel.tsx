import { useMemo } from 'react';
import type { Mesh } from '../../shared/model';
import { type Finding, SEVERITIES } from '../../shared/validation/finding';
import { type FindingEntry, groupedFindings } from '../../shared/validation/finding-groups';
import { describeFix } from '../../shared/validation/fixes';
import { ruleById } from '../../shared/validation/rule-catalog';
import { whereShown } from '../../shared/validation/where-shown';
import { useDocumentStore } from '../store/document-store';
import { type Selection, useSelectionStore } from '../store/selection-store';
import { elementLabel } from './element-label';
import { activeInOrder, problemsOf, useExportRefusalsStore, withRefusals } from './export-refusals-store';
import { useGovernanceStore } from './governance-store';
import { findingsOf } from './mesh-findings';
import { fixProblem, focusNextFixAfter } from './problem-actions';
import { revealElement } from './reveal-element';
import { SEVERITY_LABELS } from './severity-labels';
import './governance.css';
import { keyedItems } from '../app/keyed-items';
import { UserText } from '../app/user-text';

/**
 * The governance findings of the design and what stops its export: filter by severity and
 * selection, click to go there, fix in one click.
 */
export function ProblemsPanel() {
  const mesh = useDocumentStore((state) => state.mesh);
  const baseline = useDocumentStore((state) => state.baseline);
  const preparedSteps = useDocumentStore((state) => state.preparedSteps);
  const findings = findingsOf(mesh, baseline, preparedSteps);
  const refusals = useExportRefusalsStore((state) => state.refusals);
  const all = useMemo(() => problemsOf(findings.all, refusals), [refusals, findings]);
  const counts = withRefusals(findings.counts, refusals);
  const shown = useGovernanceStore((state) => state.shownSeverities);
  const onlySelection = useGovernanceStore((state) => state.onlySelection);
  const selection = useSelectionStore((state) => state);
  const visible = useMemo(
    () =>
      mesh
        ? all.filter(
            (finding) =>
              (finding.suppressed || shown.has(finding.severity)) &&
              (!onlySelection || isAboutSelection(mesh, finding, selection)),
          )
        : [],
    [mesh, all, shown, onlySelection, selection],
  );
  if (!mesh) return null;
  const active = activeInOrder(visible);
  const suppressed = visible.filter((finding) => finding.suppressed);
  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems-panel" tabIndex={-1}>
      <div className="problems-panel__filters">
        {SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`severity-filter severity-filter--${severity}`}
            aria-pressed={shown.has(severity)}
            onClick={() => useGovernanceStore.getState().toggleSeverity(severity)}
            data-testid={`filter-${severity}`}
          >
            {SEVERITY_LABELS[severity].icon} {counts[severity]}{' '}
            {counts[severity] === 1 ? SEVERITY_LABELS[severity].one : SEVERITY_LABELS[severity].many}
          </button>
        ))}
        <label className="problems-panel__only-selection">
          <input
            type="checkbox"
            checked={onlySelection}
            onChange={(event) => useGovernanceStore.getState().setOnlySelection(event.target.checked)}
          />
          Selection only
        </label>
      </div>
      {active.length === 0 && suppressed.length === 0 && (
        <p className="problems-panel__empty">
          {all.length === 0 ? 'No problems: every rule is satisfied.' : 'No problems match the filters.'}
        </p>
      )}
      <ul className="problem-list">
        {keyedItems(groupedFindings(active), entryKey).map(({ key, item: entry }) =>
          'title' in entry ? (
            <ProblemGroup key={key} mesh={mesh} title={entry.title} findings={entry.findings} />
          ) : (
            <ProblemRow key={key} mesh={mesh} finding={entry.finding} />
          ),
        )}
      </ul>
      {suppressed.length > 0 && (
        <details className="problems-panel__suppressed">
          <summary>{suppressed.length} turned off by the design’s policies</summary>
          <ProblemList mesh={mesh} findings={suppressed} />
        </details>
      )}
    </section>
  );
}

/** Several findings that read as one to-do (a new design's ports without contracts): one row, opened for each. */
function ProblemGroup({ mesh, title, findings }: { mesh: Mesh; title: string; findings: readonly Finding[] }) {
  return (
    <li className={`problem-group problem-row--${findings[0]?.severity}`} data-testid="problem-group">
      <details>
        <summary className="problem-group__title">{title}</summary>
        <ProblemList mesh={mesh} findings={findings} />
      </details>
    </li>
  );
}

function ProblemList({ mesh, findings }: { mesh: Mesh; findings: readonly Finding[] }) {
  return (
    <ul className="problem-list">
      {keyedItems(findings, problemKey).map(({ key, item: finding }) => (
        <ProblemRow key={key} mesh={mesh} finding={finding} />
      ))}
    </ul>
  );
}

function ProblemRow({ mesh, finding }: { mesh: Mesh; finding: Finding }) {
  const rule = ruleById(finding.ruleId);
  const severity = finding.suppressed ? 'off' : finding.severity;
  return (
    <li className={`problem-row problem-row--${severity}`} data-testid="problem" data-rule={finding.ruleId}>
      <button type="button" className="problem-row__main" onClick={() => revealElement(finding.element, finding.path)}>
        <span className="problem-row__icon" aria-hidden="true">
          {finding.suppressed ? '○' : SEVERITY_LABELS[finding.severity].icon}
        </span>
        <span className="visually-hidden">{severity}: </span>
        <span className="problem-row__text">
          <span className="problem-row__message">
            <UserText text={finding.message} />
          </span>
          <span className="problem-row__where">
            {elementLabel(mesh, finding.element)} · <code title={rule?.title}>{finding.ruleId}</code>
          </span>
          <span className="problem-row__hint">{finding.fixHint}</span>
          {finding.suppressed && <span className="problem-row__reason">Turned off: {finding.suppressed.reason}</span>}
          {finding.policyReason && <span className="problem-row__reason">Policy: {finding.policyReason}</span>}
        </span>
      </button>
      {finding.fix && !finding.suppressed && (
        <button
          type="button"
          className="problem-row__fix"
          onClick={(event) => {
            if (!finding.fix) return;
            focusNextFixAfter(event.currentTarget);
            fixProblem(finding.fix);
          }}
          title="One undoable step"
        >
          {describeFix(finding.fix)}
        </button>
      )}
    </li>
  );
}

/** A group keeps its key as its count changes, so one fixed in it leaves it open. */
function entryKey(entry: FindingEntry): string {
  return 'title' in entry ? `group ${entry.fixKind}` : problemKey(entry.finding);
}

function problemKey(finding: Finding): string {
  return `${finding.ruleId} ${finding.path} ${finding.message}`;
}

/** Whether a selected node or link shows the finding: what its badge counts. */
function isAboutSelection(mesh: Mesh, finding: Finding, selection: Selection): boolean {
  const { nodeIds, linkIds } = whereShown(mesh, finding);
  return (
    nodeIds.some((nodeId) => selection.nodeIds.has(nodeId)) || linkIds.some((linkId) => selection.linkIds.has(linkId))
  );
}
