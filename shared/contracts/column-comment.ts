import type { ContractProperty } from '../model/contract';
import { fieldsAtEveryDepth } from './nested-fields';

const CLASSIFIED = /^(?:(?<description>[\s\S]*) \()?classification: (?<classification>[^()\n]+?)\)?$/;
const NESTED_CLASSIFIED = /^(?:(?<rest>[\s\S]*) \()?nested classifications: (?<entries>[^()\n]+?)\)?$/;
const ENTRY_SEPARATOR = '; ';
const PATH_SEPARATOR = ': ';

/** A field nested in a column (`wind.speed_ms`, `gusts[].code`, named from the column) and its classification. */
export interface NestedClassification {
  path: string;
  classification: string;
}

export interface ColumnComment extends Pick<ContractProperty, 'description' | 'classification'> {
  nestedClassifications?: NestedClassification[];
}

/** The classified fields a column holds below it (a jsonb object's properties, an array's items), named from the column. */
export function nestedClassificationsOf(property: ContractProperty): NestedClassification[] {
  return fieldsAtEveryDepth([property])
    .slice(1)
    .flatMap(({ path, property: { classification } }) =>
      classification?.trim() ? [{ path, classification: classification.trim() }] : [],
    );
}

/**
 * A column's comment in SQL as the export writes it: its description, then its classification
 * (`Date of birth (classification: restricted)`, or `classification: restricted` alone), then
 * those of the fields nested in it apart (`Wind (nested classifications: wind.speed_ms: restricted)`),
 * so that no reader takes a nested field's classification for the whole column's.
 */
export function columnCommentText(property: ContractProperty): string | undefined {
  const { description, classification } = property;
  const classified = classification ? `classification: ${classification}` : undefined;
  const own = description && classified ? `${description} (${classified})` : description || classified;
  const nested = nestedClassificationsOf(property);
  if (nested.length === 0) return own;
  const nestedText = `nested classifications: ${nested
    .map(({ path, classification: nestedClassification }) => `${path}${PATH_SEPARATOR}${nestedClassification}`)
    .join(ENTRY_SEPARATOR)}`;
  return own ? `${own} (${nestedText})` : nestedText;
}

/** A column's comment read back as `columnCommentText` wrote it: the classifications apart from the description. */
export function readColumnComment(text: string | undefined): ColumnComment {
  if (text === undefined) return {};
  const nested = readNestedClassifications(text);
  if (!nested) return readOwnComment(text);
  return { ...(nested.rest !== undefined && readOwnComment(nested.rest)), nestedClassifications: nested.entries };
}

function readOwnComment(text: string): ColumnComment {
  const match = wholeMatch(CLASSIFIED, text, 'description');
  if (!match) return { description: text };
  const described = match.groups?.description;
  return { ...(described && { description: described }), classification: match.groups?.classification as string };
}

/** The nested classifications that end the comment, and what comes before them; none where the text is the user's own words. */
function readNestedClassifications(text: string): { rest?: string; entries: NestedClassification[] } | undefined {
  const match = wholeMatch(NESTED_CLASSIFIED, text, 'rest');
  const entries = match?.groups?.entries?.split(ENTRY_SEPARATOR).map((entry) => {
    const at = entry.lastIndexOf(PATH_SEPARATOR);
    return { path: entry.slice(0, at), classification: entry.slice(at + PATH_SEPARATOR.length) };
  });
  if (!match || !entries?.every(({ path, classification }) => path && classification.trim())) return undefined;
  return { ...(match.groups?.rest && { rest: match.groups.rest }), entries };
}

/** The match where it reads the whole text: a closing parenthesis where, and only where, one was opened. */
function wholeMatch(pattern: RegExp, text: string, openedBy: string): RegExpExecArray | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const isOpened = match.groups?.[openedBy] !== undefined;
  return isOpened === text.endsWith(')') ? match : undefined;
}
