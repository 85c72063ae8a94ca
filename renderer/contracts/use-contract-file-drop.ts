import { useEffect } from 'react';
import { importContracts, isContractFile } from './import/import-contract-files';

const contractFilesOf = (transfer: DataTransfer | null) =>
  [...(transfer?.files ?? [])].filter((file) => isContractFile(file.name));

/** ODCS YAML files dropped anywhere on the window are imported as contracts. */
export function useContractFileDrop(isEnabled: boolean): void {
  useEffect(() => {
    if (!isEnabled) return;
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = contractFilesOf(event.dataTransfer);
      if (files.length === 0) return;
      event.preventDefault();
      void importContracts(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [isEnabled]);
}
