import { useCallback } from 'react';
import { isMeshFileName } from '../../shared/model';
import { importContracts, isContractFile } from '../contracts/import/import-contract-files';
import type { Host } from '../host/host';
import { currentMesh } from '../store/document-store';
import { openDroppedDesign } from './file-commands';
import { useWindowFileDrop } from './use-window-file-drop';

const droppableFiles = (files: File[]) =>
  files.filter((file) => isMeshFileName(file.name) || isContractFile(file.name));

/**
 * Takes files dropped together in one sequence: a design opens first (settling the open one's
 * unsaved work), then contract files are imported into whichever design is open. Cancelling the
 * opening cancels the import too.
 */
export async function takeDroppedFiles(host: Host, files: readonly File[]): Promise<void> {
  const design = files.find((file) => isMeshFileName(file.name));
  if (design && !(await openDroppedDesign(host, design))) return;
  const contracts = files.filter((file) => isContractFile(file.name));
  if (contracts.length > 0 && currentMesh()) await importContracts(contracts);
}

/** Designs and contract files (ODCS, SQL DDL, Avro, JSON Schema, Protobuf) dropped anywhere on the window. */
export function useFileDrop(host: Host): void {
  const take = useCallback((files: File[]) => void takeDroppedFiles(host, files), [host]);
  useWindowFileDrop(droppableFiles, take);
}
