import { useShallow } from 'zustand/react/shallow';
import { groupableNodeIds, movableNodeIds } from '../../shared/editing/domain-grouping';
import { owningDomainId } from '../../shared/editing/mesh-index';
import { CommandButton } from '../commands/command-button';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { DomainField } from './fields/domain-field';

/**
 * Several selected: the domain of the selected products and systems, to move them all (those
 * whose domain is selected too go with it), or a new one to group them in.
 */
export function SelectionDomain() {
  const selectedIds = useSelectionStore((state) => state.nodeIds);
  const groupable = useDocumentStore((state) => (state.mesh ? groupableNodeIds(state.mesh, selectedIds).length : 0));
  const movable = useDocumentStore(useShallow((state) => (state.mesh ? movableNodeIds(state.mesh, selectedIds) : [])));
  const domainIds = useDocumentStore(
    useShallow((state) => [...new Set(movable.map((id) => (state.mesh && owningDomainId(state.mesh, id)) ?? ''))]),
  );
  if (groupable === 0) return null;
  return (
    <>
      {movable.length > 0 && (
        <DomainField nodeIds={movable} {...(domainIds.length === 1 && { domainId: domainIds[0] })} />
      )}
      <div className="inspector__actions">
        <CommandButton command="arrange.group-into-domain">Group into new domain</CommandButton>
      </div>
    </>
  );
}
