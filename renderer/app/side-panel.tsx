import { useDocumentStore } from '../store/document-store';

/** The inspector's home; it shows the document's summary until something is selected. */
export function SidePanel() {
  const name = useDocumentStore((state) => state.mesh?.name);
  const description = useDocumentStore((state) => state.mesh?.description);
  return (
    <aside className="side-panel" aria-label="Inspector">
      <h2>{name}</h2>
      {description && <p>{description}</p>}
    </aside>
  );
}
