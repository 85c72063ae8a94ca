import { useMemo } from 'react';
import { create } from 'zustand';
import { checkContractYaml, type LocatedFinding } from '../../shared/contracts';
import { readableContractName } from '../../shared/contracts/readable-contract-id';
import { copyText } from '../diagrams/copy-to-clipboard';
import { useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { designClassificationLevels } from './design-classification-levels';
import { joinClashesOf, useJoinClashes } from './draft-join-clashes';

interface DraftsState {
  /** Text of a contract that does not read as a valid contract: kept here, never in the document. */
  textById: Record<string, string>;
  setDraft(id: string, text: string): void;
  clearDraft(id: string): void;
  /** Sets every draft at once: those of a restored copy, in place of any left. */
  replaceDrafts(textById: Readonly<Record<string, string>>): void;
}

/**
 * Invalid drafts of contracts (from the YAML editor or the form), with their problems shown
 * where they were typed. The document keeps the last valid text until the draft is fixed.
 */
export const useContractDrafts = create<DraftsState>()((set) => ({
  textById: {},
  setDraft: (id, text) =>
    set((state) => (state.textById[id] === text ? state : { textById: { ...state.textById, [id]: text } })),
  clearDraft: (id) =>
    set((state) => {
      if (!(id in state.textById)) return state;
      const { [id]: _cleared, ...textById } = state.textById;
      return { textById };
    }),
  replaceDrafts: (textById) => set({ textById: { ...textById } }),
}));

/** The text the editors show for a contract: its draft, or what the document holds. */
export function contractTextOf(id: string): string | undefined {
  return (
    useContractDrafts.getState().textById[id] ??
    useDocumentStore.getState().mesh?.contracts.find((contract) => contract.id === id)?.odcs
  );
}

/**
 * What to call a contract: its name in the design, or for a draft never in it (opened from a
 * file with problems) the name its text gives, else its id.
 */
export function contractNameOf(id: string): string {
  const designName = useDocumentStore.getState().mesh?.contracts.find((contract) => contract.id === id)?.name;
  return designName ?? draftNameOf(id, useContractDrafts.getState().textById[id]);
}

function draftNameOf(id: string, draft: string | undefined): string {
  return (draft === undefined ? undefined : readableContractName(draft)) ?? id;
}

export function useContractName(id: string): string {
  const designName = useDocumentStore((state) => state.mesh?.contracts.find((contract) => contract.id === id)?.name);
  // Only a draft never in the design is read for its name; reading it costs a parse.
  const draft = useContractDrafts((state) => (designName === undefined ? state.textById[id] : undefined));
  const draftName = useMemo(() => draftNameOf(id, draft), [id, draft]);
  return designName ?? draftName;
}

/** Names of the contracts holding text with problems that was never applied: work that leaving the design loses. */
export function unappliedDraftNames(): string[] {
  return Object.keys(useContractDrafts.getState().textById).map(contractNameOf);
}

export function useContractText(id: string): string | undefined {
  const draft = useContractDrafts((state) => state.textById[id]);
  const saved = useDocumentStore((state) => state.mesh?.contracts.find((contract) => contract.id === id)?.odcs);
  return draft ?? saved;
}

export function useHasDraft(id: string): boolean {
  return useContractDrafts((state) => id in state.textById);
}

const NO_FINDINGS: LocatedFinding[] = [];

/** How many errors keep the shown draft out of the design; undefined when the design holds what is shown. */
export function useDraftErrorCount(id: string): number | undefined {
  const hasDraft = useHasDraft(id);
  const findings = useContractFindings(id);
  return hasDraft ? findings.filter((finding) => finding.severity === 'error').length : undefined;
}

/** What the shown text has to say: syntax, schema and semantic findings, and a changed id, at their lines. */
export function useContractFindings(id: string): LocatedFinding[] {
  const text = useContractText(id);
  const clashes = useJoinClashes(id, text);
  return useMemo(
    () => (text === undefined ? NO_FINDINGS : withJoinClashes(checkedFindingsOf(id, text), clashes)),
    [text, id, clashes],
  );
}

/**
 * The last check of each contract's text: the YAML view, the form, the sync badge and the change
 * list all ask about the same text, and checking a 2 MB contract takes a noticeable moment.
 */
const lastCheckById = new Map<
  string,
  { text: string; levels: readonly string[] | undefined; findings: LocatedFinding[] }
>();

/** What the checks say about `text` as contract `id`'s, and why it could not join the design, if it was refused. */
export function contractFindingsOf(id: string, text: string): LocatedFinding[] {
  return withJoinClashes(checkedFindingsOf(id, text), joinClashesOf(id, text));
}

function withJoinClashes(findings: LocatedFinding[], clashes: readonly LocatedFinding[]): LocatedFinding[] {
  return clashes.length === 0 ? findings : [...findings, ...clashes];
}

/** What the checks say about `text` as contract `id`'s, checked once for as long as the text and the design's classification words stay. */
function checkedFindingsOf(id: string, text: string): LocatedFinding[] {
  const last = lastCheckById.get(id);
  const levels = designClassificationLevels();
  if (last?.text === text && last.levels === levels) return last.findings;
  const findings = checkContractYaml(text, id, levels);
  lastCheckById.set(id, { text, levels, findings });
  return findings;
}

// A contract changed in the document by anything but its draft (undo, the inspector, an
// import) replaces the draft: the editors show what the design now holds. A contract gone
// from the design takes its draft along, and says so, with the text to copy. Another design
// opened, or the design closed, takes every draft along without a word, even that of a
// contract it holds as it was: the user agreed to discard them before leaving (a restored
// copy brings its own drafts after it opens).
useDocumentStore.subscribe((state, previous) => {
  if (state.mesh === previous.mesh) return;
  const drafts = useContractDrafts.getState();
  if (state.documentKey !== previous.documentKey) {
    if (Object.keys(drafts.textById).length > 0) drafts.replaceDrafts({});
    return;
  }
  for (const [id, text] of Object.entries(drafts.textById)) {
    const now = state.mesh?.contracts.find((contract) => contract.id === id);
    const before = previous.mesh?.contracts.find((contract) => contract.id === id);
    if (now?.odcs === before?.odcs) continue;
    drafts.clearDraft(id);
    if (!now) tellDraftDropped(before?.name ?? id, text);
  }
});

function tellDraftDropped(name: string, text: string): void {
  useNoticeStore.getState().show({
    tone: 'error',
    text: `'${name}' is no longer in the design, so its text with problems, never applied, is gone with it.`,
    actions: [{ label: 'Copy that text', run: () => void copyText(text) }],
  });
}
