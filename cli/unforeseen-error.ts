import { fileErrorReason, isFileError } from '../shared/files/file-error-reason';

/** An error no command foresaw, as a sentence: a file system error names its file and says what to do. */
export function unforeseenErrorText(error: unknown): string {
  if (!isFileError(error)) return error instanceof Error ? error.message : String(error);
  const path = (error as { path?: string }).path ?? 'a file';
  return `${path}: ${fileErrorReason(error, path)}`;
}
