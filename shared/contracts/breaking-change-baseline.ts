import type { Mesh } from '../model';
import { type ContractComparison, compareContracts } from './breaking-changes';

/**
 * The design breaking changes are judged against once `saved` is saved over `baseline`: the saved
 * design, except that a contract whose version does not announce its changes since `baseline`
 * (the `breaking-changes` rule's errors) keeps its contract from `baseline`. Saving a breaking
 * change under the same version must not make it its own baseline: its consumers still hold
 * the earlier contract under that version.
 */
export function baselineAfterSave(baseline: Mesh | null, saved: Mesh): Mesh {
  if (!baseline) return saved;
  const before = new Map(baseline.contracts.map((contract) => [contract.id, contract]));
  let isAnyHeld = false;
  const contracts = saved.contracts.map((contract) => {
    const previous = before.get(contract.id);
    if (!previous || previous === contract || !isVersionWrongFor(compareContracts(previous, contract))) return contract;
    isAnyHeld = true;
    return previous;
  });
  return isAnyHeld ? { ...saved, contracts } : saved;
}

/** Whether the contract's version is wrong for its changes: lower than before, or not the step breaking changes need. */
function isVersionWrongFor(comparison: ContractComparison): boolean {
  return comparison.findings.some((finding) => finding.severity === 'error');
}
