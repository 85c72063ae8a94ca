import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  type ApplicationMenuOptions,
  applicationMenuTemplate,
  applyEnabledCommands,
} from '../../../electron/menu/application-menu';
import type { CommandId } from '../../../shared/commands/command-table';

function aMenu(overrides: Partial<ApplicationMenuOptions> = {}) {
  const sent: CommandId[] = [];
  const opened: string[] = [];
  const template = applicationMenuTemplate({
    isMac: false,
    isDevelopment: false,
    recentFiles: [],
    sendCommand: (command) => sent.push(command),
    openRecent: (path) => opened.push(path),
    openDocumentation: () => undefined,
    ...overrides,
  });
  const submenu = (label: string) =>
    (template.find((menu) => menu.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  const item = (label: string, itemLabel: string) => submenu(label).find((entry) => entry.label === itemLabel);
  return { template, submenu, item, sent, opened };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
const labelsOf = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => item.label ?? item.role ?? (item.type === 'separator' ? '—' : '?'));

describe('the application menu', () => {
  it('lays out File by platform conventions, from the command table', () => {
    expect(labelsOf(aMenu().submenu('File'))).toEqual([
      'New',
      'Open…',
      'Open Recent',
      '—',
      'Save',
      'Save As…',
      '—',
      'Import Contracts…',
      'Import Mermaid Flowchart…',
      'Export…',
      '—',
      'Close Design',
      '—',
      'quit',
    ]);
  });

  it('sends each command item to the renderer by its command id', () => {
    const { item, sent } = aMenu();

    click(item('File', 'Save As…'));
    click(item('Edit', 'Undo'));

    expect(sent).toEqual(['file.save-as', 'edit.undo']);
  });

  it('shows the table chords as accelerators, with Save As off the Simulate switch (Mod+Shift+S)', () => {
    const { item } = aMenu();

    expect(item('File', 'Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(item('File', 'Save As…')?.accelerator).toBe('CmdOrCtrl+Alt+S');
    expect(item('Edit', 'Redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
  });

  it('gives plain-key commands no accelerator, so the menu never takes a letter from a text field', () => {
    expect(aMenu().item('Edit', 'Add Domain')?.accelerator).toBeUndefined();
    expect(aMenu().item('View', 'Auto-Layout')?.accelerator).toBeUndefined();
  });

  it('leaves the keys to the page on Windows and Linux, where it runs them itself', () => {
    const everyItem = aMenu().template.flatMap((menu) => menu.submenu as MenuItemConstructorOptions[]);

    expect(everyItem.filter((entry) => entry.accelerator && entry.registerAccelerator !== false)).toEqual([]);
  });

  it('shows a direction override in a recent file’s name as its escape, as the app lists names to choose from', () => {
    const { item } = aMenu({
      recentFiles: [{ name: 'a.mesh.json', path: '/home/ada/Étude \u202eexe.txt\u202c.mesh.json' }],
    });
    const recent = item('File', 'Open Recent')?.submenu as MenuItemConstructorOptions[];

    expect(recent.map((entry) => entry.label)).toEqual(['/home/ada/Étude \\u202eexe.txt\\u202c.mesh.json']);
  });

  it('lists the recent files in Open Recent and opens the one clicked', () => {
    const { item, opened } = aMenu({
      recentFiles: [
        { name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' },
        { name: 'shop.mesh.json', path: '/home/ada/shop.mesh.json' },
      ],
    });
    const recent = item('File', 'Open Recent')?.submenu as MenuItemConstructorOptions[];

    click(recent[1]);

    expect(recent.map((entry) => entry.label)).toEqual(['/home/ada/orders.mesh.json', '/home/ada/shop.mesh.json']);
    expect(opened).toEqual(['/home/ada/shop.mesh.json']);
  });

  it('disables Open Recent when there is nothing to reopen', () => {
    expect(aMenu().item('File', 'Open Recent')?.enabled).toBe(false);
  });

  it('puts About and Quit in the application menu on macOS, and adds its Window menu', () => {
    const { template, submenu } = aMenu({ isMac: true });

    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu('File').map((entry) => entry.role)).not.toContain('quit');
    expect(submenu('File').at(-1)).toEqual({ role: 'close' });
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'Simulation',
      'windowMenu',
      'Help',
    ]);
  });

  it('registers accelerators on macOS, where the menu owns Cmd keys', () => {
    expect(aMenu({ isMac: true }).item('File', 'Save')?.registerAccelerator).toBe(true);
  });

  it('offers DevTools only in development builds', () => {
    const roles = (isDevelopment: boolean) =>
      aMenu({ isDevelopment })
        .submenu('View')
        .map((entry) => entry.role);

    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('routes Undo, Redo, Cut, Copy, Paste and Select All to the renderer instead of Electron roles', () => {
    const edit = aMenu().submenu('Edit');

    expect(edit.filter((entry) => entry.role)).toEqual([]);
    expect(labelsOf(edit)).toEqual(expect.arrayContaining(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']));
  });

  it('has Help with the shortcut sheet, the documentation and About', () => {
    expect(labelsOf(aMenu().submenu('Help'))).toEqual(['Keyboard Shortcuts', '—', 'Documentation', 'about']);
  });

  it('greys out the commands the page says cannot run now', () => {
    const items = new Map(['file.save', 'edit.undo', 'file.new'].map((id) => [id, { enabled: true }]));

    applyEnabledCommands({ getMenuItemById: (id) => items.get(id) ?? null }, ['file.new']);

    expect(Object.fromEntries([...items].map(([id, item]) => [id, item.enabled]))).toEqual({
      'file.save': false,
      'edit.undo': false,
      'file.new': true,
    });
  });
});
