import { useEffect } from 'react';

/**
 * Files dropped anywhere on the window: `pick` chooses the ones the app takes, `onDrop` gets them.
 * Drops with none of them are left to the browser.
 */
export function useWindowFileDrop(pick: (files: File[]) => File[], onDrop: (files: File[]) => void): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDropEvent = (event: DragEvent) => {
      const files = pick([...(event.dataTransfer?.files ?? [])]);
      if (files.length === 0) return;
      event.preventDefault();
      onDrop(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDropEvent);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDropEvent);
    };
  }, [pick, onDrop]);
}
