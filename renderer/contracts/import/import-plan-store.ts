import { create } from 'zustand';
import type { ConflictPolicy } from '../../../shared/contracts';
import type { ImportedFile } from '../../../shared/contracts/import';
import type { OpenedFile } from '../../host/host';

export interface ImportChoice {
  /** A new contract, the next version of the contract with this id, or nothing. */
  target: 'new' | 'skip' | string;
  /** For a new contract whose id is taken. */
  onConflict: ConflictPolicy;
  /** Serve a new contract from a new output port of its product, even where it has one without a contract. */
  isNewPort?: boolean;
}

/** A contract pasted on the canvas, and the product under the pointer or selected that serves it, if any. */
export interface PastedOn {
  productId?: string;
}

/**
 * Files picked with Import…, dropped or pasted, or a contract file opened with Open contract… to be
 * edited and saved back to `file`; without one, the opened file is linked already (a fixed draft).
 */
export type ImportOrigin = { verb: 'Imported' } | { verb: 'Opened'; file?: OpenedFile };

export const IMPORTED: ImportOrigin = { verb: 'Imported' };

interface ImportPlanState {
  files: ImportedFile[] | null;
  choices: Record<string, ImportChoice>;
  pastedOn?: PastedOn;
  origin: ImportOrigin;
  /** Opens the dialog on `files`, each with its choice as `choices` gives it. */
  open(files: ImportedFile[], choices: Record<string, ImportChoice>, origin: ImportOrigin, pastedOn?: PastedOn): void;
  choose(file: string, choice: Partial<ImportChoice>): void;
  close(): void;
}

/** The files being imported and what the user chose for each, while the import dialog is open. */
export const useImportPlan = create<ImportPlanState>()((set) => ({
  files: null,
  choices: {},
  origin: IMPORTED,
  open: (files, choices, origin, pastedOn) => set({ files, choices, origin, pastedOn }),
  choose: (file, choice) =>
    set((state) => ({
      choices: {
        ...state.choices,
        [file]: { ...(state.choices[file] ?? { target: 'new', onConflict: 'rename' }), ...choice },
      },
    })),
  close: () => set({ files: null, choices: {}, origin: IMPORTED, pastedOn: undefined }),
}));
