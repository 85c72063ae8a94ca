import { create } from 'zustand';
import type { FileRef } from '../host/host';
import { currentMesh, useDocumentStore } from '../store/document-store';

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

// Another design's contract of the same id is not this file's: Save would write over it.
useDocumentStore.subscribe((state, previous) => {
  if (state.designGeneration !== previous.designGeneration)
    useContractFiles.setState({ fileById: {}, savedTextById: {} });
});

/** Whether `id` is a contract opened from a file with problems, a draft not yet in the design. */
export function isOpenedDraft(id: string): boolean {
  const isInDesign = currentMesh()?.contracts.some((contract) => contract.id === id) ?? false;
  return !isInDesign && id in useContractFiles.getState().fileById;
}
