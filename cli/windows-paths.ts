import { sep } from 'node:path';

const ON_THIS_SYSTEM = "on this system '\\' is part of a file's name, not a folder separator";

/**
 * What to write instead of a path with Windows backslashes (a CI script written on Windows), on a
 * system where a backslash is a character of a name and `designs\shop.mesh.json` one file's name.
 * Undefined where backslashes separate folders or the path has none.
 */
export function backslashAdvice(path: string, separator: string = sep): string | undefined {
  if (separator !== '/' || !path.includes('\\')) return undefined;
  return `${ON_THIS_SYSTEM}: write ${withSlashes(path)}`;
}

/** Why `--out` with backslashes is refused where no folder has that name yet: it would make one oddly named folder. */
export function backslashOutFolderAdvice(folder: string, separator: string = sep): string | undefined {
  if (separator !== '/' || !folder.includes('\\')) return undefined;
  return `${ON_THIS_SYSTEM}, so this would make one folder named '${folder}': write ${withSlashes(folder)}`;
}

function withSlashes(path: string): string {
  return path.replaceAll('\\', '/');
}
