import { create } from 'zustand';
import {
  baselineAfterContractSave,
  baselineAfterSave,
  baselineWithContract,
} from '../../shared/contracts/breaking-change-baseline';
import { withContractDomainsFollowing } from '../../shared/editing/contract-domains';
import { withLayoutsAsStored } from '../../shared/editing/layout-sizes';
import { type Contract, type Mesh, meshFileName } from '../../shared/model';
import { isDeepEqual } from '../../shared/model/deep-equal';
import { changesOnlyScenarios } from '../../shared/model/scenario-only-change';
import { isPreparedFor, type PreparedSteps } from '../../shared/simulation/step-refusals';
import type { FileRef } from '../host/host';
import { isSameFile } from '../host/same-file';

const HISTORY_LIMIT = 200;

export interface ChangeOptions {
  /**
   * Successive changes with the same key merge into one undo step (typing in one field),
   * until `endTyping()` or a change with another key.
   */
  coalesceKey?: string;
  /** Allowed while the design is read-only: the scenario, edited during a simulation. */
  whileReadOnly?: boolean;
}

export interface OpenOptions {
  /** What the title and prompts call it; the file's name, else the design's own name. */
  name?: string;
  /** A recovered document is not on disk as it is: it opens with unsaved changes. */
  isUnsaved?: boolean;
  /** The name of the file a recovered document's work was in, offered when it is saved. */
  recoveredFileName?: string;
  /** What a recovered document's breaking changes were judged against before (see `baseline`). */
  baseline?: Mesh | null;
  /** The format of the file opened, when an older version wrote it (see `olderFileFormat`). */
  olderFileFormat?: number;
}

export interface DocumentState {
  /** The one source of truth for what is on screen; null before anything is opened. */
  mesh: Mesh | null;
  file: FileRef | null;
  /** What the document is called when not by its design's name: its file's name, or "Recovered …"; see selectDocumentName. */
  name: string | null;
  /** The file a recovered document's work was in (see OpenOptions); null otherwise. */
  recoveredFileName: string | null;
  /**
   * The format `file` is in when an older version wrote it, which a save over it would shut out;
   * null once it holds the current format (saved), and for a file in it or no file.
   */
  olderFileFormat: number | null;
  /** Identifies this document's autosave slot; a new one for each document opened or created. */
  documentKey: string;
  /** The document as last saved or opened (null when not on disk as it is), to tell whether there are unsaved changes. */
  savedMesh: Mesh | null;
  /**
   * What breaking changes are judged against (the rules, the export's refusals and SQL migrations,
   * the contract's changes and diff): the document as opened, advanced by each save except for
   * contracts saved with a breaking change their version does not announce (see baselineAfterSave).
   * A contract opened from its own file is judged against that file as opened, advanced likewise by
   * each save to it (see markContractFileOpened).
   */
  baseline: Mesh | null;
  /** The contracts opened from their own file (Open contract…), whose saves to it advance the baseline. */
  fileBasedContractIds: readonly string[];
  /**
   * What SQLite refused of the document's transformations, told by a worker for the document as it
   * was asked (see useStepRefusalsInBackground); the rules read it only while the document still has those steps.
   */
  preparedSteps: PreparedSteps | null;
  /** Whether the document was written to a file since it was opened: what that file holds is no longer as opened. */
  isSavedSinceOpened: boolean;
  /** Counts documents opened, so views can start afresh (fit the view) for each. */
  openCount: number;
  /**
   * Counts the designs held: another file opened, New, a restored copy, or none (closed). Its own
   * file read again (Reload from disk) and saves (Save As too) keep it, and its contract files with it.
   */
  designGeneration: number;
  past: Mesh[];
  future: Mesh[];
  /** The key of the last step while it may still absorb changes with the same key. */
  openCoalesceKey: string | null;
  /** The document as the typing under `openCoalesceKey` began, when it continues the step before it (see continueLastStep). */
  continuedFrom: Mesh | null;
  /** The document before the gesture in progress (a drag, a resize, an animation); null when none. */
  gestureStart: Mesh | null;
  /** While true (Simulate mode), edits are refused and counted, so the UI can offer to go back to Design. */
  isReadOnly: boolean;
  refusedEdits: number;
  setReadOnly(isReadOnly: boolean): void;
  /** Keeps what SQLite refused of the steps, unless the document has changed them since it asked. */
  tellPreparedSteps(prepared: PreparedSteps): void;
  open(mesh: Mesh, file: FileRef | null, options?: OpenOptions): void;
  close(): void;
  /**
   * Shows the open document with positions the app gave what its file leaves unplaced: the view
   * of that file, not an edit, so no undo step, and a document as saved stays so. Save writes them.
   */
  placeAsOpened(recipe: (mesh: Mesh) => Mesh): void;
  /** Applies an immutable change and records one undo step (or none, inside a gesture). */
  change(recipe: (mesh: Mesh) => Mesh, options?: ChangeOptions): void;
  /** Closes the open typing step, so the next keystroke starts a new one (a field lost focus). */
  endTyping(): void;
  /**
   * Typing under `coalesceKey` joins the last step instead of starting one, until `endTyping`:
   * naming what that step just added, so that one undo takes away what one gesture made.
   */
  continueLastStep(coalesceKey: string): void;
  /** Drops what the typing still open under `coalesceKey` changed (a field cancelled): the document is as before it. */
  cancelTyping(coalesceKey: string): void;
  /** From here until `endGesture`, changes show at once but make no history. */
  beginGesture(): void;
  /** Records everything since `beginGesture` as one undo step; none when the document is as it began. */
  endGesture(): void;
  /** Drops everything since `beginGesture` (Escape during a drag). */
  cancelGesture(): void;
  undo(): void;
  redo(): void;
  /**
   * Records that `savedMesh`, the document as it was serialized, is now in `file`. Edits made
   * while the save was in flight stay unsaved; a save of a document since replaced changes nothing.
   */
  markSaved(documentKey: string, file: FileRef, savedMesh: Mesh): void;
  /**
   * Contract `id` was opened from its own file: the file's contract is its baseline from now on
   * (none while the file is no valid contract: the first save to it sets one).
   */
  markContractFileOpened(id: string, fileContract: Contract | undefined): void;
  /** A contract was written to its own file: the baseline of one opened from a file advances as a save of the design would. */
  markContractFileSaved(saved: Contract): void;
}

