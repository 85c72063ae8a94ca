import { slugify } from './ids';
import { MESH_FILE_EXTENSION } from './mesh-file-format';

/**
 * The file name a design is offered under when it is saved to a new file: a slug of its name, as
 * the user last typed it (`Retail mesh` → `retail-mesh.mesh.json`), else of its id when the name
 * has no letter or digit a file name keeps.
 */
export function meshFileName(design: { id: string; name: string }): string {
  const hasKeptCharacters = /[a-z0-9]/i.test(design.name.normalize('NFKD'));
  return `${hasKeptCharacters ? slugify(design.name) : design.id}${MESH_FILE_EXTENSION}`;
}
