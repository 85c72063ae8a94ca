import type { FileRef } from './host';

/** A desktop file goes by its path; a browser file has none, and is the very FileRef the browser host handed out. */
export function isSameFile(file: FileRef, other: FileRef): boolean {
  return file === other || (file.path !== undefined && file.path === other.path);
}
