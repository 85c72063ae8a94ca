import { describe, expect, it } from 'vitest';
import {
  commandReaches,
  commandToRunForKey,
  isAppKeyInCodeEditor,
  menuCommandAction,
} from '../../../renderer/commands/command-routing';
import { chordsOn, displayChord, electronAccelerator, type KeyPress } from '../../../shared/commands/chords';
import { COMMANDS, type CommandDefinition } from '../../../shared/commands/command-table';
import { menuSections } from '../../../shared/commands/menu-layout';

const ctrl = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: `Key${key.toUpperCase()}`,
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});
const plain = (key: string): KeyPress => ({ ...ctrl(key), ctrlKey: false });

describe('the command table', () => {
  it('gives every command its own id', () => {
    const ids = COMMANDS.map((command) => command.id);

    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(['mac', 'other'] as const)('never gives one chord to two commands (%s)', (platform) => {
    const chords = (COMMANDS as readonly CommandDefinition[]).flatMap((command) =>
      chordsOn(command.keys, platform).map((chord) => displayChord(chord, platform)),
    );

    expect(chords.filter((chord, index) => chords.indexOf(chord) !== index)).toEqual([]);
  });

  it('writes chords as each platform does', () => {
    expect(displayChord('Mod+Alt+S', 'other')).toBe('Ctrl+Alt+S');
    expect(displayChord('Mod+Alt+S', 'mac')).toBe('⌥⌘S');
    expect(displayChord('Mod+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(displayChord('?', 'mac')).toBe('?');
  });

  it('turns chords into Electron accelerators', () => {
    expect(electronAccelerator('Mod+Alt+S')).toBe('CmdOrCtrl+Alt+S');
    expect(electronAccelerator('Ctrl+Y')).toBe('Control+Y');
    expect(electronAccelerator('+')).toBe('Plus');
  });

  it('groups menu items by section in table order', () => {
    expect(menuSections('File').map((section) => section.map((command) => command.id))).toEqual([
      ['file.new', 'file.open'],
      ['file.save', 'file.save-as'],
      ['file.import-contracts', 'file.import-mermaid', 'file.export'],
      ['file.close'],
    ]);
  });
});

describe('which command a key runs, by where the focus is', () => {
  it('runs plain-letter commands only on the canvas', () => {
    expect(commandToRunForKey(plain('d'), 'canvas', false, 'other')).toBe('add.domain');
    expect(commandToRunForKey(plain('d'), 'field', false, 'other')).toBeNull();
  });

  it('leaves plain keys to a focused control outside the canvas (a toolbar button), and runs its Ctrl, Alt and F-key chords', () => {
    for (const key of ['s', 'l', 'i', 'Delete', 'ArrowLeft', 'Escape']) {
      expect(commandToRunForKey({ ...plain(key), code: key }, 'panel', false, 'other')).toBeNull();
    }
    expect(commandToRunForKey(ctrl('d'), 'panel', false, 'other')).toBe('edit.duplicate');
    expect(commandToRunForKey(ctrl('z'), 'panel', false, 'other')).toBe('edit.undo');
    expect(commandToRunForKey({ ...plain('F8'), code: 'F8' }, 'panel', false, 'other')).toBe('view.next-problem');
    expect(commandToRunForKey({ ...plain('F6'), code: 'F6' }, 'panel', false, 'other')).toBe('view.next-region');
  });

  it("runs the simulation's B on the Simulate bar's buttons, where the canvas's letters do nothing", () => {
    expect(commandToRunForKey(plain('b'), 'run-controls', false, 'other')).toBe('simulation.step-back');
    expect(commandToRunForKey(plain('b'), 'panel', false, 'other')).toBeNull();
    expect(commandToRunForKey(plain('b'), 'field', false, 'other')).toBeNull();
    expect(commandToRunForKey(plain('s'), 'run-controls', false, 'other')).toBeNull();
  });

  it('runs undo in text fields, but leaves it to the YAML editor there', () => {
    expect(commandToRunForKey(ctrl('z'), 'field', false, 'other')).toBe('edit.undo');
    expect(commandToRunForKey(ctrl('z'), 'code', false, 'other')).toBeNull();
  });

  it('saves from anywhere, the YAML editor included', () => {
    expect(commandToRunForKey(ctrl('s'), 'code', false, 'other')).toBe('file.save');
  });

  it('leaves every key to an open dialog', () => {
    expect(commandToRunForKey(ctrl('s'), 'canvas', true, 'other')).toBeNull();
  });

  it('opens quick search and the command palette from the YAML editor too', () => {
    expect(commandToRunForKey(ctrl('k'), 'code', false, 'other')).toBe('view.quick-search');
    expect(commandToRunForKey(ctrl('p', { shiftKey: true, key: 'P' }), 'code', false, 'other')).toBe(
      'view.command-palette',
    );
    expect(commandToRunForKey({ ...plain('F1'), code: 'F1' }, 'code', false, 'other')).toBe('view.command-palette');
  });

  it('keeps the app’s keys from the code editor (Ctrl+K would start its chords), and leaves it its own', () => {
    expect(isAppKeyInCodeEditor(ctrl('k'), 'other')).toBe(true);
    expect(isAppKeyInCodeEditor(ctrl('k', { ctrlKey: false, metaKey: true }), 'mac')).toBe(true);
    for (const own of [ctrl('f'), ctrl('h'), ctrl('z'), ctrl(' ', { code: 'Space' }), { ...plain('F8'), code: 'F8' }]) {
      expect(isAppKeyInCodeEditor(own, 'other')).toBe(false);
    }
  });

  it('takes from the code editor only the file, search, region, palette, reload and mode keys, leaving Monaco its Ctrl+G, Ctrl+D, Ctrl+/ …', () => {
    const takenInEditor = (COMMANDS as readonly CommandDefinition[])
      .filter((command) => command.scope === 'everywhere')
      .flatMap((command) => chordsOn(command.keys, 'other'));
    expect(takenInEditor).toEqual([
      'Mod+N',
      'Mod+O',
      'Mod+S',
      'Mod+Alt+S',
      'Mod+E',
      'Mod+K',
      'F6',
      'Mod+R',
      'Mod+Shift+S',
      'Mod+Shift+P',
      'F1',
    ]);
    const monacoOwn = [
      ctrl('g'),
      ctrl('d'),
      ctrl('/', { code: 'Slash' }),
      ctrl('L', { shiftKey: true }),
      ctrl('a'),
      ctrl('M', { shiftKey: true }),
    ];
    for (const own of monacoOwn) expect(isAppKeyInCodeEditor(own, 'other')).toBe(false);
  });
});

describe('a menu item, by where the focus is', () => {
  it('copies the text of a focused field instead of the selected nodes', () => {
    expect(menuCommandAction('edit.copy', 'field')).toEqual({ textEdit: 'copy' });
    expect(menuCommandAction('edit.copy', 'canvas')).toBe('run');
  });

  it('undoes typing in the YAML editor, and the design elsewhere', () => {
    expect(menuCommandAction('edit.undo', 'code')).toEqual({ textEdit: 'undo' });
    expect(menuCommandAction('edit.undo', 'field')).toBe('run');
  });

  it('runs commands without a text meaning wherever the focus is', () => {
    expect(menuCommandAction('add.domain', 'field')).toBe('run');
  });
});

describe('a pasted text, by where the focus is', () => {
  it('goes onto the canvas from a toolbar button or the Simulate bar, as Ctrl+X and Ctrl+C act there', () => {
    expect(commandReaches('edit.paste', 'panel')).toBe(true);
    expect(commandReaches('edit.paste', 'run-controls')).toBe(true);
    expect(commandReaches('edit.paste', 'canvas')).toBe(true);
  });

  it('stays with a text field and the code editor, which paste it themselves', () => {
    expect(commandReaches('edit.paste', 'field')).toBe(false);
    expect(commandReaches('edit.paste', 'code')).toBe(false);
  });
});
