import { canvasCommands } from '../canvas/canvas-commands';
import { useHost } from '../host/host-context';
import { ModeSwitch } from '../simulation/mode-switch';
import { selectCanRedo, selectCanUndo, selectIsDirty, useDocumentStore } from '../store/document-store';
import { usePreferencesStore } from '../store/preferences-store';
import { useUiStore } from '../store/ui-store';
import { newMesh, openFile, saveFile } from './file-commands';

const THEME_LABELS = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

export function Toolbar() {
  const host = useHost();
  const name = useDocumentStore((state) => state.mesh?.name);
  const hasDocument = useDocumentStore((state) => state.mesh !== null);
  const isDirty = useDocumentStore(selectIsDirty);
  const canUndo = useDocumentStore(selectCanUndo);
  const canRedo = useDocumentStore(selectCanRedo);
  const theme = usePreferencesStore((state) => state.theme);
  const cycleTheme = usePreferencesStore((state) => state.cycleTheme);
  const openDialog = useUiStore((state) => state.openDialog);
  const { undo, redo } = useDocumentStore.getState();
  return (
    <header className="toolbar" role="toolbar" aria-label="Commands">
      <span className="toolbar__brand">Data Mesh Designer</span>
      <ModeSwitch />
      <div className="toolbar__group">
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
          title="Save as"
        >
          Save as…
        </button>
      </div>
      <div className="toolbar__group">
        <button type="button" disabled={!canUndo} onClick={undo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={redo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button
          type="button"
          disabled={!hasDocument}
          onClick={() => void canvasCommands.autoLayout()}
          title="Lay out left to right by data flow (L)"
        >
          Auto-layout
        </button>
        <button
          type="button"
          disabled={!hasDocument}
          onClick={() => openDialog('quick-search')}
          title="Jump to any element (Ctrl+K)"
        >
          Search…
        </button>
      </div>
      {name && (
        <span className="toolbar__title" data-testid="document-title">
          {name}
          {isDirty && <span title="Unsaved changes"> •</span>}
        </span>
      )}
      <div className="toolbar__group toolbar__group--end">
        <button type="button" onClick={cycleTheme} title="Switch between system, light and dark themes">
          {THEME_LABELS[theme]}
        </button>
        <button
          type="button"
          onClick={() => openDialog('shortcuts')}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </header>
  );
}
