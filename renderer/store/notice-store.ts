import { create } from 'zustand';
import type { Mesh } from '../../shared/model';
import { currentMesh, useDocumentStore } from './document-store';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** Extra lines, e.g. each located problem of a file that failed to open. */
  details?: string[];
  /**
   * The document an edit announced here left behind: the notice offers Undo while it is still
   * what is open (one more edit, and Undo would take back something else).
   */
  undoes?: Mesh;
}

/** A notice as kept in the list, with when it was shown. */
export interface ListedNotice extends Notice {
  id: number;
  shownAt: Date;
}

const KEPT_NOTICES = 50;

interface NoticeState {
  notice: ListedNotice | null;
  /** Everything told since the app started, newest first, so nothing cut short or replaced is lost. */
  history: ListedNotice[];
  show(notice: Notice): void;
  dismiss(): void;
  clearHistory(): void;
}

let nextId = 1;

/** The one place the app tells the user what happened (status bar), so no failure is silent. */
export const useNoticeStore = create<NoticeState>()((set) => ({
  notice: null,
  history: [],
  show: (notice) =>
    set((state) => {
      const listed = { ...notice, id: nextId++, shownAt: new Date() };
      return { notice: listed, history: [listed, ...state.history].slice(0, KEPT_NOTICES) };
    }),
  dismiss: () => set({ notice: null }),
  clearHistory: () => set({ history: [] }),
}));

/** Tells the user what an edit just did beyond what they asked for (a cascade), with Undo. */
export function announceEdit(text: string): void {
  const mesh = currentMesh();
  useNoticeStore.getState().show({ tone: 'info', text, ...(mesh && { undoes: mesh }) });
}

/** Whether a notice's Undo still takes back the edit it announced. */
export function canUndoNotice(notice: Notice, mesh: Mesh | null): boolean {
  return notice.undoes !== undefined && notice.undoes === mesh;
}

export function undoNotice(notice: Notice): void {
  const store = useDocumentStore.getState();
  if (!canUndoNotice(notice, store.mesh)) return;
  store.undo();
  useNoticeStore.getState().dismiss();
}
