import { useWindowFileDrop } from '../app/use-window-file-drop';
import { importContracts, isContractFile } from './import/import-contract-files';

const contractFilesOf = (files: File[]) => files.filter((file) => isContractFile(file.name));
const importDropped = (files: File[]) => void importContracts(files);

/** Contract files (ODCS, SQL DDL, Avro, JSON Schema, Protobuf) dropped anywhere on the window are imported. */
export function useContractFileDrop(isEnabled: boolean): void {
  useWindowFileDrop(isEnabled, contractFilesOf, importDropped);
}
