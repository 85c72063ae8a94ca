import { create } from 'zustand';
import type { ImportedFile } from '../../shared/contracts/import';
import { STATABLE_FACTS } from '../../shared/contracts/import/imported-schema';
import type { ImportRefusal } from '../../shared/export';
import type { Contract } from '../../shared/model';
import type { FileRef } from '../host/host';
import { currentMesh } from '../store/document-store';
import { applyImport } from './import/import-contract-files';
import { planImport } from './import/planned-import';

interface ContractFilesState {
  /** The file each contract was opened from or last saved to, so Save writes back to it. */
  fileById: Record<string, FileRef>;
  /** The text that file held when it was last read or written: what the Diff view compares with. */
  savedTextById: Record<string, string>;
  bind(id: string, file: FileRef, text: string): void;
}

/** Contracts edited in place in their own `.odcs.yaml` files (for this session, beside the design). */
export const useContractFiles = create<ContractFilesState>()((set) => ({
  fileById: {},
  savedTextById: {},
  bind: (id, file, text) =>
    set((state) => ({
      fileById: { ...state.fileById, [id]: file },
      savedTextById: { ...state.savedTextById, [id]: text },
    })),
}));

/** Whether `id` is a contract opened from a file with problems, a draft not yet in the design. */
export function isOpenedDraft(id: string): boolean {
  const isInDesign = currentMesh()?.contracts.some((contract) => contract.id === id) ?? false;
  return !isInDesign && id in useContractFiles.getState().fileById;
}

/**
 * A contract opened from a file with problems, now fixed, joins the design as an opened file
 * does, unless the design would then no longer export (a table its product already serves):
 * then it stays out, and the refusal says why.
 */
export function addOpenedContract(contract: Contract): ImportRefusal | null {
  const file = useContractFiles.getState().fileById[contract.id];
  const mesh = currentMesh();
  if (!file || !mesh) return null;
  const opened: ImportedFile = {
    ok: true,
    file: file.name,
    format: 'odcs',
    contract,
    statedFacts: STATABLE_FACTS,
    notes: [],
    findings: [],
  };
  const { refusal } = planImport(mesh, [opened], {});
  if (refusal) return refusal;
  applyImport([opened], {}, 'Opened');
  return null;
}
