/**
 * Why the browser refused to write `fileName`, as a sentence that says what to do, in place of the
 * DOMException's own words ("The request is not allowed by the user agent…"), which say neither.
 */
export function browserWriteRefusal(error: unknown, fileName: string): Error {
  if (!(error instanceof DOMException)) return error instanceof Error ? error : new Error(String(error));
  switch (error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new Error(
        `the browser was not allowed to write ${fileName}: save again and allow it when the browser asks, or save a copy with Save As…`,
      );
    case 'NoModificationAllowedError':
      return new Error(
        `${fileName} cannot be changed (read-only, or locked by another program): make it writable, or save a copy with Save As…`,
      );
    case 'QuotaExceededError':
      return new Error('the disk is full: free some space and save again, or save a copy elsewhere with Save As…');
    case 'NotFoundError':
      return new Error(`${fileName} or its folder is no longer there: save a copy with Save As…`);
    case 'InvalidStateError':
      return new Error(`${fileName} changed on disk while it was being written: save again`);
    default:
      return new Error(
        `the browser could not write ${fileName} (${error.name}): save again, or save a copy with Save As…`,
      );
  }
}
