import { listedName } from '../../shared/model';
import { CommandButton } from '../commands/command-button';
import { ModeSwitch } from '../simulation/mode-switch';
import { selectIsDirty, useDocumentStore } from '../store/document-store';
import { usePreferencesStore } from '../store/preferences-store';
import { UserText } from './user-text';

const THEME_LABELS = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;
/** The theme button shows an icon, its name in the tooltip: the words took a row of their own at 1024 px. */
const THEME_ICONS = { system: '◐', light: '☀', dark: '☾' } as const;

export function Toolbar() {
  const meshName = useDocumentStore((state) => state.mesh?.name);
  const name = meshName === undefined ? undefined : listedName(meshName);
  const isDirty = useDocumentStore(selectIsDirty);
  const theme = usePreferencesStore((state) => state.theme);
  return (
    <header className="toolbar" role="toolbar" aria-label="Commands">
      <span className="toolbar__brand">Data Mesh Designer</span>
      <ModeSwitch />
      <div className="toolbar__group">
        <CommandButton command="file.new">New</CommandButton>
        <CommandButton command="file.open">Open…</CommandButton>
        <CommandButton command="file.save">Save</CommandButton>
        <CommandButton command="file.save-as">Save as…</CommandButton>
        <CommandButton command="file.export">Export…</CommandButton>
      </div>
      <div className="toolbar__group">
        <CommandButton command="edit.undo" staysFocusable>
          Undo
        </CommandButton>
        <CommandButton command="edit.redo" staysFocusable>
          Redo
        </CommandButton>
        <CommandButton command="view.auto-layout">Auto-layout</CommandButton>
        <CommandButton command="view.quick-search">Search…</CommandButton>
      </div>
      {name && (
        <span className="toolbar__title" data-testid="document-title" title={name}>
          <span className="toolbar__name">
            <UserText text={name} />
          </span>
          {isDirty && <span title="Unsaved changes"> •</span>}
        </span>
      )}
      <div className="toolbar__group toolbar__group--end">
        <CommandButton command="view.cycle-theme" label={THEME_LABELS[theme]} state={THEME_LABELS[theme]}>
          {THEME_ICONS[theme]}
        </CommandButton>
        <CommandButton command="help.shortcuts" label="Keyboard shortcuts">
          ?
        </CommandButton>
      </div>
    </header>
  );
}
