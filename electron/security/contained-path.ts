import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Resolves `relativePath` inside `folder`, or returns null when it would land anywhere else
 * (`../`, an absolute path, another drive) or on the folder itself.
 */
export function resolveInside(folder: string, relativePath: string): string | null {
  // Backslashes separate folders on Windows only; refusing them keeps every platform equally strict.
  if (relativePath.includes('\0') || relativePath.includes('\\') || isAbsolute(relativePath)) return null;
  const resolved = resolve(folder, relativePath);
  const pathFromFolder = relative(folder, resolved);
  const staysInside =
    pathFromFolder !== '' &&
    pathFromFolder !== '..' &&
    !pathFromFolder.startsWith(`..${sep}`) &&
    !isAbsolute(pathFromFolder);
  return staysInside ? resolved : null;
}
