import type { MenuItemConstructorOptions } from 'electron';
import { chordsOn, electronAccelerator, isModifiedChord } from '../../shared/commands/chords';
import {
  COMMAND_IDS,
  type CommandDefinition,
  type CommandId,
  type MenuName,
} from '../../shared/commands/command-table';
import { menuSections } from '../../shared/commands/menu-layout';
import type { FileRef } from '../../shared/ipc';
import { listedName } from '../../shared/model/isolated-names';

export interface ApplicationMenuOptions {
  isMac: boolean;
  /** DevTools are for development builds only. */
  isDevelopment: boolean;
  /** The recent files that still exist, most recent first. */
  recentFiles: readonly FileRef[];
  sendCommand(command: CommandId): void;
  openRecent(path: string): void;
  openDocumentation(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The menus, built from the command table: each item sends its command to the renderer, which
 * owns the document. Accelerators are shown, but on Windows and Linux the page's own keyboard
 * handler runs them (registering them too would run each command twice); macOS always
 * registers them, and the page stops a key it ran before the menu sees it.
 */
export function applicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDevelopment } = options;
  const platform = isMac ? 'mac' : 'other';

  const commandItem = (command: CommandDefinition): MenuItemConstructorOptions => {
    // Plain keys (L, +) belong to the canvas: a menu owning them would take them from text fields.
    const chord = chordsOn(command.keys, platform).find(isModifiedChord);
    return {
      id: command.id,
      label: command.label,
      ...(chord === undefined ? {} : { accelerator: electronAccelerator(chord), registerAccelerator: isMac }),
      click: () => options.sendCommand(command.id as CommandId),
    };
  };

  const recentItem = (file: FileRef): MenuItemConstructorOptions => ({
    label: listedName(file.path ?? file.name),
    click: () => file.path && options.openRecent(file.path),
  });
  const openRecent: MenuItemConstructorOptions = {
    label: 'Open Recent',
    id: 'file.open-recent',
    enabled: options.recentFiles.length > 0,
    submenu: options.recentFiles.map(recentItem),
  };

  /** A menu's command sections with separators between, plus items only main provides. */
  const commandMenu = (
    name: MenuName,
    extras: { after?: Partial<Record<CommandId, MenuItemConstructorOptions>>; end?: MenuItemConstructorOptions[][] },
  ): MenuItemConstructorOptions | null => {
    const sections = menuSections(name).map((section) =>
      section.flatMap((command) => {
        const extra = extras.after?.[command.id as CommandId];
        return extra ? [commandItem(command), extra] : [commandItem(command)];
      }),
    );
    const allSections = [...sections, ...(extras.end ?? [])].filter((section) => section.length > 0);
    if (allSections.length === 0) return null;
    return {
      label: name,
      submenu: allSections.flatMap((section, index) => (index === 0 ? section : [separator, ...section])),
    };
  };

  const menus = [
    // macOS keeps About and Quit in the application menu, named after the app.
    isMac ? ({ role: 'appMenu' } as const) : null,
    commandMenu('File', {
      after: { 'file.open': openRecent },
      end: [isMac ? [{ role: 'close' }] : [{ role: 'quit' }]],
    }),
    commandMenu('Edit', {}),
    commandMenu('View', {
      end: [[{ role: 'togglefullscreen' }], isDevelopment ? [{ role: 'toggleDevTools' }] : []],
    }),
    commandMenu('Simulation', {}),
    isMac ? ({ role: 'windowMenu' } as const) : null,
    commandMenu('Help', {
      end: [
        [{ label: 'Documentation', click: options.openDocumentation }, ...(isMac ? [] : [{ role: 'about' } as const])],
      ],
    }),
  ];
  return menus.filter((menu): menu is MenuItemConstructorOptions => menu !== null);
}

/** The part of Electron's Menu used to enable items. */
export interface MenuItems {
  getMenuItemById(id: string): { enabled: boolean } | null;
}

/** Greys out the command items the renderer says cannot run now (Save with no design open, Undo with nothing to undo). */
export function applyEnabledCommands(menu: MenuItems, enabledCommands: readonly CommandId[]): void {
  const enabled = new Set<string>(enabledCommands);
  for (const id of COMMAND_IDS) {
    const item = menu.getMenuItemById(id);
    if (item) item.enabled = enabled.has(id);
  }
}
