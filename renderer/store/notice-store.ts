import { create } from 'zustand';
import { describeChange } from '../../shared/editing/change-summary';
import type { Mesh } from '../../shared/model';
import { currentMesh, historyStepBetween, useDocumentStore } from './document-store';
import { type Selection, useSelectionStore } from './selection-store';
import { hasUserInputSince, userInputMark } from './user-input';
import { whenPointerReleased } from './when-pointer-released';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** Extra lines, e.g. each located problem of a file that failed to open. */
  details?: string[];
  /** Buttons that act on what the notice says ("Undo", "Reload"); a click also dismisses it. */
  actions?: NoticeAction[];
  /**
   * A hint or refusal about what the user just tried (a name kept, a command that needs a
   * selection): it goes at their next edit, undo or redo, selection change or mode switch, where it
   * would no longer apply. Other notices (what an edit did, what was undone, the file) stay until
   * another replaces them.
   */
  isMomentary?: boolean;
  /** What the notice is news of ('autosave'): one on the same subject replaces an error in view, as news that it is over. */
  subject?: string;
  /** For a notice of what an edit did (or Undo or Redo): the design as it left it. The next other edit takes the notice away. */
  editedDesign?: Mesh;
}

export interface NoticeAction {
  label: string;
  run(): void;
  /** Whether the button applies to the design as it is now; shown only then. Always, when absent. */
  appliesTo?(mesh: Mesh | null): boolean;
}

/** A notice as kept in the list, with when it was shown. */
export interface ListedNotice extends Notice {
  id: number;
  shownAt: Date;
}

const KEPT_NOTICES = 50;

/** How a notice that comes late is shown. */
export interface ShowOptions {
  /**
   * A mark from `noticesToldMark()` taken when what the notice tells of began (a background task):
   * a notice told since then, of what the user did meanwhile, stays in view; this one is only listed.
   */
  unlessToldSince?: number;
}

interface NoticeState {
  notice: ListedNotice | null;
  /** Everything told since the app started, newest first, so nothing cut short or replaced is lost. */
  history: ListedNotice[];
  show(notice: Notice, options?: ShowOptions): void;
  dismiss(): void;
  clearHistory(): void;
}

let nextId = 1;

/** Where the notices told so far end: a later notice's `unlessToldSince`. */
export function noticesToldMark(): number {
  return nextId;
}

/** The user's input count when the notice in view was shown. */
let inputMarkOfShown = userInputMark();

/**
 * Whether an error in view stays there when `next` is told: until the user presses a key or a
 * pointer after it, only another error replaces it. A later notice (a layout finished in the
 * background, an export done) would otherwise take a failure away unseen.
 */
export function keepsErrorInView(shown: Notice | null, next: Notice, hasUserActedSince: boolean): boolean {
  const isNewsOfSameSubject = next.subject !== undefined && next.subject === shown?.subject;
  return shown?.tone === 'error' && next.tone !== 'error' && !hasUserActedSince && !isNewsOfSameSubject;
}

/** The one place the app tells the user what happened (status bar), so no failure is silent. */
export const useNoticeStore = create<NoticeState>()((set, get) => ({
  notice: null,
  history: [],
  show: (notice, { unlessToldSince } = {}) => {
    const isToldOver = unlessToldSince !== undefined && nextId > unlessToldSince;
    const listed = { ...notice, id: nextId++, shownAt: new Date() };
    // Listed either way, so that a notice kept out of view by an error or a newer notice is still there to read.
    const isShown = !isToldOver && !keepsErrorInView(get().notice, notice, hasUserInputSince(inputMarkOfShown));
    set((state) => ({
      notice: isShown ? listed : state.notice,
      history: [listed, ...state.history].slice(0, KEPT_NOTICES),
    }));
    if (!isShown) return;
    inputMarkOfShown = userInputMark();
    if (notice.isMomentary) goOnceUserMovesOn(listed.id);
  },
  dismiss: () => set({ notice: null }),
  clearHistory: () => set({ history: [] }),
}));

/** The momentary notice the user's next change takes away, once the press or key that led to it is over. */
let momentaryNoticeId: number | null = null;

function goOnceUserMovesOn(noticeId: number): void {
  momentaryNoticeId = null;
  const arm = () => {
    if (useNoticeStore.getState().notice?.id === noticeId) momentaryNoticeId = noticeId;
  };
  // The click that left a refused field may select or switch mode: it is what the notice is about,
  // not a move past it. A click is dispatched in the task of its release, so this runs after it.
  whenPointerReleased(() => setTimeout(arm, 0));
  // A key pressed after the notice showed is a move past it, even one that comes before that timer.
  if (typeof window !== 'undefined') window.addEventListener('keydown', arm, { capture: true, once: true });
}

function dismissMomentary(): void {
  if (momentaryNoticeId === null) return;
  if (useNoticeStore.getState().notice?.id === momentaryNoticeId) useNoticeStore.getState().dismiss();
  momentaryNoticeId = null;
}

useDocumentStore.subscribe((state, previous) => {
  if (state.mesh !== previous.mesh || state.isReadOnly !== previous.isReadOnly) dismissMomentary();
});

