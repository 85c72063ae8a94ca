import { MAX_CONTRACT_FILE_LENGTH } from '../../shared/contracts';

/** The contract drafts of a recovery copy that can be restored, and why each of the others cannot. */
export interface RecoveredContractDrafts {
  textById: Record<string, string>;
  problems: string[];
}

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

/**
 * Reads the drafts an autosave copy kept, as storage may hold anything (an older or damaged
 * copy): a draft that is not text, or is larger than a contract may be, is left out and named.
 */
export function readRecoveredContractDrafts(kept: unknown): RecoveredContractDrafts {
  if (kept === undefined) return { textById: {}, problems: [] };
  if (typeof kept !== 'object' || kept === null || Array.isArray(kept)) {
    return { textById: {}, problems: [`contract drafts: not contract texts by id but ${kindOf(kept)}`] };
  }
  const textById: Record<string, string> = {};
  const problems: string[] = [];
  for (const [id, text] of Object.entries(kept)) {
    if (typeof text !== 'string') problems.push(`contract draft '${id}': not text but ${kindOf(text)}`);
    // Checking a larger text as YAML would hold the window up; no contract file may be larger either.
    else if (text.length > MAX_CONTRACT_FILE_LENGTH) {
      problems.push(
        `contract draft '${id}': larger than ${MAX_CONTRACT_FILE_LENGTH / 1024 / 1024} MB, the most a contract may be`,
      );
    } else textById[id] = text;
  }
  return { textById, problems };
}
