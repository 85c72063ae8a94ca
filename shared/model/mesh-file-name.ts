import { slugify } from './ids';
import { MESH_FILE_EXTENSION } from './mesh-file-format';
import { clearOfWindowsReservedNames } from './windows-reserved-names';

/** A design file's name, by its extension in any case (`Tirages.MESH.JSON`). */
export function isMeshFileName(name: string): boolean {
  return name.toLowerCase().endsWith(MESH_FILE_EXTENSION);
}

/**
 * The file name a design is offered under when it is saved to a new file: a slug of its name, as
 * the user last typed it (`Retail mesh` → `retail-mesh.mesh.json`), else of its id when the name
 * has no letter or digit a file name keeps; `-2` follows a name Windows reserves (`CON` → `con-2`).
 */
export function meshFileName(design: { id: string; name: string }): string {
  const hasKeptCharacters = /[a-z0-9]/i.test(design.name.normalize('NFKD'));
  const stem = hasKeptCharacters ? slugify(design.name) : design.id;
  return `${clearOfWindowsReservedNames(stem)}${MESH_FILE_EXTENSION}`;
}
