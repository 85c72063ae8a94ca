import { create } from 'zustand';
import { useUiStore } from '../store/ui-store';

/** The extensions of a Mermaid flowchart dropped on the window. */
export const MERMAID_FILE_EXTENSIONS = ['.mmd', '.mermaid'] as const;

export function isMermaidFile(name: string): boolean {
  const lowerCase = name.toLowerCase();
  return MERMAID_FILE_EXTENSIONS.some((extension) => lowerCase.endsWith(extension));
}

/** A flowchart dropped on the window that the Import Mermaid dialog has not read yet. */
export const useDroppedMermaidFile = create<{ file: File | null }>()(() => ({ file: null }));

/** Opens Import Mermaid (or keeps it open) with a dropped file, which it reads as its "Open a .mmd file…" would. */
export function openMermaidImportWith(file: File): void {
  useDroppedMermaidFile.setState({ file });
  useUiStore.getState().openDialog('mermaid-import');
}
