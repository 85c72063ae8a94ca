import { useEffect } from 'react';

/**
 * Files dropped anywhere on the window: `pick` chooses the ones this hook is for, `onDrop` gets
 * them. Drops with none of them are left to other handlers (designs and contracts both drop here).
 */
export function useWindowFileDrop(
  isEnabled: boolean,
  pick: (files: File[]) => File[],
  onDrop: (files: File[]) => void,
): void {
  useEffect(() => {
    if (!isEnabled) return;
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
  }, [isEnabled, pick, onDrop]);
}
