/** Whether a file holds nothing to read: no character but blanks (a byte-order mark included). */
export function isEmptyFile(text: string): boolean {
  return /^\uFEFF?\s*$/.test(text);
}

/** What to say of an empty file that should hold a `what`, rather than a syntax error at its first character. */
export function emptyFileMessage(what: string): string {
  return `the file is empty: there is no ${what} in it`;
}