/** A fresh autosave slot name: unique, so two documents never overwrite each other's unsaved work. */
export function newDocumentKey(): string {
  return globalThis.crypto.randomUUID();
}

const noHistory = { past: [], future: [], openCoalesceKey: null, continuedFrom: null, gestureStart: null };

const noDocument = {
  mesh: null,
  file: null,
  name: null,
  recoveredFileName: null,
  olderFileFormat: null,
  documentKey: '',
  savedMesh: null,
  baseline: null,
  fileBasedContractIds: [],
  preparedSteps: null,
  isSavedSinceOpened: false,
  ...noHistory,
};

export const useDocumentStore = create<DocumentState>()((set, get) => {
  const record = (before: Mesh, after: Mesh, coalesceKey: string | null) =>
    set((state) => ({
      mesh: after,
      past: [...state.past.slice(-HISTORY_LIMIT + 1), before],
      future: [],
      openCoalesceKey: coalesceKey,
      continuedFrom: null,
      gestureStart: null,
    }));

  const refuse = () => set((state) => ({ refusedEdits: state.refusedEdits + 1 }));

  // Typing that brings the document back to where it began is no edit: no step to undo, nothing unsaved.
  const joinTyping = (next: Mesh) => {
    const { past, continuedFrom } = get();
    const began = continuedFrom ?? past.at(-1);
    if (!began || !isDeepEqual(next, began)) return set({ mesh: next, future: [] });
    // The step the typing continued stays; the next keystroke joins it still.
    if (continuedFrom) return set({ mesh: continuedFrom, future: [] });
    set({ mesh: began, past: past.slice(0, -1), openCoalesceKey: null });
  };

  return {
    ...noDocument,
    openCount: 0,
    designGeneration: 0,
    isReadOnly: false,
    refusedEdits: 0,
    setReadOnly: (isReadOnly) => set({ isReadOnly }),
    tellPreparedSteps: (prepared) =>
      set((state) => (state.mesh && isPreparedFor(state.mesh, prepared) ? { preparedSteps: prepared } : state)),
    open: (mesh, file, options = {}) =>
      set((state) => ({
        mesh,
        file,
        name: options.name ?? file?.name ?? null,
        recoveredFileName: options.recoveredFileName ?? null,
        olderFileFormat: options.olderFileFormat ?? null,
        documentKey: newDocumentKey(),
        savedMesh: options.isUnsaved ? null : mesh,
        baseline: options.baseline ?? (options.isUnsaved ? null : mesh),
        fileBasedContractIds: [],
        preparedSteps: null,
        isSavedSinceOpened: false,
        openCount: state.openCount + 1,
        designGeneration:
          file && state.file && isSameFile(file, state.file) ? state.designGeneration : state.designGeneration + 1,
        ...noHistory,
      })),
    close: () => set((state) => ({ ...noDocument, designGeneration: state.designGeneration + 1 })),
    placeAsOpened: (recipe) =>
      set((state) => {
        if (!state.mesh) return state;
        const placed = withLayoutsAsStored(recipe(state.mesh), state.mesh);
        return { mesh: placed, savedMesh: state.savedMesh === state.mesh ? placed : state.savedMesh };
      }),
    change: (recipe, options = {}) => {
      const { mesh, gestureStart, openCoalesceKey, isReadOnly } = get();
      if (!mesh) return;
      if (isReadOnly && !options.whileReadOnly) {
        refuse();
        return;
      }
      // The one place every edit passes: no edit may leave a size the file format would refuse, nor a
      // fraction of a pixel, nor a contract naming the domain its product just left.
      const next = withLayoutsAsStored(withContractDomainsFollowing(recipe(mesh), mesh), mesh);
      if (next === mesh || isDeepEqual(next, mesh)) return;
      const coalesceKey = options.coalesceKey ?? null;
      if (gestureStart) set({ mesh: next });
      else if (coalesceKey !== null && coalesceKey === openCoalesceKey) joinTyping(next);
      else record(mesh, next, coalesceKey);
    },
    endTyping: () => set({ openCoalesceKey: null, continuedFrom: null }),
    continueLastStep: (coalesceKey) => {
      const { mesh, past, gestureStart } = get();
      if (mesh && past.length > 0 && !gestureStart) set({ openCoalesceKey: coalesceKey, continuedFrom: mesh });
    },
    cancelTyping: (coalesceKey) => {
      const { past, openCoalesceKey, continuedFrom, gestureStart } = get();
      if (openCoalesceKey !== coalesceKey || gestureStart) return;
      // Typing that continued the step before it goes back to where it began, and the step stays.
      if (continuedFrom) return set({ mesh: continuedFrom, openCoalesceKey: null, continuedFrom: null });
      const before = past.at(-1);
      if (before) set({ mesh: before, past: past.slice(0, -1), openCoalesceKey: null });
    },
    beginGesture: () => {
      const { mesh, gestureStart } = get();
      if (mesh && !gestureStart) set({ gestureStart: mesh, openCoalesceKey: null });
    },
    endGesture: () => {
      const { mesh, gestureStart } = get();
      if (!mesh || !gestureStart) return;
      // A gesture that ended where it began (a refused drop went back) is no step, nor an unsaved change.
      if (isDeepEqual(mesh, gestureStart)) set({ mesh: gestureStart, gestureStart: null });
      // One update, so that subscribers see which gesture the step was recorded from.
      else record(gestureStart, mesh, null);
    },
    cancelGesture: () => {
      const { gestureStart } = get();
      if (gestureStart) set({ mesh: gestureStart, gestureStart: null });
    },
    undo: () => {
      // No gesture runs while read-only: the canvas allows none.
      if (!get().isReadOnly) get().endGesture();
      const { mesh, past, future } = get();
      const previous = past.at(-1);
      if (!mesh || !previous) return;
      if (!mayStepTo(get(), previous)) return refuse();
      set({ mesh: previous, past: past.slice(0, -1), future: [mesh, ...future], openCoalesceKey: null });
    },
    redo: () => {
      if (!get().isReadOnly) get().endGesture();
      const { mesh, past, future } = get();
      const [next, ...rest] = future;
      if (!mesh || !next) return;
      if (!mayStepTo(get(), next)) return refuse();
      set({ mesh: next, past: [...past, mesh], future: rest, openCoalesceKey: null });
    },
    markSaved: (documentKey, file, savedMesh) => {
      if (get().documentKey !== documentKey) return;
      set((state) => ({
        file,
        name: file.name,
        olderFileFormat: null,
        savedMesh,
        baseline: baselineAfterSave(state.baseline, savedMesh),
        isSavedSinceOpened: true,
      }));
    },
    markContractFileOpened: (id, fileContract) =>
      set((state) => ({
        fileBasedContractIds: [...state.fileBasedContractIds.filter((other) => other !== id), id],
        ...(fileContract && { baseline: baselineWithContract(state.baseline, fileContract) }),
      })),
    markContractFileSaved: (saved) =>
      set((state) =>
        state.fileBasedContractIds.includes(saved.id)
          ? { baseline: baselineAfterContractSave(state.baseline, saved) }
          : state,
      ),
  };
});

