import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayedChords, type KeyPress, matchesChord, SHORTCUTS, shortcutFor } from '../../../renderer/app/shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[0-9]$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('editor shortcuts', () => {
  it('reads Mod as Ctrl elsewhere and as Cmd on macOS', () => {
    expect(matchesChord(press('z', { ctrlKey: true }), 'Mod+Z', false)).toBe(true);
    expect(matchesChord(press('z', { metaKey: true }), 'Mod+Z', true)).toBe(true);
    expect(matchesChord(press('z', { metaKey: true }), 'Mod+Z', false)).toBe(false);
  });

  it('tells undo from redo by Shift, and takes Ctrl+Y for redo', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }), false)?.description).toBe('Undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), false)?.description).toBe('Redo');
    expect(shortcutFor(press('y', { ctrlKey: true }), false)?.description).toBe('Redo');
  });

  it('matches symbols as typed and digits by their key, whatever the layout', () => {
    expect(shortcutFor(press('?', { shiftKey: true }), false)?.description).toBe('This list of shortcuts');
    expect(shortcutFor(press('!', { shiftKey: true, code: 'Digit1' }), false)?.description).toBe('Zoom to fit');
    expect(shortcutFor(press('+', { shiftKey: true }), false)?.description).toBe('Zoom in');
  });

  it('leaves plain letters with modifiers it does not know alone', () => {
    expect(shortcutFor(press('d', { altKey: true }), false)).toBeUndefined();
    expect(shortcutFor(press('p'), false)?.description).toBe('Add a data product (to the selected domain)');
  });

  it('are all listed in docs/keyboard-shortcuts.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/keyboard-shortcuts.md'), 'utf8');
    for (const shortcut of SHORTCUTS) {
      expect(docs).toContain(shortcut.description);
      for (const chord of displayedChords(shortcut, false)) expect(docs).toContain(`<kbd>${chord}</kbd>`);
    }
  });
});
