const REASONS_BY_ERROR_CODE: Record<string, string> = {
  ENOENT: 'the file or folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the disk is read-only',
  EISDIR: 'that is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the file name is too long',
};

/**
 * Turns an error into words a user can act on. The path is left out on purpose: callers name the
 * file the user knows, not the temporary file Node may have been writing.
 */
export function describeFileError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as NodeJS.ErrnoException;
  return (code && REASONS_BY_ERROR_CODE[code]) || error.message;
}
