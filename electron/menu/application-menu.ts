import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';

interface ApplicationMenuOptions {
  isMac: boolean;
  sendCommand(command: MenuCommand): void;
}

/** File items are decided by the renderer (it holds the document); Edit and View use Electron's roles. */
export function applicationMenuTemplate({ isMac, sendCommand }: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const commandItem = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => sendCommand(command),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return [
    // macOS keeps Quit in the application menu, named after the app.
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        commandItem('New', 'CmdOrCtrl+N', 'new'),
        commandItem('Open…', 'CmdOrCtrl+O', 'open'),
        separator,
        commandItem('Save', 'CmdOrCtrl+S', 'save'),
        commandItem('Save As…', 'CmdOrCtrl+Shift+S', 'save-as'),
        ...(isMac ? [] : [separator, { role: 'quit' } as const]),
      ],
    },
    {
      label: 'Edit',
      // The page handles these keys itself (canvas undo, copy of nodes), so the menu only shows them.
      submenu: [
        { role: 'undo', registerAccelerator: false },
        { role: 'redo', registerAccelerator: false },
        separator,
        { role: 'cut', registerAccelerator: false },
        { role: 'copy', registerAccelerator: false },
        { role: 'paste', registerAccelerator: false },
        { role: 'selectAll', registerAccelerator: false },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
  ];
}
