import { useEffect } from 'react';
import { useContractTabs } from './contract-tabs-store';

/**
 * Calls `focus` once the view of `contractId` is ready, when the contract was opened to be edited
 * at once (New contract, Edit contract): the focus follows the user there instead of falling to
 * the page when the button that had it goes. A user who puts the focus elsewhere while the view
 * still loads keeps it there.
 */
export function useEditorFocusRequest(contractId: string, isReady: boolean, focus: () => void): void {
  const isRequested = useContractTabs((state) => state.editorFocusRequest === contractId);
  useEffect(() => {
    if (!isRequested) return;
    const { endEditorFocusRequest } = useContractTabs.getState();
    if (!isReady) {
      document.addEventListener('focusin', endEditorFocusRequest);
      return () => document.removeEventListener('focusin', endEditorFocusRequest);
    }
    focus();
    endEditorFocusRequest();
  }, [isRequested, isReady, focus]);
}
