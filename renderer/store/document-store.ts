import { create } from 'zustand';
import type { Mesh } from '../../shared/model';
import type { FileRef } from '../host/host';

const HISTORY_LIMIT = 200;

export interface DocumentState {
  /** The one source of truth for what is on screen; null before anything is opened. */
  mesh: Mesh | null;
  file: FileRef | null;
  /** The document as last saved or opened, to tell whether there are unsaved changes. */
  savedMesh: Mesh | null;
  past: Mesh[];
  future: Mesh[];
  open(mesh: Mesh, file: FileRef | null): void;
  close(): void;
  /** Applies an immutable change and records one undo step. */
  change(recipe: (mesh: Mesh) => Mesh): void;
  undo(): void;
  redo(): void;
  markSaved(file: FileRef | null): void;
}

export const useDocumentStore = create<DocumentState>()((set, get) => ({
  mesh: null,
  file: null,
  savedMesh: null,
  past: [],
  future: [],
  open: (mesh, file) => set({ mesh, file, savedMesh: mesh, past: [], future: [] }),
  close: () => set({ mesh: null, file: null, savedMesh: null, past: [], future: [] }),
  change: (recipe) => {
    const { mesh, past } = get();
    if (!mesh) return;
    const next = recipe(mesh);
    if (next === mesh) return;
    set({ mesh: next, past: [...past.slice(-HISTORY_LIMIT + 1), mesh], future: [] });
  },
  undo: () => {
    const { mesh, past, future } = get();
    const previous = past.at(-1);
    if (!mesh || !previous) return;
    set({ mesh: previous, past: past.slice(0, -1), future: [mesh, ...future] });
  },
  redo: () => {
    const { mesh, past, future } = get();
    const [next, ...rest] = future;
    if (!mesh || !next) return;
    set({ mesh: next, past: [...past, mesh], future: rest });
  },
  markSaved: (file) => set((state) => ({ file, savedMesh: state.mesh })),
}));

export const selectIsDirty = (state: DocumentState) => state.mesh !== state.savedMesh;
