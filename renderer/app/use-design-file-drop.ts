import { useCallback } from 'react';
import { isMeshFileName } from '../../shared/model';
import type { Host } from '../host/host';
import { openDroppedDesign } from './file-commands';
import { useWindowFileDrop } from './use-window-file-drop';

const designFilesOf = (files: File[]) => files.filter((file) => isMeshFileName(file.name));

/** A `.mesh.json` file dropped anywhere on the window opens (contract YAML files are imported elsewhere). */
export function useDesignFileDrop(host: Host): void {
  const open = useCallback((files: File[]) => void openDroppedDesign(host, files[0] as File), [host]);
  useWindowFileDrop(true, designFilesOf, open);
}
