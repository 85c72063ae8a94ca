import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/menu/application-menu';
import type { MenuCommand } from '../../../shared/ipc';

function aMenu(isMac: boolean) {
  const sent: MenuCommand[] = [];
  const template = applicationMenuTemplate({ isMac, sendCommand: (command) => sent.push(command) });
  const submenu = (label: string) =>
    (template.find((menu) => menu.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  return { template, submenu, sent };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  it('sends each file command to the renderer', () => {
    const { submenu, sent } = aMenu(false);

    for (const item of submenu('File')) click(item);

    expect(sent).toEqual(['new', 'open', 'save', 'save-as']);
  });

  it('labels the file commands and gives them the usual shortcuts', () => {
    const items = aMenu(false)
      .submenu('File')
      .filter((item) => item.label)
      .map((item) => [item.label, item.accelerator]);

    expect(items).toEqual([
      ['New', 'CmdOrCtrl+N'],
      ['Open…', 'CmdOrCtrl+O'],
      ['Save', 'CmdOrCtrl+S'],
      ['Save As…', 'CmdOrCtrl+Shift+S'],
    ]);
  });

  it('ends the File menu with Quit on Windows and Linux', () => {
    expect(aMenu(false).submenu('File').at(-1)).toEqual({ role: 'quit' });
  });

  it('puts Quit in the application menu on macOS', () => {
    const { template, submenu } = aMenu(true);

    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu('File').map((item) => item.role)).not.toContain('quit');
  });

  it('leaves the Edit keys to the page, where canvas undo and node copy live', () => {
    expect(
      aMenu(false)
        .submenu('Edit')
        .filter((item) => item.role && item.registerAccelerator !== false),
    ).toEqual([]);
  });

  it('builds Edit and View from Electron roles', () => {
    const { submenu } = aMenu(false);
    const roles = (label: string) => submenu(label).flatMap((item) => (item.role ? [item.role] : []));

    expect(roles('Edit')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles('View')).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });
});
