import { MESH_FILE_EXTENSION } from '../model/mesh-file-format';

/** What a saved file's name must end in, and the bare extension a save dialog may have added instead. */
export interface DoubleExtension {
  /** `.mesh.json`, `.odcs.yaml`, in lower case. */
  extension: string;
  /** Save dialogs filter on the last extension only, so they may have added `.json` or `.yaml`. */
  addedByDialog: RegExp;
}

const MESH_FILE: DoubleExtension = { extension: MESH_FILE_EXTENSION, addedByDialog: /\.json$/i };
const UNTITLED = 'untitled';

/**
 * `fileName` as typed, ending in `extension` whatever its case: a bare name gains it, the dialog's
 * `.json` or half of it (`orders.mesh`) is completed, the dialog's `.json` after the whole of it
 * goes, surrounding spaces and trailing dots go, and a name with nothing left (`..`, `.mesh.json`)
 * becomes `untitled`, never a hidden dotfile.
 */
export function savedFileName(fileName: string, { extension, addedByDialog }: DoubleExtension): string {
  // Trailing dots go first: `orders.mesh.json.` is the mesh file typed with a dot too many, not a stem.
  const typed = fileName.trim().replace(/[.\s]+$/, '');
  if (typed.toLowerCase().endsWith(extension)) {
    return `${withoutTrailingDots(typed.slice(0, -extension.length))}${typed.slice(-extension.length)}`;
  }
  const firstPart = extension.slice(0, extension.indexOf('.', 1));
  const stem = typed.replace(addedByDialog, '');
  // `orders.mesh.json` typed in a dialog that added `.json` again.
  if (stem.toLowerCase().endsWith(extension)) return savedFileName(stem, { extension, addedByDialog });
  const typedHalf = stem.toLowerCase().endsWith(firstPart);
  return `${withoutTrailingDots(typedHalf ? stem.slice(0, -firstPart.length) : stem)}${extension}`;
}

function withoutTrailingDots(stem: string): string {
  return stem.replace(/[.\s]+$/, '') || UNTITLED;
}

/** `orders`, `orders.json` and `orders.mesh` all become `orders.mesh.json`; a mesh file name is left alone. */
export function savedMeshFileName(fileName: string): string {
  return savedFileName(fileName, MESH_FILE);
}
