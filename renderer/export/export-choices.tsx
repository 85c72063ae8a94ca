import { EXPORT_TARGETS, type ExportScope } from '../../shared/export';
import { mermaidTarget } from '../../shared/export/mermaid';
import type { Domain } from '../../shared/model';
import { type DiagramChoices, DiagramChoicesFieldset } from './diagram-choices';

/** The formats listed as such; the Mermaid diagrams have their own section. */
export const MANIFEST_TARGETS = EXPORT_TARGETS.filter((target) => target.id !== mermaidTarget.id);

interface ExportChoicesProps {
  targetIds: readonly string[];
  onTargetIdsChange(targetIds: string[]): void;
  diagrams: DiagramChoices;
  onDiagramsChange(diagrams: DiagramChoices): void;
  scope: ExportScope;
  onScopeChange(scope: ExportScope): void;
  domains: readonly Domain[];
  /** The domains, products and systems selected on the canvas when the dialog opened. */
  selectedNodeIds: readonly string[];
}

/** Which formats and diagrams, and what of the mesh: the whole of it, one domain, or the selection. */
export function ExportChoices(props: ExportChoicesProps) {
  const { targetIds, onTargetIdsChange, diagrams, onDiagramsChange, scope, onScopeChange, domains, selectedNodeIds } =
    props;
  const toggle = (id: string, isChosen: boolean) =>
    onTargetIdsChange(
      MANIFEST_TARGETS.map((target) => target.id).filter((candidate) =>
        candidate === id ? isChosen : targetIds.includes(candidate),
      ),
    );
  const firstDomainId = domains[0]?.id;
  const domainId = scope.kind === 'domain' ? scope.domainId : firstDomainId;
  return (
    <div className="export-choices">
      <fieldset>
        <legend>Formats</legend>
        {MANIFEST_TARGETS.map((target) => (
          <label key={target.id} className="export-choices__format" title={`Read by ${target.readBy}`}>
            <input
              type="checkbox"
              checked={targetIds.includes(target.id)}
              onChange={(event) => toggle(target.id, event.target.checked)}
            />
            <span>
              {target.label}
              <small>{target.readBy}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <DiagramChoicesFieldset choices={diagrams} onChange={onDiagramsChange} />
      <fieldset>
        <legend>Scope</legend>
        <ScopeOption label="Whole mesh" scope={{ kind: 'mesh' }} current={scope} onChoose={onScopeChange} />
        <ScopeOption
          label="One domain"
          scope={firstDomainId ? { kind: 'domain', domainId: domainId ?? firstDomainId } : null}
          current={scope}
          onChoose={onScopeChange}
        />
        <select
          aria-label="Domain to export"
          value={domainId ?? ''}
          disabled={scope.kind !== 'domain'}
          onChange={(event) => onScopeChange({ kind: 'domain', domainId: event.target.value })}
        >
          {domains.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {domain.name}
            </option>
          ))}
        </select>
        <ScopeOption
          label={`The selection (${selectedNodeIds.length === 1 ? '1 element' : `${selectedNodeIds.length} elements`})`}
          scope={selectedNodeIds.length > 0 ? { kind: 'selection', nodeIds: selectedNodeIds } : null}
          current={scope}
          onChoose={onScopeChange}
        />
      </fieldset>
    </div>
  );
}

/** One kind of scope; `scope` is null when there is nothing of that kind to choose (no domain, no selection). */
function ScopeOption(props: {
  label: string;
  scope: ExportScope | null;
  current: ExportScope;
  onChoose(scope: ExportScope): void;
}) {
  const { label, scope, current, onChoose } = props;
  return (
    <label>
      <input
        type="radio"
        name="export-scope"
        checked={scope !== null && current.kind === scope.kind}
        disabled={scope === null}
        onChange={() => scope && onChoose(scope)}
      />
      {label}
    </label>
  );
}
