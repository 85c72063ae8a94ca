import { useEffect } from 'react';
import { formatProblem, serializeMeshFile } from '../../shared/model';
import { useContractDrafts } from '../contracts/contract-drafts';
import type { AutosaveSlot, Host } from '../host/host';
import { type DocumentState, selectDocumentName, selectIsDirty, useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { type Autosaver, createAutosaver, type Timers } from './autosaver';

let running: Autosaver | null = null;

/**
 * The running autosave, for the flows that must flush it (closing, reloading), discard a slot
 * (Don't Save) or carry on from a restored one.
 */
export const autosave = {
  flush: (): Promise<void> => running?.flush() ?? Promise.resolve(),
  discard: (key: string): Promise<void> => running?.discard(key) ?? Promise.resolve(),
  carryOn: (key: string, formerKey: string): void => running?.carryOn(key, formerKey),
};

/** Unsaved changes, or contract text with problems: never applied, so in no file either. */
function hasWorkToKeep(state: DocumentState): boolean {
  return selectIsDirty(state) || Object.keys(useContractDrafts.getState().textById).length > 0;
}

/** Document `key` as its autosave slot, with its contract drafts; null once it is saved or replaced. */
function slotOf(key: string): AutosaveSlot | null {
  const state = useDocumentStore.getState();
  if (state.documentKey !== key || !state.mesh || !hasWorkToKeep(state)) return null;
  const serialized = serializeMeshFile(state.mesh);
  if (!serialized.ok) throw new Error(serialized.errors.map(formatProblem).join('; '));
  const contractDrafts = useContractDrafts.getState().textById;
  const baseline = state.baseline && serializeMeshFile(state.baseline);
  return {
    key,
    name: selectDocumentName(state),
    savedAt: new Date().toISOString(),
    text: serialized.value,
    ...(Object.keys(contractDrafts).length > 0 && { contractDrafts }),
    ...(baseline?.ok && { baselineText: baseline.value }),
  };
}

const isSameDocumentState = (state: DocumentState, previous: DocumentState) =>
  state.mesh === previous.mesh && state.savedMesh === previous.savedMesh && state.documentKey === previous.documentKey;

/** The subject of autosave's notices: its recovery replaces its failure in the status bar. */
const AUTOSAVE = 'autosave';

/**
 * Keeps a copy of each document's unsaved work in its own slot, and drops it once the work is
 * saved. Returns the stop function, which writes what is still pending.
 */
export function startAutosave(host: Host, timers?: Timers): () => void {
  const notify = useNoticeStore.getState().show;
  const autosaver = createAutosaver({
    write: (slot) => host.autosave(slot),
    remove: (key) => host.clearAutosave(key),
    onFailure: (reason) =>
      notify({
        tone: 'error',
        text: `Autosave failed: ${reason}. Your unsaved changes are only in this window: save them to a file.`,
        subject: AUTOSAVE,
      }),
    onRecovery: () => notify({ tone: 'info', text: 'Autosave works again.', subject: AUTOSAVE }),
    ...(timers ? { timers } : {}),
  });
  running = autosaver;
  // Whether the document last seen had work to keep: once it has none, its copy goes.
  let last = { key: useDocumentStore.getState().documentKey, hadWork: hasWorkToKeep(useDocumentStore.getState()) };
  const keepUnsavedWork = () => {
    const state = useDocumentStore.getState();
    if (!state.mesh) return;
    const key = state.documentKey;
    const hasWork = hasWorkToKeep(state);
    if (hasWork) autosaver.schedule(key, () => slotOf(key));
    else if (last.key === key && last.hadWork) void autosaver.discard(key);
    last = { key, hadWork: hasWork };
  };
  const stopDocument = useDocumentStore.subscribe((state, previous) => {
    if (!isSameDocumentState(state, previous)) keepUnsavedWork();
  });
  const stopDrafts = useContractDrafts.subscribe((state, previous) => {
    if (state.textById !== previous.textById) keepUnsavedWork();
  });
  return () => {
    stopDocument();
    stopDrafts();
    void autosaver.flush();
    if (running === autosaver) running = null;
  };
}

export function useAutosave(host: Host): void {
  useEffect(() => startAutosave(host), [host]);
}
