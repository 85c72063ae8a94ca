import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHEET_GROUPS, sheetLines } from '../../../renderer/app/shortcuts';
import { commandForKeyPress } from '../../../renderer/commands/command-routing';
import { type KeyPress, matchesChord } from '../../../shared/commands/chords';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[0-9]$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

const commandFor = (keyPress: KeyPress, platform: 'mac' | 'other' = 'other') =>
  commandForKeyPress(keyPress, platform)?.id;

describe('editor shortcuts', () => {
  it('reads Mod as Ctrl elsewhere and as Cmd on macOS', () => {
    expect(matchesChord(press('z', { ctrlKey: true }), 'Mod+Z', 'other')).toBe(true);
    expect(matchesChord(press('z', { metaKey: true }), 'Mod+Z', 'mac')).toBe(true);
    expect(matchesChord(press('z', { metaKey: true }), 'Mod+Z', 'other')).toBe(false);
  });

  it('tells undo from redo by Shift, and takes Ctrl+Y for redo outside macOS', () => {
    expect(commandFor(press('z', { ctrlKey: true }))).toBe('edit.undo');
    expect(commandFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('edit.redo');
    expect(commandFor(press('y', { ctrlKey: true }))).toBe('edit.redo');
    expect(commandFor(press('y', { ctrlKey: true }), 'mac')).toBeUndefined();
  });

  it('matches symbols as typed and digits by their key, whatever the layout', () => {
    expect(commandFor(press('?', { shiftKey: true }))).toBe('help.shortcuts');
    expect(commandFor(press('!', { shiftKey: true, code: 'Digit1' }))).toBe('view.zoom-to-fit');
    expect(commandFor(press('+', { shiftKey: true }))).toBe('view.zoom-in');
  });

  it('leaves plain letters with modifiers it does not know alone', () => {
    expect(commandFor(press('d', { altKey: true }))).toBeUndefined();
    expect(commandFor(press('p'))).toBe('add.product');
  });

  it('maps Ctrl or Cmd with N, O, S to the file commands and Ctrl/Cmd+Alt+S to Save As', () => {
    expect(commandFor(press('n', { ctrlKey: true }))).toBe('file.new');
    expect(commandFor(press('o', { metaKey: true }), 'mac')).toBe('file.open');
    expect(commandFor(press('s', { ctrlKey: true }))).toBe('file.save');
    expect(commandFor(press('s', { ctrlKey: true, altKey: true }))).toBe('file.save-as');
    // Option+S types ß on a Mac: the physical key still counts.
    expect(commandFor(press('ß', { metaKey: true, altKey: true, code: 'KeyS' }), 'mac')).toBe('file.save-as');
  });

  it('switches Design and Simulate with Ctrl/Cmd+Shift+S', () => {
    expect(commandFor(press('S', { ctrlKey: true, shiftKey: true }))).toBe('simulation.toggle-mode');
  });

  it('opens Export on Ctrl/Cmd+E', () => {
    expect(commandFor(press('e', { ctrlKey: true }))).toBe('file.export');
    expect(commandFor(press('e', { metaKey: true }), 'mac')).toBe('file.export');
  });

  it('does not take AltGr letters typed on Windows (AltGr is Ctrl+Alt) for a Ctrl+Alt chord', () => {
    expect(commandFor(press('ś', { ctrlKey: true, altKey: true, code: 'KeyS' }))).toBeUndefined();
  });

  it('works on other keyboard layouts by the key position', () => {
    expect(commandFor(press('ы', { ctrlKey: true, code: 'KeyS' }))).toBe('file.save');
  });

  it('are all listed in docs/keyboard-shortcuts.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/keyboard-shortcuts.md'), 'utf8');
    for (const group of SHEET_GROUPS) {
      for (const line of sheetLines(group, 'other')) {
        expect(docs).toContain(line.description);
        for (const chord of line.keys) expect(docs).toContain(`<kbd>${chord}</kbd>`);
      }
    }
  });
});