export const selectIsDirty = (state: DocumentState) => state.mesh !== state.savedMesh;
/** What the window title and the save prompt call the document: "orders.mesh.json", "Recovered …", or the design's name. */
export const selectDocumentName = (state: DocumentState) => state.name ?? state.mesh?.name ?? '';
/** The name Save and Save As offer: the file's own, the file a recovered copy came from, else one made of the design's name. */
export const selectFileNameToOffer = (state: DocumentState, mesh: Mesh) =>
  state.file?.name ?? state.recoveredFileName ?? meshFileName(mesh);
/** Whether undo or redo may bring `other` back now: while read-only (Simulate mode), only across a scenario edit. */
function mayStepTo(state: DocumentState, other: Mesh): boolean {
  return !state.isReadOnly || (state.mesh !== null && changesOnlyScenarios(other, state.mesh));
}

export const selectCanUndo = (state: DocumentState) => {
  const previous = state.past.at(-1);
  return previous !== undefined && mayStepTo(state, previous);
};
export const selectCanRedo = (state: DocumentState) => {
  const next = state.future[0];
  return next !== undefined && mayStepTo(state, next);
};

/**
 * Tells the undo step the document is in from any other: a change that joins it (typing under one
 * coalesceKey, a gesture) keeps the same value; a new step, Undo or Redo gives another.
 */
