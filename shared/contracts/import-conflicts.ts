import type { Contract } from '../model/contract';
import { uniqueId } from '../model/ids';
import { firstFreeName } from '../model/name-rules';
import { withContractIdentity } from './contract-edits';

/** What to do with an imported contract whose id the mesh, or an earlier file of the batch, already has. */
export const CONFLICT_POLICIES = ['skip', 'rename', 'replace'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

export type ImportOutcome =
  | { kind: 'added' }
  | { kind: 'replaced'; of: 'mesh' }
  | { kind: 'renamed'; from: string; clashesWith: string }
  | { kind: 'skipped'; clashesWith: string }
  /** With `replace`, a later file of the batch with the same id wins. */
  | { kind: 'superseded'; by: string };

export interface ImportDecision {
  file: string;
  /** The contract to attach (renamed when the outcome says so); not attached when skipped or superseded. */
  contract: Contract;
  outcome: ImportOutcome;
  /** The contract's own name, when another contract had it and it was imported under `contract.name`. */
  renamedFrom?: string;
}

/**
 * Decides, file by file, what becomes of contracts whose id is taken: never merged silently.
 * One policy for all (the CLI's `--on-conflict`), or one per file (the app's import dialog).
 * `clashesWith` names what has the id: `the mesh` or the earlier file.
 */
export function resolveContractConflicts(
  meshContracts: readonly Pick<Contract, 'id' | 'name'>[],
  imported: readonly { file: string; contract: Contract }[],
  policy: ConflictPolicy | ((file: string) => ConflictPolicy),
): ImportDecision[] {
  const policyOf = typeof policy === 'function' ? policy : () => policy;
  const inMesh = new Set(meshContracts.map((contract) => contract.id));
  const taken = new Set([...inMesh, ...imported.map(({ contract }) => contract.id)]);
  const decisions: ImportDecision[] = [];
  const claimedBy = new Map<string, ImportDecision>();
  for (const { file, contract } of imported) {
    const earlier = claimedBy.get(contract.id);
    const clashesWith = earlier ? earlier.file : inMesh.has(contract.id) ? 'the mesh' : undefined;
    let decision: ImportDecision;
    if (clashesWith === undefined) {
      decision = { file, contract, outcome: { kind: 'added' } };
    } else if (policyOf(file) === 'skip') {
      decision = { file, contract, outcome: { kind: 'skipped', clashesWith } };
    } else if (policyOf(file) === 'rename') {
      const id = uniqueId(contract.id, taken);
      taken.add(id);
      decision = {
        file,
        contract: withContractIdentity(contract, { id }),
        outcome: { kind: 'renamed', from: contract.id, clashesWith },
      };
    } else {
      if (earlier) earlier.outcome = { kind: 'superseded', by: file };
      const replacesMesh = inMesh.has(contract.id);
      decision = { file, contract, outcome: replacesMesh ? { kind: 'replaced', of: 'mesh' } : { kind: 'added' } };
    }
    if (isImported(decision)) {
      const takenNames = [
        ...meshContracts.filter((other) => other.id !== decision.contract.id).map((other) => other.name),
        ...decisions.filter(isImported).map((other) => other.contract.name),
      ];
      decision = withFreeName(decision, takenNames);
    }
    decisions.push(decision);
    if (decision.outcome.kind !== 'skipped') claimedBy.set(decision.contract.id, decision);
  }
  return decisions;
}

/** Names are unique in a mesh: an imported contract whose name is taken is named `Shipment 2`, and says so. */
function withFreeName(decision: ImportDecision, takenNames: readonly string[]): ImportDecision {
  const { contract } = decision;
  const name = firstFreeName(contract.name, takenNames);
  if (name === contract.name) return decision;
  return {
    ...decision,
    contract: withContractIdentity(contract, { id: contract.id, name }),
    renamedFrom: contract.name,
  };
}

/** Whether the decision's contract goes into the mesh. */
export function isImported(decision: ImportDecision): boolean {
  return decision.outcome.kind !== 'skipped' && decision.outcome.kind !== 'superseded';
}
