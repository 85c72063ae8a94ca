/**
 * What a path names on the disk, through links. Besides folders and regular files, a device
 * (`/dev/null`), a named pipe (made by mkfifo) or a socket: none can hold files, and reading one
 * may block or never end.
 */
export type EntryKind = 'folder' | 'file' | 'device' | 'named pipe' | 'socket';

/** The questions Node's `Stats` answers; no Node here, so the renderer and tests can pass their own. */
export interface EntryStatus {
  isDirectory(): boolean;
  isFile(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

export function entryKindOf(status: EntryStatus): EntryKind {
  if (status.isDirectory()) return 'folder';
  if (status.isFIFO()) return 'named pipe';
  if (status.isSocket()) return 'socket';
  if (status.isCharacterDevice() || status.isBlockDevice()) return 'device';
  return 'file';
}
