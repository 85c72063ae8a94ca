import { addPortContract } from '../store/port-actions';
import { useContractTabs } from './contract-tabs-store';

/**
 * Gives an output port without a contract a new draft contract and opens it with the keys in its
 * editor, to type at once: the inspector's New contract button and the command palette's.
 */
export function openNewPortContract(productId: string, portId: string): void {
  const contractId = addPortContract(productId, portId);
  if (contractId) useContractTabs.getState().openContractToEdit(contractId);
}
