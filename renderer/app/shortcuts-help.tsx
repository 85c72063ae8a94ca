import { PLATFORM } from '../commands/platform';
import { ModalDialog } from './modal-dialog';
import { SHEET_GROUPS, sheetLines } from './shortcuts';

/** The keyboard-shortcut sheet (?), listed from the same table that runs the shortcuts. */
export function ShortcutsHelp() {
  const groups = SHEET_GROUPS.map((group) => ({ group, lines: sheetLines(group, PLATFORM) })).filter(
    ({ lines }) => lines.length > 0,
  );
  return (
    <ModalDialog dialog="shortcuts" title="Keyboard shortcuts" className="shortcuts-help">
      {/* Its Close takes the focus as the sheet opens, so the arrow keys and Page Down scroll a long sheet. */}
      <header className="shortcuts-help__header">
        <h2>Keyboard shortcuts</h2>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </header>
      <div className="shortcuts-help__groups">
        {groups.map(({ group, lines }) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {lines.map((line) => (
                <div key={line.description} className="shortcuts-help__row">
                  <dt>
                    {line.keys.map((chord) => (
                      <kbd key={chord}>{chord}</kbd>
                    ))}
                  </dt>
                  <dd>{line.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
