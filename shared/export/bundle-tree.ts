import type { ExportFile } from './export-target';

/** A bundle's files as folders and files, for a file tree: folders first, then files, each in bundle order. */
export interface BundleFolder {
  name: string;
  /** The folder's path in the bundle (`odcs`); empty for the bundle itself. */
  path: string;
  folders: BundleFolder[];
  files: ExportFile[];
}

export function bundleTree(files: readonly ExportFile[]): BundleFolder {
  const root: BundleFolder = { name: '', path: '', folders: [], files: [] };
  for (const file of files) {
    const folderNames = file.path.split('/').slice(0, -1);
    let folder = root;
    for (const name of folderNames) {
      const path = folder.path ? `${folder.path}/${name}` : name;
      let child = folder.folders.find((candidate) => candidate.name === name);
      if (!child) {
        child = { name, path, folders: [], files: [] };
        folder.folders.push(child);
      }
      folder = child;
    }
    folder.files.push(file);
  }
  return root;
}

/** The files in the order a tree shows them (root files first, then each folder's), for keyboard moves. */
export function filesInTreeOrder(folder: BundleFolder): ExportFile[] {
  return [...folder.files, ...folder.folders.flatMap(filesInTreeOrder)];
}
