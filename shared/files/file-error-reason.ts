import type { EntryKind } from './entry-kind';

/** A failed read or write as Node reports it: `code` (`EACCES`), and the path it was about when known. */
interface NodeFileError {
  code?: string;
  path?: string;
  message?: string;
  /** What the entry an ENOTDIR names is, where the bundle writer found out (bundle-folder.ts). */
  entryKind?: EntryKind;
}

/**
 * Why reading or writing `path` failed, as a sentence that says what to do, never Node's raw
 * `EACCES: permission denied, open '…'`. It names the path at fault when that is another one
 * than `path` (`out/sub` cannot be made because `out` is a file). Without `path` it names none:
 * the error may be about a temporary file the user never chose.
 */
export function fileErrorReason(error: unknown, path?: string): string {
  const { code, path: failedPath, message, entryKind = 'file' } = (error ?? {}) as NodeFileError;
  if (!isFileError(error)) return message ?? String(error);
  const atFault = path !== undefined && failedPath && failedPath !== path ? failedPath : undefined;
  const subject = atFault ?? 'it';
  const on = atFault ? ` on ${atFault}` : '';
  switch (code) {
    case 'ENOENT':
      return atFault ? `${atFault} does not exist; choose another path` : 'no such file';
    case 'ENOTDIR':
      // A device or a pipe (`/dev/null`) is no one's to move away.
      return entryKind === 'file'
        ? `${subject} is a file, not a folder; move it away or choose another path`
        : `${subject} is a ${entryKind}, not a folder; choose another path`;
    case 'EISDIR':
      return `${subject} is a folder, not a file`;
    case 'EEXIST':
      return `${subject} is in the way; move it away or choose another path`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied${on}; check its permissions or choose another path`;
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full; free some space and try again';
    case 'EROFS':
      return 'the disk is read-only; choose another path';
    case 'EIO':
      return 'the disk reported an input/output error; check the disk and try again';
    case 'EBUSY':
      return `${subject} is in use by another program; close it and try again`;
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open; close some programs and try again';
    case 'ENAMETOOLONG':
      return 'the path is too long for the file system; choose a shorter one';
    case 'ELOOP':
      return `too many symbolic links${on}; check where its links point`;
    default:
      return `the system refused it (${code})${on}`;
  }
}

/** Whether an error came from the file system: a system error code (`ENOENT`), not Node's own (`ERR_…`) or none. */
export function isFileError(error: unknown): boolean {
  return /^E[A-Z0-9]+$/.test(String((error as NodeFileError | undefined)?.code));
}
