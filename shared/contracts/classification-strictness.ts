/*
 * How strictly a contract classifies a field. ODCS leaves classifications free text; it names
 * `public`, `restricted` and `confidential` as examples, and the app ranks those it knows, least
 * strict first, as the common four-level scheme does (public, internal, confidential, restricted). A classification it does not rank (`pii`, a company's own) is taken as sensitive,
 * and only itself keeps it: the app cannot tell whether another one is stricter.
 */
const RANKED_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'];

/** `PII` and `pii` are one classification: contracts written by different teams differ in capitals. */
function normalized(classification: string): string {
  return classification.trim().toLowerCase();
}

function rankOf(classification: string): number | undefined {
  const rank = RANKED_CLASSIFICATIONS.indexOf(normalized(classification));
  return rank === -1 ? undefined : rank;
}

/** Whether data so classified must stay classified where it is republished: all but unclassified and public data. */
export function isSensitiveClassification(classification: string | undefined): classification is string {
  return classification !== undefined && normalized(classification) !== '' && rankOf(classification) !== 0;
}

/** Whether a copy classified `copy` keeps data classified `original` at least as strictly. */
export function keepsClassification(original: string | undefined, copy: string | undefined): boolean {
  if (!isSensitiveClassification(original)) return true;
  if (copy === undefined) return false;
  if (normalized(original) === normalized(copy)) return true;
  const originalRank = rankOf(original);
  const copyRank = rankOf(copy);
  return originalRank !== undefined && copyRank !== undefined && copyRank >= originalRank;
}

/** Which way a change of classification goes, where the ranks or sensitivity tell; `undefined` where they do not. */
export function classificationDirection(
  before: string | undefined,
  after: string | undefined,
): 'stricter' | 'less strict' | undefined {
  const isKeptAfter = keepsClassification(before, after);
  const wouldKeepBefore = keepsClassification(after, before);
  if (isKeptAfter === wouldKeepBefore) return undefined;
  return isKeptAfter ? 'stricter' : 'less strict';
}
