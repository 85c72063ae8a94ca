import { ConnectDialog, MoveLinkEndDialog } from '../canvas/connect-dialog';
import { MeshCanvas } from '../canvas/mesh-canvas';
import { useCommands } from '../commands/use-commands';
import { ImportDialog } from '../contracts/import/import-dialog';
import { CanvasImageDialog } from '../diagrams/canvas-image-dialog';
import { DiagramView } from '../diagrams/diagram-view';
import { MermaidImportDialog } from '../diagrams/mermaid-import-dialog';
import { ExportDialogEntry } from '../export/export-dialog-entry';
import { useExportRefusalsInBackground } from '../governance/export-refusals-store';
import { useStepRefusalsInBackground } from '../governance/step-refusals-in-background';
import { useHost } from '../host/host-context';
import { PresenterMode } from '../simulation/presenter-mode';
import { SimulationBar } from '../simulation/simulation-bar';
import { SimulationPanel } from '../simulation/simulation-panel';
import { useSimulationStore } from '../simulation/simulation-store';
import { useSimulationShortcuts } from '../simulation/use-simulation-shortcuts';
import { useDocumentStore } from '../store/document-store';
import { usePreferencesStore } from '../store/preferences-store';
import { ContractPanel } from './contract-panel';
import { EmptyState } from './empty-state';
import { OpenDialog } from './modal-dialog';
import { useModalDialogKeys } from './modal-dialog-keys';
import { NoticesList } from './notices-list';
import { Palette } from './palette';
import { PartBoundary } from './part-boundary';
import { PromptDialog } from './prompt-dialog';
import { QuickSearch } from './quick-search';
import { ShortcutsHelp } from './shortcuts-help';
import { SidePanel } from './side-panel';
import { StatusBar } from './status-bar';
import { Toolbar } from './toolbar';
import { useAutosave } from './use-autosave';
import { useDesktopRequests } from './use-desktop-requests';
import { useExternalChanges } from './use-external-changes';
import { useFileDrop } from './use-file-drop';
import { useFocusKeptAcrossModes } from './use-focus-kept-across-modes';
import { useTheme } from './use-theme';
import { useUnloadGuard } from './use-unload-guard';
import { useWindowState } from './use-window-state';

export function App() {
  const host = useHost();
  const hasDocument = useDocumentStore((state) => state.mesh !== null);
  const openCount = useDocumentStore((state) => state.openCount);
  const isSimulating = useSimulationStore((state) => state.mode === 'simulate');
  const showsPalette = usePreferencesStore((state) => state.showsPalette);
  const showsSidePanel = usePreferencesStore((state) => state.showsSidePanel);
  useAutosave(host);
  useCommands(host);
  useModalDialogKeys();
  useDesktopRequests(host);
  useExternalChanges(host);
  useFileDrop(host);
  useUnloadGuard();
  useWindowState(host);
  useExportRefusalsInBackground();
  useStepRefusalsInBackground();
  useTheme();
  useSimulationShortcuts();
  useFocusKeptAcrossModes(isSimulating);
  return (
    <div className="app">
      <div className="app__header">
        <Toolbar />
        <SimulationBar />
      </div>
      <main className="workspace">
        {hasDocument ? (
          <>
            {showsPalette && !isSimulating && (
              <PartBoundary part="palette">
                <Palette />
              </PartBoundary>
            )}
            {/* A new canvas per opened document, so each one starts fitted to the view. */}
            <PartBoundary key={openCount} part="canvas">
              <MeshCanvas />
            </PartBoundary>
            {isSimulating ? (
              <PartBoundary part="simulation panel">
                <SimulationPanel />
              </PartBoundary>
            ) : (
              <>
                <PartBoundary part="contract editor">
                  <ContractPanel />
                </PartBoundary>
                {showsSidePanel && (
                  <PartBoundary part="side panel">
                    <SidePanel />
                  </PartBoundary>
                )}
              </>
            )}
            <PresenterMode />
          </>
        ) : (
          <EmptyState />
        )}
      </main>
      <StatusBar />
      <ImportDialog />
      <OpenDialog dialog="quick-search">
        <QuickSearch dialog="quick-search" />
      </OpenDialog>
      <OpenDialog dialog="commands">
        <QuickSearch dialog="commands" />
      </OpenDialog>
      <OpenDialog dialog="shortcuts">
        <ShortcutsHelp />
      </OpenDialog>
      <OpenDialog dialog="notices">
        <NoticesList />
      </OpenDialog>
      <OpenDialog dialog="diagram">
        <DiagramView />
      </OpenDialog>
      <OpenDialog dialog="mermaid-import">
        <MermaidImportDialog />
      </OpenDialog>
      <OpenDialog dialog="canvas-image">
        <CanvasImageDialog />
      </OpenDialog>
      <OpenDialog dialog="connect">
        <ConnectDialog />
      </OpenDialog>
      <OpenDialog dialog="move-link-end">
        <MoveLinkEndDialog />
      </OpenDialog>
      <ExportDialogEntry />
      <PromptDialog />
    </div>
  );
}
