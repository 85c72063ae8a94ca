import { useWindowFileDrop } from '../app/use-window-file-drop';
import { CONTRACT_FILE_PATTERN, importContracts } from './import-contract-files';

const contractFilesOf = (files: File[]) => files.filter((file) => CONTRACT_FILE_PATTERN.test(file.name));
const importDropped = (files: File[]) => void importContracts(files);

/** ODCS YAML files dropped anywhere on the window are imported as contracts. */
export function useContractFileDrop(isEnabled: boolean): void {
  useWindowFileDrop(isEnabled, contractFilesOf, importDropped);
}
