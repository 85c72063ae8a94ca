import { useEffect } from 'react';
import { applyPendingContractEdits } from '../contracts/pending-contract-edits';
import { isLeavingPage } from './file-commands';
import { autosave } from './use-autosave';
import { hasWorkToSettle } from './use-window-state';

/**
 * The last line of defence: reloading or closing the page with unsaved changes (the browser's
 * reload button, closing the tab) writes the pending autosave and makes the browser ask. The
 * app's own Reload and the desktop's close ask Save / Don't Save / Cancel before this.
 */
export function useUnloadGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      applyPendingContractEdits();
      if (isLeavingPage() || !hasWorkToSettle()) return;
      void autosave.flush();
      event.preventDefault();
      // Older Chromium (and Electron) only asks when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
