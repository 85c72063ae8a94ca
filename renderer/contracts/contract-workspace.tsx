import { useShallow } from 'zustand/react/shallow';
import './contract-workspace.css';
import { useDocumentStore } from '../store/document-store';
import { ContractChanges } from './contract-changes';
import { useContractTabs } from './contract-tabs-store';
import { SchemaForm } from './schema-form';
import { YamlEditorPane } from './yaml-editor-pane';

/** The open contracts as tabs beside the canvas: YAML or form view, problems and changes. */
export function ContractWorkspace() {
  const { openIds, activeId, view } = useContractTabs(
    useShallow((state) => ({ openIds: state.openIds, activeId: state.activeId, view: state.view })),
  );
  if (!activeId) return null;
  return (
    <section className="contract-workspace" aria-label="Contract editor" data-testid="contract-workspace">
      <div className="contract-workspace__tabs" role="tablist">
        {openIds.map((id) => (
          <ContractTab key={id} contractId={id} isActive={id === activeId} />
        ))}
      </div>
      <div className="contract-workspace__bar">
        <SyncBadge contractId={activeId} />
        <fieldset className="segmented" aria-label="View">
          <ViewButton view="yaml" label="YAML" current={view} />
          <ViewButton view="form" label="Form" current={view} />
        </fieldset>
      </div>
      {view === 'yaml' ? <YamlEditorPane contractId={activeId} /> : <SchemaForm contractId={activeId} />}
      <ContractChanges contractId={activeId} />
    </section>
  );
}

function ContractTab({ contractId, isActive }: { contractId: string; isActive: boolean }) {
  const name = useDocumentStore(
    (state) => state.mesh?.contracts.find((contract) => contract.id === contractId)?.name ?? contractId,
  );
  const isInSync = useContractTabs((state) => state.syncById[contractId]?.isInSync ?? true);
  const { openContract, closeContract } = useContractTabs.getState();
  return (
    <div className={`contract-tab${isActive ? ' contract-tab--active' : ''}`}>
      <button type="button" role="tab" aria-selected={isActive} onClick={() => openContract(contractId)}>
        {name}
        {!isInSync && <span title="The text has problems and is not applied"> ⚠</span>}
      </button>
      <button
        type="button"
        className="contract-tab__close"
        aria-label={`Close ${name}`}
        onClick={() => closeContract(contractId)}
      >
        ×
      </button>
    </div>
  );
}

function SyncBadge({ contractId }: { contractId: string }) {
  const sync = useContractTabs((state) => state.syncById[contractId]);
  if (!sync || sync.isInSync) return <span className="sync-badge sync-badge--ok">In sync with the design</span>;
  return (
    <span className="sync-badge sync-badge--stale" role="status" data-testid="out-of-sync">
      Not applied: {sync.reason}
    </span>
  );
}

function ViewButton({ view, label, current }: { view: 'yaml' | 'form'; label: string; current: string }) {
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
