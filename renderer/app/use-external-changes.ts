import { useEffect } from 'react';
import { tellOfChangedContractFile } from '../contracts/contract-file-reload';
import type { Host } from '../host/host';
import { isSameFile } from '../host/same-file';
import { useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { reloadFromDisk } from './file-commands';
import { hasWorkToSettle } from './use-window-state';

/** When another program changes the open file, or a contract's linked file, offers to load its version. */
export function useExternalChanges(host: Host): void {
  useEffect(
    () =>
      host.onFileChanged((changed) => {
        const state = useDocumentStore.getState();
        if (!state.file || !isSameFile(state.file, changed)) {
          tellOfChangedContractFile(host, changed);
          return;
        }
        const hasChanges = hasWorkToSettle();
        useNoticeStore.getState().show({
          tone: hasChanges ? 'error' : 'info',
          text: hasChanges
            ? `${changed.name} was changed by another program, and you have unsaved changes here.`
            : `${changed.name} was changed by another program.`,
          actions: [{ label: 'Reload', run: () => void reloadFromDisk(host, changed) }],
        });
      }),
    [host],
  );
}
