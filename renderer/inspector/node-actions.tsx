import { isLocked } from '../../shared/editing/locks';
import { CommandButton } from '../commands/command-button';
import { useDocumentStore } from '../store/document-store';

/** Actions on the selected node that are not fields: lineage focus (products and systems) and the lock. */
export function NodeActions({ nodeId, canFocusLineage }: { nodeId: string; canFocusLineage: boolean }) {
  const locked = useDocumentStore((state) => (state.mesh ? isLocked(state.mesh, nodeId) : false));
  return (
    <div className="inspector__actions">
      {canFocusLineage && <CommandButton command="view.focus-lineage">Focus on lineage</CommandButton>}
      <CommandButton command="edit.lock">{locked ? 'Unlock' : 'Lock position'}</CommandButton>
    </div>
  );
}

/** Several nodes selected: line them up or distribute them evenly. */
export function ArrangeActions() {
  return (
    <div className="inspector__actions inspector__actions--arrange" role="toolbar" aria-label="Arrange">
      <CommandButton command="arrange.align-left">Align left</CommandButton>
      <CommandButton command="arrange.align-center">Centres</CommandButton>
      <CommandButton command="arrange.align-right">Right</CommandButton>
      <CommandButton command="arrange.align-top">Top</CommandButton>
      <CommandButton command="arrange.align-middle">Middles</CommandButton>
      <CommandButton command="arrange.align-bottom">Bottom</CommandButton>
      <CommandButton command="arrange.distribute-horizontally">Distribute horizontally</CommandButton>
      <CommandButton command="arrange.distribute-vertically">Distribute vertically</CommandButton>
      <CommandButton command="edit.lock">Lock or unlock</CommandButton>
    </div>
  );
}
