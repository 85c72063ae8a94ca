import { create } from 'zustand';
import { formatLocatedProblem } from '../../shared/contracts';
import { contractFileName } from '../../shared/contracts/contract-file-name';
import { readableContractId } from '../../shared/contracts/readable-contract-id';
import { type Contract, counted } from '../../shared/model';
import type { FileRef, Host } from '../host/host';
import { currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { useContractDrafts } from './contract-drafts';
import { useContractTabs } from './contract-tabs-store';
import { applyImport, importContractTexts } from './import/import-contract-files';

interface ContractFilesState {
  /** The file each contract was opened from or last saved to, so Save writes back to it. */
  fileById: Record<string, FileRef>;
  bind(id: string, file: FileRef): void;
}

/** Contracts edited in place in their own `.odcs.yaml` files (for this session, beside the design). */
export const useContractFiles = create<ContractFilesState>()((set) => ({
  fileById: {},
  bind: (id, file) => set((state) => ({ fileById: { ...state.fileById, [id]: file } })),
}));

/** Writes the contract's text, byte for byte, to its file, or asks where (`saveAs`). */
export async function saveContractFile(host: Host, id: string, options: { saveAs: boolean }): Promise<void> {
  const notices = useNoticeStore.getState();
  const contract = currentMesh()?.contracts.find((candidate) => candidate.id === id);
  if (!contract) return;
  if (id in useContractDrafts.getState().textById) {
    notices.show({
      tone: 'error',
      text: `Fix the problems of ${contract.name} first: only a valid contract is saved.`,
    });
    return;
  }
  const bound = options.saveAs ? null : (useContractFiles.getState().fileById[id] ?? null);
  try {
    const saved = await host.saveContractFile(bound, contractFileName(contract.name), contract.odcs);
    if (!saved) return;
    useContractFiles.getState().bind(id, saved);
    notices.show({ tone: 'info', text: `Saved ${contract.name} to ${saved.name}.` });
  } catch (error) {
    notices.show({ tone: 'error', text: `Could not save ${contract.name}: ${(error as Error).message}` });
  }
}

/**
 * Opens a contract file into the design, to edit it there and save it back to the same file.
 * A file that is not a valid contract opens as a draft in the editor, with its problems, when
 * its id can be read and is free: it joins the design once fixed (see `applyContractText`).
 * Otherwise it is not opened, and its problems are listed. The file itself never changes.
 */
export async function openContractFile(host: Host): Promise<void> {
  try {
    const opened = await host.openContractFile();
    if (!opened) return;
    const { importContractSource } = await import('../../shared/contracts/import');
    const read = importContractSource(opened.file.name, opened.text);
    if (read.ok) {
      const [imported] = await importContractTexts([{ name: opened.file.name, text: opened.text }], 'Opened');
      if (imported) useContractFiles.getState().bind(imported, opened.file);
      return;
    }
    const problems = read.errors.map((error) => `${opened.file.name} ${formatLocatedProblem(error)}`);
    const id = readableContractId(opened.text);
    const isTaken = currentMesh()?.contracts.some((contract) => contract.id === id) ?? true;
    if (id === undefined || isTaken) {
      const why = id === undefined ? 'it has no id to keep a draft under' : `the design already has a contract '${id}'`;
      useNoticeStore.getState().show({
        tone: 'error',
        text: `Open contract: could not open ${opened.file.name} (${counted(read.errors.length, 'problem')}; ${why}). The file is left as it is.`,
        details: problems,
      });
      return;
    }
    useContractFiles.getState().bind(id, opened.file);
    useContractDrafts.getState().setDraft(id, opened.text);
    useContractTabs.getState().openContract(id);
    useNoticeStore.getState().show({
      tone: 'error',
      text: `Open contract: ${opened.file.name} opened as a draft with ${counted(read.errors.length, 'problem')}; it joins the design once they are fixed.`,
      details: problems,
    });
  } catch (error) {
    useNoticeStore.getState().show({ tone: 'error', text: `Could not open the contract: ${(error as Error).message}` });
  }
}

/** Whether `id` is a contract opened from a file with problems, a draft not yet in the design. */
export function isOpenedDraft(id: string): boolean {
  const isInDesign = currentMesh()?.contracts.some((contract) => contract.id === id) ?? false;
  return !isInDesign && id in useContractFiles.getState().fileById;
}

/** A contract opened from a file with problems, now fixed, joins the design as an opened file does. */
export function addOpenedContract(contract: Contract): void {
  const file = useContractFiles.getState().fileById[contract.id];
  if (!file) return;
  applyImport([{ ok: true, file: file.name, format: 'odcs', contract, notes: [], findings: [] }], {}, 'Opened');
}
