import { useEffect } from 'react';
import type { Host } from '../host/host';
import { newMesh, openFile, saveFile } from './file-commands';

/** Ctrl/Cmd+N, O, S and Shift+S, as in every desktop editor. */
export function useFileShortcuts(host: Host): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const command =
        key === 'n'
          ? () => newMesh(host)
          : key === 'o'
            ? () => openFile(host)
            : key === 's'
              ? () => saveFile(host, { saveAs: event.shiftKey })
              : null;
      if (!command) return;
      event.preventDefault();
      void command();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host]);
}
