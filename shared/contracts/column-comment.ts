import type { ContractProperty } from '../model/contract';

const CLASSIFIED = /^(?:(?<description>[\s\S]*) \()?classification: (?<classification>[^()\n]+?)\)?$/;

/**
 * A column's comment in SQL as the export writes it: its description, then its classification
 * (`Date of birth (classification: restricted)`, or `classification: restricted` alone).
 */
export function columnCommentText({ description, classification }: ContractProperty): string | undefined {
  const classified = classification ? `classification: ${classification}` : undefined;
  if (description && classified) return `${description} (${classified})`;
  return description || classified;
}

/** A column's comment read back as `columnCommentText` wrote it: the classification apart from the description. */
export function readColumnComment(text: string | undefined): Pick<ContractProperty, 'description' | 'classification'> {
  if (text === undefined) return {};
  const match = CLASSIFIED.exec(text);
  const described = match?.groups?.description;
  const isWhole = match !== null && (described === undefined ? !text.endsWith(')') : text.endsWith(')'));
  if (!match || !isWhole) return { description: text };
  return { ...(described && { description: described }), classification: match.groups?.classification as string };
}