// What an edit did stops being news at the next edit (whose undo it would no longer name), except
// typing that joins that very step: the notice follows it.
useDocumentStore.subscribe((state, previous) => {
  const shown = useNoticeStore.getState().notice;
  if (!shown?.editedDesign || !state.mesh || state.mesh === shown.editedDesign || state.mesh === previous.mesh) return;
  const isSameStep = state.past === previous.past && !state.gestureStart && previous.mesh === shown.editedDesign;
  if (isSameStep) useNoticeStore.setState({ notice: { ...shown, editedDesign: state.mesh } });
  else useNoticeStore.getState().dismiss();
});

useSelectionStore.subscribe((state, previous) => {
  if (!isSameSelection(state, previous)) dismissMomentary();
});

function isSameSelection(one: Selection, other: Selection): boolean {
  const isSameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
    a.size === b.size && [...a].every((id) => b.has(id));
  return isSameSet(one.nodeIds, other.nodeIds) && isSameSet(one.linkIds, other.linkIds);
}

// What the status bar says is about the open design: another one replaces it (it stays listed).
useDocumentStore.subscribe((state, previous) => {
  const isReplaced = state.openCount !== previous.openCount || (state.mesh === null && previous.mesh !== null);
  if (isReplaced) useNoticeStore.getState().dismiss();
});

/** What a told edit said, and how to tell of it again. */
interface ToldEdit {
  text: string;
  describe?: DescribeEdit;
  /** Its notice's further lines (what an import skipped), shown again by its redo. */
  details?: string[];
  /** An edit that went only in part (an import of which some files failed) is told as an error, and so is its redo. */
  tone?: Notice['tone'];
}

/**
 * The words of each told edit, by the design as that edit left it: every step in the history
 * keeps its own, so undoing several in a row names each (a design no step holds any more is dropped).
 */
const toldEdits = new WeakMap<Mesh, ToldEdit>();

/** Tells of an edit from the design it left, so that words naming what it made follow a first name typed into its step. */
export type DescribeEdit = (after: Mesh) => string;

// Undo and Redo say what they took back or brought back, in place of whatever the status line
// said: an edit told of by its own notice by that notice's words (redoing it tells of it again,
// as redone, with its Undo), any other by what it changed.
useDocumentStore.subscribe((state, previous) => {
  const { mesh } = state;
  if (!mesh || !previous.mesh || mesh === previous.mesh) return;
  const step = historyStepBetween(state, previous);
  if (step === 'undo') {
    const text = toldEdits.get(previous.mesh)?.text ?? describeChange(mesh, previous.mesh);
    useNoticeStore.getState().show({ tone: 'info', text: `Undone: ${text}`, editedDesign: mesh });
  } else if (step === 'redo') {
    const told = toldEdits.get(mesh);
    if (told) showWithUndo(`Redone: ${told.text}`, told.details, told.tone);
    else
      useNoticeStore
        .getState()
        .show({ tone: 'info', text: `Redone: ${describeChange(previous.mesh, mesh)}`, editedDesign: mesh });
  }
});

/**
 * Tells the user what an edit just did (what went with it), with Undo for that edit only: after
 * another change, Undo would take back that one instead, so the button shows only while the
 * design is as the edit left it.
 */
export function announceEdit(text: string, { describe, details, tone }: Omit<ToldEdit, 'text'> = {}): void {
  const after = showWithUndo(text, details, tone);
  if (after)
    toldEdits.set(after, { text, ...(describe && { describe }), ...(details && { details }), ...(tone && { tone }) });
}

/** Makes an edit and, where it changed the design, tells what it did (see `announceEdit`); returns what the edit does. */
export function withEditAnnounced<T>(edit: () => T, describe: (before: Mesh, after: Mesh) => string): T {
  const before = currentMesh();
  const result = edit();
  const after = currentMesh();
  if (before && after && after !== before) announceEdit(describe(before, after));
  return result;
}

/** Shows what the design as it is now was left by, with Undo for that; returns that design. */
function showWithUndo(text: string, details?: string[], tone: Notice['tone'] = 'info'): Mesh | null {
  const after = currentMesh();
  useNoticeStore.getState().show({
    tone,
    text,
    ...(details && details.length > 0 && { details }),
    actions: [undoWhileAsLeft(after)],
    ...(after && { editedDesign: after }),
  });
  return after;
}

function undoWhileAsLeft(after: Mesh | null): NoticeAction {
  const isAsLeft = (mesh: Mesh | null) => mesh === after;
  return {
    label: 'Undo',
    appliesTo: isAsLeft,
    run: () => isAsLeft(currentMesh()) && useDocumentStore.getState().undo(),
  };
}

// Typing that joins the announced step (the first name of the domain Ctrl+G made) changes what the
// step did: its notice, in place, names it as it is now, and its Undo and `Undone:` stay with it.
useDocumentStore.subscribe((state, previous) => {
  const told = previous.mesh && toldEdits.get(previous.mesh);
  const isContinued = state.past === previous.past && state.mesh !== previous.mesh;
  if (!told?.describe || !state.mesh || !isContinued) return;
  const text = told.describe(state.mesh);
  const shown = useNoticeStore.getState().notice;
  if (shown?.text === told.text) {
    const updated = { ...shown, text, actions: [undoWhileAsLeft(state.mesh)], editedDesign: state.mesh };
    useNoticeStore.setState(({ history }) => ({
      notice: updated,
      history: history.map((listed) => (listed.id === updated.id ? updated : listed)),
    }));
  }
  toldEdits.set(state.mesh, { ...told, text });
});
