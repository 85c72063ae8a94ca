import { MeshCanvas } from '../canvas/mesh-canvas';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { EmptyState } from './empty-state';
import { SidePanel } from './side-panel';
import { StatusBar } from './status-bar';
import { Toolbar } from './toolbar';
import { useAutosave } from './use-autosave';
import { useFileShortcuts } from './use-file-shortcuts';

export function App() {
  const host = useHost();
  const hasDocument = useDocumentStore((state) => state.mesh !== null);
  useAutosave(host);
  useFileShortcuts(host);
  return (
    <div className="app">
      <Toolbar />
      <main className="workspace">
        {hasDocument ? (
          <>
            <MeshCanvas />
            <SidePanel />
          </>
        ) : (
          <EmptyState />
        )}
      </main>
      <StatusBar />
    </div>
  );
}
