import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import './contract-workspace.css';
import { isContractServed, LATEST_API_VERSION, serveContract, servingPlaces } from '../../shared/contracts';
import { counted } from '../../shared/model';
import { lazyPart } from '../app/lazy-part';
import { PartBoundary } from '../app/part-boundary';
import { moveBetweenTabs } from '../app/tab-list';
import { UserText } from '../app/user-text';
import { changeMesh, useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { upgradeContract } from './contract-actions';
import { ContractChanges } from './contract-changes';
import { useContractDrafts, useContractName, useDraftErrorCount, useHasDraft } from './contract-drafts';
import { useContractProblems } from './contract-problems';
import { type ContractView, useContractTabs } from './contract-tabs-store';
import { ContractForm } from './form/contract-form';
import type { ListedProblem } from './monaco/problem-list';
import { SaveContractButton } from './save-contract-file';
import { useEditorFocusRequest } from './use-editor-focus-request';
import { YamlEditorPane } from './yaml-editor-pane';

const LOADING = <p className="contract-workspace__loading">Loading…</p>;
const ContractDiff = lazyPart('contract diff', () => import('./diff/contract-diff'), LOADING);
const ContractPreview = lazyPart('contract preview', () => import('./preview/contract-preview'), LOADING);
const ContractSchemaDiagram = lazyPart('schema diagram', () => import('./diagram/contract-schema-diagram'), LOADING);

const VIEWS: { view: ContractView; label: string }[] = [
  { view: 'yaml', label: 'YAML' },
  { view: 'form', label: 'Form' },
  { view: 'preview', label: 'Preview' },
  { view: 'diff', label: 'Diff' },
  { view: 'diagram', label: 'Diagram' },
];

interface ContractWorkspaceProps {
  /** Right above the view: what the contract breaks, from the panel around it. */
  above?: (contractId: string) => ReactNode;
  /** At the end of the row of tabs, beside them and never over them: where the panel goes. */
  besideTabs?: ReactNode;
}

/** The open contracts as tabs beside the canvas: YAML, form, preview, diff and schema diagram. */
export function ContractWorkspace({ above, besideTabs }: ContractWorkspaceProps) {
  const { openIds, activeId, view, isExpanded } = useContractTabs(
    useShallow((state) => ({
      openIds: state.openIds,
      activeId: state.activeId,
      view: state.view,
      isExpanded: state.isExpanded,
    })),
  );
  const workspace = useRef<HTMLElement>(null);
  // The YAML view focuses its editor itself, once Monaco has loaded.
  useEditorFocusRequest(activeId ?? '', view !== 'yaml', (typedAhead) => {
    focusFieldOrTab(workspace.current);
    if (typedAhead) document.execCommand('insertText', false, typedAhead);
  });
  if (!activeId) return null;
  return (
    <section
      ref={workspace}
      className={`contract-workspace${isExpanded ? ' contract-workspace--expanded' : ''}`}
      aria-label="Contract editor"
      data-testid="contract-workspace"
    >
      <div className="contract-workspace__tab-row">
        <div
          className="contract-workspace__tabs"
          role="tablist"
          aria-label="Open contracts"
          onKeyDown={(event) => onTabRowKey(event, openIds, activeId)}
        >
          {openIds.map((id) => (
            <ContractTab key={id} contractId={id} isActive={id === activeId} />
          ))}
        </div>
        {besideTabs}
      </div>
      <div className="contract-workspace__bar">
        <SyncBadge contractId={activeId} />
        <fieldset className="segmented" aria-label="View">
          {VIEWS.map(({ view: candidate, label }) => (
            <ViewButton key={candidate} view={candidate} label={label} current={view} />
          ))}
        </fieldset>
      </div>
      <div className="contract-workspace__bar contract-workspace__bar--secondary">
        <VersionChip contractId={activeId} />
        <span className="contract-workspace__actions">
          <SaveContractButton contractId={activeId} />
          <button
            type="button"
            aria-pressed={isExpanded}
            title={isExpanded ? 'Give the canvas its room back' : 'Widen the editor'}
            onClick={() => useContractTabs.getState().toggleExpanded()}
          >
            {isExpanded ? 'Narrow' : 'Widen'}
          </button>
        </span>
      </div>
      <ServeContract contractId={activeId} />
      {above?.(activeId)}
      <div className="contract-workspace__view">
        {/* Another contract or view starts afresh: the failure of one does not stick to the next. */}
        <PartBoundary key={`${activeId} ${view}`} part="contract view">
          {view === 'yaml' && <YamlEditorPane contractId={activeId} />}
          {view === 'form' && <ContractForm contractId={activeId} />}
          {view === 'preview' && <ContractPreview contractId={activeId} />}
          {view === 'diff' && <ContractDiff contractId={activeId} />}
          {view === 'diagram' && <ContractSchemaDiagram contractId={activeId} />}
        </PartBoundary>
      </div>
      {(view === 'yaml' || view === 'form') && <ContractChanges contractId={activeId} />}
    </section>
  );
}

/** The view's first field (the form's), else the active contract's tab, from where Tab goes on into the view. */
function focusFieldOrTab(workspace: HTMLElement | null): void {
  const field = workspace?.querySelector<HTMLElement>('.contract-workspace__view :is(input, select, textarea)');
  (field ?? workspace?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'))?.focus();
}

const contractTabElementId = (contractId: string) => `contract-tab-${contractId}`;

/** The row is one Tab stop: the arrow keys go from contract to contract, Delete closes the one focused. */
function onTabRowKey(event: KeyboardEvent<HTMLElement>, openIds: readonly string[], activeId: string): void {
  const { openContract, closeContract } = useContractTabs.getState();
  if (event.key !== 'Delete') {
    moveBetweenTabs(openIds, activeId, openContract, contractTabElementId)(event);
    return;
  }
  event.preventDefault();
  closeContract(activeId);
  // The tab shown next is already drawn: the focus stays in the row rather than falling to the page.
  const shownNext = useContractTabs.getState().activeId;
  if (shownNext) document.getElementById(contractTabElementId(shownNext))?.focus();
}

function ContractTab({ contractId, isActive }: { contractId: string; isActive: boolean }) {
  const name = useContractName(contractId);
  const hasDraft = useHasDraft(contractId);
  const { openContract, closeContract } = useContractTabs.getState();
  const tab = useRef<HTMLDivElement>(null);
  // The row scrolls when the tabs outgrow it: the contract just opened or picked is always in sight.
  useEffect(() => {
    if (isActive) tab.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [isActive]);
  return (
    <div
      ref={tab}
      className={`contract-tab${isActive ? ' contract-tab--active' : ''}${hasDraft ? ' contract-tab--draft' : ''}`}
    >
      <button
        type="button"
        role="tab"
        id={contractTabElementId(contractId)}
        tabIndex={isActive ? 0 : -1}
        aria-selected={isActive}
        aria-keyshortcuts="Delete"
        title={name}
        className="contract-tab__name"
        onClick={() => openContract(contractId)}
      >
        <span className="contract-tab__label">
          <UserText text={name} />
        </span>
        {hasDraft && <DraftMarker contractId={contractId} />}
      </button>
      {/* The mouse's way to close: a tab list may hold only tabs, and the keys' way is Delete on the tab. */}
      <button
        type="button"
        className="contract-tab__close"
        tabIndex={-1}
        aria-hidden="true"
        aria-label={`Close ${name}`}
        title="Close (Delete on the tab)"
        onClick={() => closeContract(contractId)}
      >
        ×
      </button>
    </div>
  );
}

const countWith = (problems: readonly ListedProblem[], severity: ListedProblem['severity']) =>
  problems.filter((problem) => problem.severity === severity).length;
const errorCount = (problems: readonly ListedProblem[]) => countWith(problems, 'error');

/** On a tab, whichever is active: its text is a draft the design does not hold, leaving would lose it. */
function DraftMarker({ contractId }: { contractId: string }) {
  const problems = counted(useDraftErrorCount(contractId) ?? 0, 'problem');
  return (
    <span
      className="contract-tab__draft"
      title="A draft not applied: its text has problems, so the design keeps the last valid version"
    >
      ⚠ Draft: {problems}
    </span>
  );
}

/**
 * Whether the design holds what the editor shows, and whether that is clean (its text and the
 * design's rules on it, as its problem list says): "In sync" only when it is both, never beside an error.
 */
function SyncBadge({ contractId }: { contractId: string }) {
  const hasDraft = useHasDraft(contractId);
  const findings = useContractProblems(contractId);
  const errors = errorCount(findings);
  // An info leaves the contract in sync: it says nothing is wrong.
  const warnings = countWith(findings, 'warning');
  if (hasDraft) {
    return (
      <span className="sync-badge sync-badge--stale" role="status" data-testid="out-of-sync">
        Not applied: {counted(errors, 'problem')}: the design keeps the last valid version{' '}
        {/* Undo cannot reach a draft (it was never in the design): this drops it, back to the design's text. */}
        <button type="button" onClick={() => useContractDrafts.getState().clearDraft(contractId)}>
          Discard
        </button>
      </span>
    );
  }
  if (errors > 0) {
    return (
      <span className="sync-badge sync-badge--error" role="status" data-testid="sync-with-errors">
        In the design, with {counted(errors, 'error')}
        {warnings > 0 ? ` and ${counted(warnings, 'warning')}` : ''}
      </span>
    );
  }
  if (warnings > 0) {
    return (
      <span className="sync-badge sync-badge--warning" role="status">
        In the design, with {counted(warnings, 'warning')}
      </span>
    );
  }
  return <span className="sync-badge sync-badge--ok">In sync with the design</span>;
}

const DRAFT_NOT_SERVABLE = 'Fix the YAML first: a draft is not in the design, so no port can serve it';

/**
 * A contract no port serves shows nowhere on the canvas: offer to serve it from a product.
 * A draft that never was valid (opened from a broken file) is not in the design yet: say so.
 */
function ServeContract({ contractId }: { contractId: string }) {
  const isServed = useDocumentStore((state) => (state.mesh ? isContractServed(state.mesh, contractId) : true));
  const isInDesign = useDocumentStore(
    (state) => state.mesh?.contracts.some((contract) => contract.id === contractId) ?? false,
  );
  const mesh = useDocumentStore((state) => state.mesh);
  const places = useMemo(() => (mesh && !isServed ? servingPlaces(mesh) : []), [mesh, isServed]);
  if (isServed) return null;
  return (
    <p className="contract-workspace__unserved" role="status" data-testid="contract-unserved">
      No output port serves this contract, so it shows nowhere on the canvas.{' '}
      {!isInDesign && <>{DRAFT_NOT_SERVABLE}. </>}
      <select
        aria-label="Serve it from"
        value=""
        disabled={!isInDesign}
        {...(!isInDesign && { title: DRAFT_NOT_SERVABLE })}
        onChange={(event) => {
          const place = places[Number(event.target.value)];
          if (place) changeMesh((current) => serveContract(current, contractId, place));
        }}
      >
        <option value="" disabled>
          Serve it from…
        </option>
        {places.map((place, index) => (
          <option key={`${place.productId}/${place.portId ?? ''}`} value={index}>
            {place.label}
          </option>
        ))}
      </select>
    </p>
  );
}

/** The ODCS version the contract is written in, and the way to the newest one. */
function VersionChip({ contractId }: { contractId: string }) {
  const apiVersion = useDocumentStore(
    (state) => state.mesh?.contracts.find((contract) => contract.id === contractId)?.apiVersion,
  );
  if (!apiVersion) return null;
  return (
    <span className="version-chip">
      ODCS {apiVersion}
      {apiVersion !== LATEST_API_VERSION && (
        <button
          type="button"
          onClick={() => {
            const result = upgradeContract(contractId);
            useNoticeStore
              .getState()
              .show(
                result.ok
                  ? { tone: 'info', text: `Upgraded to ODCS ${LATEST_API_VERSION}. Undo restores ${apiVersion}.` }
                  : { tone: 'error', text: `Cannot upgrade: ${result.message}` },
              );
          }}
        >
          Upgrade to {LATEST_API_VERSION}
        </button>
      )}
    </span>
  );
}

function ViewButton({ view, label, current }: { view: ContractView; label: string; current: ContractView }) {
  return (
    <button
      type="button"
      aria-pressed={view === current}
      className={view === current ? 'is-active' : undefined}
      onClick={() => useContractTabs.getState().setView(view)}
    >
      {label}
    </button>
  );
}
