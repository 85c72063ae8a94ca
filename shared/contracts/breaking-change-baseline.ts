import type { Contract } from '../model/contract';
import { emptyMesh, type Mesh } from '../model/mesh';
import { classificationLevelsOf } from '../model/policies';
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
    const kept = contractBaselineAfterSave(before.get(contract.id), contract, classificationLevelsOf(saved.policies));
    if (kept !== contract) isAnyHeld = true;
    return kept;
  });
  return isAnyHeld ? { ...saved, contracts } : saved;
}

/**
 * The baseline once one contract is saved on its own (to its file) over `baseline`: that contract's
 * baseline advances to `saved` as a save of the design would advance it, the rest stays.
 */
export function baselineAfterContractSave(baseline: Mesh | null, saved: Contract): Mesh {
  const previous = baseline?.contracts.find((contract) => contract.id === saved.id);
  const levels = baseline ? classificationLevelsOf(baseline.policies) : undefined;
  return baselineWithContract(baseline, contractBaselineAfterSave(previous, saved, levels));
}

/**
 * The baseline with `contract` as its contract's (a contract opened from its own file is judged
 * against that file). A design without a baseline (a recovered document) gets one holding that
 * contract alone, which judges nothing else.
 */
export function baselineWithContract(baseline: Mesh | null, contract: Contract): Mesh {
  const base = baseline ?? emptyMesh('baseline', 'baseline');
  const others = base.contracts.filter((candidate) => candidate.id !== contract.id);
  return { ...base, contracts: [...others, contract] };
}

/** A saved contract's baseline: the saved contract, unless its version is wrong for its changes since `previous`. */
function contractBaselineAfterSave(
  previous: Contract | undefined,
  saved: Contract,
  classificationLevels: readonly string[] | undefined,
): Contract {
  if (!previous || previous === saved) return saved;
  if (!isVersionWrongFor(compareContracts(previous, saved, classificationLevels))) return saved;
  return previous;
}

/** Whether the contract's version is wrong for its changes: lower than before, or not the step breaking changes need. */
function isVersionWrongFor(comparison: ContractComparison): boolean {
  return comparison.findings.some((finding) => finding.severity === 'error');
}
