import { emptyFileMessage, isEmptyFile } from './empty-file';
import { jsonBreakReason, jsonSyntaxErrorOffset, lineAndColumn } from './json-syntax-error';
import type { Problem } from './problem';

/**
 * Why a file given as a design is not one, in words that say where and what to do: the line and
 * column where its JSON breaks, an empty file, a merge left unresolved, an ODCS contract opened as a design.
 */

export const ODCS_CONTRACT_GIVEN_AS_DESIGN: Problem = {
  path: '(document)',
  // The browser has no File menu: name the Contracts list's button, which every host has.
  message:
    'this is an ODCS data contract, not a mesh design: add it to a design with Import… in the Contracts list (File › Import Contracts… in the desktop app)',
};

/** The file is an ODCS contract, not a design: a host may read it as a contract, or say in its own words how to add it to one. */
export function isContractGivenAsDesign(problems: readonly Problem[]): boolean {
  return problems.length === 1 && problems[0] === ODCS_CONTRACT_GIVEN_AS_DESIGN;
}

// Indented too: an editor's auto-indent or a re-indented resolution can leave the first marker indented.
const CONFLICT_MARKER = /^[ \t]*(<{7}|={7}|>{7})(?: |$)/m;
const ODCS_YAML = /^kind:[ \t]*["']?DataContract["']?[ \t]*$/m;

/** An ODCS contract as parsed JSON (ODCS may be written as JSON too): it names its kind and has no schemaVersion. */
export function isOdcsContractDocument(json: unknown): boolean {
  const document = json as { kind?: unknown; schemaVersion?: unknown } | null;
  return typeof document === 'object' && document?.kind === 'DataContract' && !('schemaVersion' in document);
}

/** The problem with `text`, which JSON.parse refused with `error`. */
export function diagnoseInvalidJson(text: string, error: Error): Problem {
  if (isEmptyFile(text)) return { path: '(document)', message: emptyFileMessage('design') };
  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    return {
      path: '(document)',
      message: `unresolved merge conflict markers at line ${lineAndColumn(text, conflict.index).line} (${conflict[1]}): resolve the conflict, then open the file again`,
    };
  }
  if (ODCS_YAML.test(text)) return ODCS_CONTRACT_GIVEN_AS_DESIGN;
  const offset = jsonSyntaxErrorOffset(text);
  const message = `not valid JSON: ${jsonBreakReason(text, offset, error.message)}`;
  return offset === null
    ? { path: '(document)', message }
    : { path: '(document)', message, at: lineAndColumn(text, offset) };
}
