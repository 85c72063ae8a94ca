import { useEffect } from 'react';
import { unappliedDraftNames } from '../contracts/contract-drafts';
import { selectIsDirty, useDocumentStore } from '../store/document-store';
import { isLeavingPage } from './file-commands';
import { autosave } from './use-autosave';

/**
 * The last line of defence: reloading or closing the page with unsaved changes (the browser's
 * reload button, closing the tab) writes the pending autosave and makes the browser ask. The
 * app's own Reload and the desktop's close ask Save / Don't Save / Cancel before this.
 */
export function useUnloadGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isLeavingPage() || !(selectIsDirty(useDocumentStore.getState()) || unappliedDraftNames().length > 0)) return;
      void autosave.flush();
      event.preventDefault();
      // Older Chromium (and Electron) only asks when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
