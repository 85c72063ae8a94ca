import { create } from 'zustand';
import type { LocatedFinding } from '../../shared/contracts/finding';
import { readYamlSource } from '../../shared/contracts/yaml-source';
import type { ImportRefusal } from '../../shared/export';
import { formatProblem } from '../../shared/model';

interface JoinClash {
  text: string;
  findings: LocatedFinding[];
}

interface DraftJoinClashesState {
  /** Per opened draft, the valid text that could not join the design, and why. */
  clashById: Record<string, JoinClash>;
  setClash(id: string, text: string, findings: LocatedFinding[]): void;
}

/**
 * Why the text of a contract opened from a file, valid now, stays a draft: with it, the design
 * would no longer export. Said only of the very text that was refused, so a later edit drops it.
 */
export const useDraftJoinClashes = create<DraftJoinClashesState>()((set) => ({
  clashById: {},
  setClash: (id, text, findings) => set((state) => ({ clashById: { ...state.clashById, [id]: { text, findings } } })),
}));

const NO_CLASHES: LocatedFinding[] = [];

/** What kept `text`, contract `id`'s draft, out of the design, if it was refused. */
export function joinClashesOf(id: string, text: string): LocatedFinding[] {
  const clash = useDraftJoinClashes.getState().clashById[id];
  return clash?.text === text ? clash.findings : NO_CLASHES;
}

export function useJoinClashes(id: string, text: string | undefined): LocatedFinding[] {
  return useDraftJoinClashes((state) => {
    const clash = state.clashById[id];
    return clash !== undefined && clash.text === text ? clash.findings : NO_CLASHES;
  });
}

/** A refused join as the draft's problems, at its `dataProduct` (where it is served), each with what to do. */
export function joinClashFindings(text: string, refusal: ImportRefusal): LocatedFinding[] {
  const place = readYamlSource(text).locate(['dataProduct']);
  return refusal.problems.map((problem) => ({
    ...place,
    path: 'dataProduct',
    severity: 'error',
    message: `it cannot join the design, which would then no longer export: ${formatProblem(problem)}; rename the table, or serve the contract from another product`,
  }));
}