export const selectUndoStep = (state: DocumentState): readonly Mesh[] => state.past;

/** Whether the document went from `previous` to `state` by Undo or by Redo; undefined for any other change. */
export function historyStepBetween(state: DocumentState, previous: DocumentState): 'undo' | 'redo' | undefined {
  if (!state.mesh || !previous.mesh || state.mesh === previous.mesh) return undefined;
  if (previous.past.at(-1) === state.mesh && state.future[0] === previous.mesh) return 'undo';
  if (previous.future[0] === state.mesh && state.past.at(-1) === previous.mesh) return 'redo';
  return undefined;
}

/** The document the step just recorded starts from, and whether a gesture made it; undefined for any other change. */
export function stepRecordedBetween(
  state: DocumentState,
  previous: DocumentState,
): { from: Mesh; isGesture: boolean } | undefined {
  const from = state.past.at(-1);
  if (!from || from === previous.past.at(-1) || historyStepBetween(state, previous)) return undefined;
  if (from === previous.gestureStart) return { from, isGesture: true };
  return from === previous.mesh ? { from, isGesture: false } : undefined;
}

/** Applies a change to the open document: the one way every edit reaches it. */
export function changeMesh(recipe: (mesh: Mesh) => Mesh, options?: ChangeOptions): void {
  useDocumentStore.getState().change(recipe, options);
}

/** The open document, for commands that read before they change; null before anything is opened. */
export function currentMesh(): Mesh | null {
  return useDocumentStore.getState().mesh;
}
