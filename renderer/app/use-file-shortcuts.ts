import { useEffect } from 'react';
import type { Host, MenuCommand } from '../host/host';
import { newMesh, openFile, saveFile } from './file-commands';

const RUN_COMMAND: Record<MenuCommand, (host: Host) => Promise<void>> = {
  new: newMesh,
  open: openFile,
  save: (host) => saveFile(host, { saveAs: false }),
  'save-as': (host) => saveFile(host, { saveAs: true }),
};

export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return event.shiftKey ? 'save-as' : 'save';
  if (event.shiftKey) return null;
  return key === 'n' ? 'new' : key === 'o' ? 'open' : null;
}

/**
 * File commands: from the native menu on desktop (its accelerators own the keys there),
 * from Ctrl/Cmd+N, O, S and Shift+S in the browser.
 */
export function useFileShortcuts(host: Host): void {
  useEffect(() => {
    if (host.kind === 'desktop') return host.onMenuCommand((command) => void RUN_COMMAND[command](host));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      void RUN_COMMAND[command](host);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host]);
}
