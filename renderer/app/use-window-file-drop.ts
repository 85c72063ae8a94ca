import { useEffect } from 'react';

/** Files dropped anywhere on the window go to `onDrop`, never to the browser (which would open one in place of the app). */
export function useWindowFileDrop(onDrop: (files: File[]) => void): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDropEvent = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
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
  }, [onDrop]);
}
