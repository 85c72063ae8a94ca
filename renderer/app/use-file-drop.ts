import { useCallback } from 'react';
import { isMeshFileName, MESH_FILE_EXTENSION } from '../../shared/model';
import { CONTRACT_FILE_EXTENSIONS, importContracts, isContractFile } from '../contracts/import/import-contract-files';
import { isMermaidFile, MERMAID_FILE_EXTENSIONS, openMermaidImportWith } from '../diagrams/dropped-mermaid-file';
import type { Host } from '../host/host';
import { currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { openDroppedDesign } from './file-commands';
import { useWindowFileDrop } from './use-window-file-drop';

const WHAT_A_DROP_TAKES =
  `A drop takes a design (${MESH_FILE_EXTENSION}) and contract files (${CONTRACT_FILE_EXTENSIONS.join(', ')}); ` +
  `a Mermaid flowchart (${MERMAID_FILE_EXTENSIONS.join(', ')}) opens in Import Mermaid.`;

const namesOf = (files: readonly File[]) => files.map((file) => file.name).join(', ');
const showRefusal = (text: string) => useNoticeStore.getState().show({ tone: 'error', text });

/**
 * Takes files dropped together in one sequence: a design opens first (settling the open one's
 * unsaved work), then contract files are imported into whichever design is open, or a Mermaid
 * flowchart opens in Import Mermaid. Cancelling the opening cancels the rest; what the app cannot
 * use is named, with what a drop takes.
 */
export async function takeDroppedFiles(host: Host, files: readonly File[]): Promise<void> {
  const design = files.find((file) => isMeshFileName(file.name));
  const contracts = files.filter((file) => isContractFile(file.name));
  // One import at a time: a flowchart dropped with contract files is named as not opened.
  const flowchart = contracts.length === 0 ? files.find((file) => isMermaidFile(file.name)) : undefined;
  const refused = files.filter((file) => file !== design && !contracts.includes(file) && file !== flowchart);
  if (refused.length > 0) showRefusal(`Not opened: ${namesOf(refused)}. ${WHAT_A_DROP_TAKES}`);
  if (design && !(await openDroppedDesign(host, design))) return;
  const toImport = flowchart ? [flowchart] : contracts;
  if (toImport.length > 0 && !currentMesh()) {
    showRefusal(`Not imported: ${namesOf(toImport)}. Open or create a design first, then drop them on it.`);
    return;
  }
  if (flowchart) openMermaidImportWith(flowchart);
  else if (contracts.length > 0) await importContracts(contracts);
}

/** Designs, contract files and Mermaid flowcharts dropped anywhere on the window. */
export function useFileDrop(host: Host): void {
  const take = useCallback((files: File[]) => void takeDroppedFiles(host, files), [host]);
  useWindowFileDrop(take);
}
