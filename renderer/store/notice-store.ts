import { create } from 'zustand';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** Extra lines, e.g. each located problem of a file that failed to open. */
  details?: string[];
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
