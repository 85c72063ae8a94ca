import { useContractTabs } from '../contract-tabs-store';
import { type ContractTextModels, createContractTextModels } from './contract-text-models';
import type { MonacoApi } from './load-monaco';

let shared: ContractTextModels | undefined;

/**
 * The open contracts' text models, kept while their tabs are open rather than while the YAML
 * editor is shown: the Form and the other views take the editor's place, and what they change
 * meanwhile reaches the text as an edit, so that back in the editor Ctrl+Z takes it back, and then
 * what was typed before.
 */
export function sharedContractTextModels(monaco: MonacoApi): ContractTextModels {
  if (shared) return shared;
  const models = createContractTextModels(monaco);
  useContractTabs.subscribe((state, previous) => {
    for (const id of previous.openIds) if (!state.openIds.includes(id)) models.close(id);
  });
  shared = models;
  return models;
}
