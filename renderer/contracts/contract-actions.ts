import {
  type ContractEditResult,
  editContractText,
  type LocatedResult,
  parseContractKeepingId,
  upgradeToLatest,
  type YamlEdit,
} from '../../shared/contracts';
import { type Contract, counted } from '../../shared/model';
import { type ContractFix, contractFixEdits, describeFix } from '../../shared/validation/fixes';
import { type ChangeOptions, changeMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { contractNameOf, contractTextOf, useContractDrafts } from './contract-drafts';
import { joinClashFindings, useDraftJoinClashes } from './draft-join-clashes';
import { isOpenedDraft } from './opened-contract-files';
import { addOpenedContract } from './opened-draft-join';

/**
 * The one way a contract's text reaches the document, from every editor: text that reads
 * as a valid contract (of the same id) replaces it as one undo step (joins the design, for a
 * contract opened from a file with problems, unless the design would then no longer export);
 * anything else stays a draft beside it, with its problems, and the document keeps the last valid text.
 */
export function applyContractText(id: string, text: string, options?: ChangeOptions): LocatedResult<Contract> {
  const result = parseContractKeepingId(text, id);
  const drafts = useContractDrafts.getState();
  if (!result.ok) {
    drafts.setDraft(id, text);
    return result;
  }
  if (isOpenedDraft(id)) {
    const refusal = addOpenedContract(result.value);
    if (refusal) {
      const clashes = joinClashFindings(text, refusal);
      useDraftJoinClashes.getState().setClash(id, text, clashes);
      drafts.setDraft(id, text);
      return { ok: false, errors: clashes };
    }
  } else replaceContract(result.value, options);
  drafts.clearDraft(id);
  return result;
}

/** Edits the contract's text (its draft, if it has one) at ODCS paths, then applies it. */
export function editContract(id: string, edits: readonly YamlEdit[], options?: ChangeOptions): ContractEditResult {
  const text = contractTextOf(id);
  if (text === undefined) return { ok: false, message: `no contract '${id}'` };
  const edited = editContractText(text, edits);
  if (!edited.ok) return edited;
  const applied = applyContractText(id, edited.text, options);
  return applied.ok
    ? edited
    : { ok: false, message: `${counted(applied.errors.length, 'problem')} in the edited contract`, keptAsDraft: true };
}

/** Puts a contract read from its text in the document as one undo step; the same text changes nothing. */
function replaceContract(next: Contract, options?: ChangeOptions): void {
  changeMesh((mesh) => {
    const index = mesh.contracts.findIndex((contract) => contract.id === next.id);
    const current = mesh.contracts[index];
    if (!current || current.odcs === next.odcs) return mesh;
    return { ...mesh, contracts: mesh.contracts.with(index, next) };
  }, options);
}

export function setContractVersion(id: string, version: string): void {
  fixContract({ kind: 'set-contract-version', contractId: id, version });
}

/**
 * Makes a one-click fix in the contract's text as the editors show it, as their own edits are:
 * text typed since, with problems, keeps what was typed and gets the fix too.
 */
export function fixContract(fix: ContractFix): void {
  const text = contractTextOf(fix.contractId);
  if (text === undefined) return;
  const edits = contractFixEdits(fix, text);
  const label = describeFix(fix);
  const name = contractNameOf(fix.contractId);
  const tell = useNoticeStore.getState().show;
  if (edits.length === 0) {
    tell({
      tone: 'error',
      text: `"${label}": the text of '${name}' no longer has what it repairs.`,
      isMomentary: true,
    });
    return;
  }
  const result = editContract(fix.contractId, edits);
  if (result.ok) return;
  tell(
    result.keptAsDraft
      ? {
          tone: 'info',
          text: `"${label}" made in the text of '${name}', which still has problems: the design keeps its last valid version until they are fixed.`,
        }
      : { tone: 'error', text: `"${label}" could not be made in '${name}': ${result.message}`, isMomentary: true },
  );
}

/** Upgrades the contract to the newest ODCS version as one undo step, or says why it cannot. */
export function upgradeContract(id: string): ContractEditResult {
  const text = contractTextOf(id);
  if (text === undefined) return { ok: false, message: `no contract '${id}'` };
  const upgraded = upgradeToLatest(text);
  if (!upgraded.ok) return upgraded;
  const applied = applyContractText(id, upgraded.text);
  return applied.ok ? upgraded : { ok: false, message: 'the upgraded contract has problems' };
}
