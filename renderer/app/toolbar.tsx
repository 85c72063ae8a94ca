import { useHost } from '../host/host-context';
import { selectIsDirty, useDocumentStore } from '../store/document-store';
import { newMesh, openFile, saveFile } from './file-commands';

export function Toolbar() {
  const host = useHost();
  const name = useDocumentStore((state) => state.mesh?.name);
  const hasDocument = useDocumentStore((state) => state.mesh !== null);
  const isDirty = useDocumentStore(selectIsDirty);
  return (
    <header className="toolbar" role="toolbar" aria-label="File">
      <span className="toolbar__brand">Data Mesh Designer</span>
      <button type="button" onClick={() => void newMesh(host)} title="New (Ctrl+N)">
        New
      </button>
      <button type="button" onClick={() => void openFile(host)} title="Open (Ctrl+O)">
        Open…
      </button>
      <button
        type="button"
        disabled={!hasDocument}
        onClick={() => void saveFile(host, { saveAs: false })}
        title="Save (Ctrl+S)"
      >
        Save
      </button>
      <button
        type="button"
        disabled={!hasDocument}
        onClick={() => void saveFile(host, { saveAs: true })}
        title="Save as (Ctrl+Shift+S)"
      >
        Save as…
      </button>
      {name && (
        <span className="toolbar__title" data-testid="document-title">
          {name}
          {isDirty && <span title="Unsaved changes"> •</span>}
        </span>
      )}
    </header>
  );
}
