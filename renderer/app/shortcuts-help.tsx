import { ModalDialog } from './modal-dialog';
import { displayedChords, SHORTCUTS, type Shortcut } from './shortcuts';
import { IS_MAC } from './use-editor-shortcuts';

const GROUPS: ReadonlyArray<Shortcut['group']> = ['Add', 'Edit', 'Select', 'View', 'File', 'Help'];

/** The keyboard-shortcut sheet (?), listed from the same table that runs the shortcuts. */
export function ShortcutsHelp() {
  return (
    <ModalDialog dialog="shortcuts" title="Keyboard shortcuts" className="shortcuts-help">
      <h2>Keyboard shortcuts</h2>
      <div className="shortcuts-help__groups">
        {GROUPS.map((group) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={shortcut.description} className="shortcuts-help__row">
                  <dt>
                    {displayedChords(shortcut, IS_MAC).map((chord) => (
                      <kbd key={chord}>{chord}</kbd>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
