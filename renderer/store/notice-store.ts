import { create } from 'zustand';

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

interface NoticeState {
  notice: Notice | null;
  show(notice: Notice): void;
  dismiss(): void;
}

/** The one place the app tells the user what happened (status bar), so no failure is silent. */
export const useNoticeStore = create<NoticeState>()((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
  dismiss: () => set({ notice: null }),
}));
