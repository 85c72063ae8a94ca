import { escapeRegExp } from '../../model/escape-reg-exp';
import { pathSegments } from '../../model/problem';
import { readOdcsDocument } from '../contract-edits';
import type { LocatedFinding } from '../finding';
import { isJsonObject } from '../odcs-document';
import { DOCUMENT_START, type TextRange } from '../yaml-source';
import { type ImportFormat, rangeAt, referenceableName } from './imported-schema';

/**
 * The semantic findings of a contract made from a schema file, each at the table, record,
 * message or field it is about in that file, and named as the import's notes are
 * (`Shipment.probe`): the user fixes the file, not the contract it became. The place is found
 * by name, each name searched after its parent's (a field inside its table); a finding whose
 * names the file does not write as expected stays at the deepest one found, or the file's start.
 */
export function findingsInSource(
  findings: readonly LocatedFinding[],
  contractText: string,
  format: ImportFormat,
  sourceText: string,
): LocatedFinding[] {
  const document = readOdcsDocument(contractText) ?? {};
  return findings.map((finding) => {
    const names = namesAlong(document, pathSegments(finding.path));
    const { repair: _contractEdit, ...placed } = finding;
    return {
      ...placed,
      path: names.length > 0 ? names.join('.') : finding.path,
      ...placeOf(names, format, sourceText),
    };
  });
}

/** The names of the schema object and the properties a document path goes through (`schema[0].properties[4]` → `Shipment`, `probe`). */
function namesAlong(document: unknown, path: readonly (string | number)[]): string[] {
  const names: string[] = [];
  let node = document;
  for (const [index, segment] of path.entries()) {
    node = isJsonObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[segment] : undefined;
    const isNamedEntry = typeof segment === 'number' && ['schema', 'properties'].includes(String(path[index - 1]));
    if (isNamedEntry && isJsonObject(node) && typeof node.name === 'string') names.push(node.name);
  }
  return names;
}

/** Where a name is written in the source. */
interface Declaration {
  offset: number;
  length: number;
}

function placeOf(names: readonly string[], format: ImportFormat, text: string): TextRange {
  let place: TextRange = DOCUMENT_START;
  let from = 0;
  for (const name of names) {
    const found = declarationOf(name, format, text, from);
    if (!found) break;
    place = rangeAt(text, found.offset, found.length);
    from = found.offset + found.length;
  }
  return place;
}

/** Where `name` is declared at or after `from`: a JSON Schema's property key, an Avro `"name"`, a SQL or Protobuf word. */
function declarationOf(name: string, format: ImportFormat, text: string, from: number): Declaration | undefined {
  const quoted = escapeRegExp(JSON.stringify(name));
  const word = `(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`;
  const patterns = {
    'json-schema': [`${quoted}(?=\\s*:)`, quoted],
    avro: [`(?<="name"\\s*:\\s*)${quoted}`, quoted],
    sql: [word],
    protobuf: [word],
    'mermaid-er': [`${word}(?=${ER_BLOCK_AFTER_NAME})`, word],
  }[format];
  for (const pattern of patterns) {
    // Unquoted SQL names are read in any case.
    const expression = new RegExp(pattern, format === 'sql' ? 'giu' : 'gu');
    expression.lastIndex = from;
    const match = expression.exec(text);
    if (match) return { offset: match.index, length: match[0].length };
  }
  if (format !== 'mermaid-er') return renamedDeclarationOf(name, text, from, NO_WORD);
  return (
    renamedDeclarationOf(name, text, from, `${MERMAID_ER_WORD}(?=${ER_BLOCK_AFTER_NAME})`) ??
    renamedDeclarationOf(name, text, from, MERMAID_ER_WORD)
  );
}

/**
 * What follows an entity's name where its block declares it (`READING {`, `a["Customer Account"]:::hot {`):
 * its attributes are searched after that, not after a relationship line naming it first.
 */
const ER_BLOCK_AFTER_NAME = String.raw`(?:\[[^\]\n]*\])?(?::::[\w-]+(?:\s*,\s*[\w-]+)*)?\s*\{`;

/** A word Mermaid takes as an entity's name unquoted, which may hold a `-` a contract cannot refer to (`LINE-ITEM`). */
const MERMAID_ER_WORD = String.raw`(?<![\p{L}\p{N}_-])([\p{L}\p{N}_][\p{L}\p{N}_-]*)`;
const NO_WORD = '(?!)';

/**
 * A quoted or bracketed name the import made `name` of, as one a contract can refer to
 * (`"Customer Account"` → `customer_account`), or a word of the format's (`LINE-ITEM` → `line_item`).
 */
function renamedDeclarationOf(name: string, text: string, from: number, word: string): Declaration | undefined {
  const written = new RegExp(String.raw`"([^"\n]+)"|\[([^\]"\n]+)\]|${word}`, 'gu');
  written.lastIndex = from;
  for (let match = written.exec(text); match; match = written.exec(text)) {
    const source = match[1] ?? match[2] ?? match[3] ?? '';
    if (referenceableName(source) === name) return { offset: match.index, length: match[0].length };
  }
  return undefined;
}
