import { useEffect } from 'react';
import { contractEditorTypingKey, takeTypedAhead } from '../inspector/fields/typed-ahead';
import { useContractTabs } from './contract-tabs-store';

/**
 * Calls `focus` once the view of `contractId` is ready, when the contract was opened to be edited
 * at once (New contract, Edit contract), with what was typed while it loaded, for the view to type:
 * the focus follows the user there instead of falling to the page when the button that had it
 * goes. A user who puts the focus elsewhere while the view still loads keeps it there, and what
 * was typed before is dropped (the tabs store ends the request when the focus moves).
 */
export function useEditorFocusRequest(contractId: string, isReady: boolean, focus: (typedAhead: string) => void): void {
  const isRequested = useContractTabs((state) => state.editorFocusRequest === contractId);
  useEffect(() => {
    if (!isRequested || !isReady) return;
    const typedAhead = takeTypedAhead(contractEditorTypingKey(contractId));
    // Ended before the focus moves: a focus moving while the request is on is the user's, giving it up.
    useContractTabs.getState().endEditorFocusRequest();
    focus(typedAhead);
  }, [contractId, isRequested, isReady, focus]);
}
