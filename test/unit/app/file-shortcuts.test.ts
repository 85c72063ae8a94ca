import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/app/use-file-shortcuts';

const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  commandForKey({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

describe('file shortcuts in the browser', () => {
  it('maps Ctrl or Cmd with N, O, S and Shift+S to the file commands', () => {
    expect(press('n', { ctrlKey: true })).toBe('new');
    expect(press('o', { metaKey: true })).toBe('open');
    expect(press('s', { ctrlKey: true })).toBe('save');
    expect(press('S', { ctrlKey: true, shiftKey: true })).toBe('save-as');
  });

  it('ignores plain letters, Alt chords and other keys', () => {
    expect(press('s')).toBeNull();
    expect(press('s', { ctrlKey: true, altKey: true })).toBeNull();
    expect(press('z', { ctrlKey: true })).toBeNull();
    expect(press('O', { ctrlKey: true, shiftKey: true })).toBeNull();
  });
});
