import { useShallow } from 'zustand/react/shallow';
import { countedNodesAndLinks } from '../../shared/editing/element-count';
import { linkById, nodeKindOf } from '../../shared/editing/mesh-index';
import { CommandButton } from '../commands/command-button';
import { CanvasImageButton } from '../diagrams/diagram-buttons';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { DomainInspector } from './domain-inspector';
import { useElementKeys } from './element-keys';
import { LinkInspector } from './link-inspector';
import { MeshInspector } from './mesh-inspector';
import { ArrangeActions } from './node-actions';
import { NoteInspector } from './note-inspector';
import { ProductInspector } from './product-inspector';
import { SelectionDomain } from './selection-domain';
import { SystemInspector } from './system-inspector';

/** Edits whatever is selected; several selected elements can be deleted or duplicated together. */
export function Inspector() {
  const elementKeys = useElementKeys();
  const selection = useSelectionStore(useShallow((state) => ({ nodeIds: state.nodeIds, linkIds: state.linkIds })));
  // Ids left selected after an undo removed their element do not count.
  const existing = useDocumentStore(
    useShallow((state) => {
      const mesh = state.mesh;
      if (!mesh) return [];
      return [
        ...[...selection.nodeIds].flatMap((id) => {
          const kind = nodeKindOf(mesh, id);
          return kind ? [`${kind}:${id}`] : [];
        }),
        ...[...selection.linkIds].filter((id) => linkById(mesh, id)).map((id) => `link:${id}`),
      ];
    }),
  );
  if (existing.length === 0) return <MeshInspector />;
  const nodeCount = existing.filter((element) => !element.startsWith('link:')).length;
  if (existing.length > 1) {
    return (
      <div className="inspector" data-testid="selection-inspector">
        <h2 className="inspector__title">{countedNodesAndLinks(nodeCount, existing.length - nodeCount)} selected</h2>
        <div className="inspector__actions">
          <CommandButton command="edit.duplicate">Duplicate</CommandButton>
          <CommandButton command="edit.delete" className="danger">
            Delete
          </CommandButton>
          <CanvasImageButton label="Image…" />
        </div>
        <SelectionDomain />
        <ArrangeActions />
      </div>
    );
  }
  const [kind, id] = (existing[0] as string).split(/:(.*)/s) as [string, string];
  // Keyed by element, so fields start fresh (no draft of another element's name).
  const key = elementKeys.keyOf(id);
  switch (kind) {
    case 'domain':
      return <DomainInspector key={key} domainId={id} onIdChanged={elementKeys.idChanged} />;
    case 'product':
      return <ProductInspector key={key} productId={id} onIdChanged={elementKeys.idChanged} />;
    case 'system':
      return <SystemInspector key={key} systemId={id} onIdChanged={elementKeys.idChanged} />;
    case 'note':
      return <NoteInspector key={key} noteId={id} />;
    default:
      return <LinkInspector key={key} linkId={id} />;
  }
}
