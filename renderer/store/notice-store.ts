import { create } from 'zustand';
import { currentMesh, useDocumentStore } from './document-store';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** Extra lines, e.g. each located problem of a file that failed to open. */
  details?: string[];
  /** Buttons that act on what the notice says ("Undo", "Reload"); a click also dismisses it. */
  actions?: NoticeAction[];
}

export interface NoticeAction {
  label: string;
  run(): void;
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
  /** Shows a notice; returns its id. */
  show(notice: Notice): number;
  dismiss(): void;
  /** Takes the buttons off a notice whose actions no longer apply, wherever it is listed. */
  retireActions(id: number): void;
  clearHistory(): void;
}

let nextId = 1;

/** The one place the app tells the user what happened (status bar), so no failure is silent. */
export const useNoticeStore = create<NoticeState>()((set) => ({
  notice: null,
  history: [],
  show: (notice) => {
    const listed = { ...notice, id: nextId++, shownAt: new Date() };
    set((state) => ({ notice: listed, history: [listed, ...state.history].slice(0, KEPT_NOTICES) }));
    return listed.id;
  },
  dismiss: () => set({ notice: null }),
  retireActions: (id) =>
    set((state) => {
      const retired = (notice: ListedNotice): ListedNotice => {
        if (notice.id !== id) return notice;
        const { actions: _retired, ...rest } = notice;
        return rest;
      };
      return { notice: state.notice && retired(state.notice), history: state.history.map(retired) };
    }),
  clearHistory: () => set({ history: [] }),
}));

/**
 * Tells the user what an edit just did (what went with it), with Undo for that edit only: after
 * another edit (or an undo), Undo would take back something else, so the button goes.
 */
export function announceEdit(text: string): void {
  const after = currentMesh();
  const id = useNoticeStore.getState().show({
    tone: 'info',
    text,
    actions: [{ label: 'Undo', run: () => useDocumentStore.getState().undo() }],
  });
  const stopWatching = useDocumentStore.subscribe((state) => {
    if (state.mesh === after) return;
    stopWatching();
    useNoticeStore.getState().retireActions(id);
  });
}
