import { useShallow } from 'zustand/react/shallow';
import { groupableNodeIds } from '../../shared/editing/domain-grouping';
import { owningDomainId } from '../../shared/editing/mesh-index';
import { CommandButton } from '../commands/command-button';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { DomainField } from './fields/domain-field';

/** Several selected: the domain of the selected products and systems, to move them all, or a new one to group them in. */
export function SelectionDomain() {
  const selectedIds = useSelectionStore((state) => state.nodeIds);
  const ids = useDocumentStore(useShallow((state) => (state.mesh ? groupableNodeIds(state.mesh, selectedIds) : [])));
  const domainIds = useDocumentStore(
    useShallow((state) => [...new Set(ids.map((id) => (state.mesh && owningDomainId(state.mesh, id)) ?? ''))]),
  );
  if (ids.length === 0) return null;
  return (
    <>
      <DomainField nodeIds={ids} {...(domainIds.length === 1 && { domainId: domainIds[0] })} />
      <div className="inspector__actions">
        <CommandButton command="arrange.group-into-domain">Group into new domain</CommandButton>
      </div>
    </>
  );
}
