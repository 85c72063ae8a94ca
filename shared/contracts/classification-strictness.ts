/*
 * How strictly a contract classifies a field. ODCS leaves classifications free text; it names
 * `public`, `restricted` and `confidential` as examples. The app ranks the words of the design's
 * `policies.classificationLevels`, least strict first, or else the common four-level scheme
 * (public, internal, confidential, restricted). A classification it does not rank (`pii`, a
 * company's own not listed) is taken as sensitive, and only itself keeps it: the app cannot tell
 * whether another one is stricter.
 */
import { COMMON_CLASSIFICATION_LEVELS } from '../model/policies';

/** `PII` and `pii` are one classification: contracts written by different teams differ in capitals. */
function normalized(classification: string): string {
  return classification.trim().toLowerCase();
}

function rankOf(classification: string, levels: readonly string[]): number | undefined {
  const rank = levels.findIndex((level) => normalized(level) === normalized(classification));
  return rank === -1 ? undefined : rank;
}

/** Whether two classifications are one, ignoring capitals, or both say the data is not sensitive (none, `public`). */
export function sameClassification(a: string | undefined, b: string | undefined): boolean {
  const isSensitive = isSensitiveClassification(a);
  if (isSensitive !== isSensitiveClassification(b)) return false;
  return !isSensitive || normalized(a) === normalized(b as string);
}

/** Whether data so classified must stay classified where it is republished: all but unclassified and public data. */
export function isSensitiveClassification(classification: string | undefined): classification is string {
  return classification !== undefined && !['', 'public'].includes(normalized(classification));
}

/** Whether a copy classified `copy` keeps data classified `original` at least as strictly, as `levels` rank them. */
export function keepsClassification(
  original: string | undefined,
  copy: string | undefined,
  levels: readonly string[] = COMMON_CLASSIFICATION_LEVELS,
): boolean {
  if (!isSensitiveClassification(original)) return true;
  // Public data is never sensitive, wherever a design's levels rank the word.
  if (!isSensitiveClassification(copy)) return false;
  if (normalized(original) === normalized(copy)) return true;
  const originalRank = rankOf(original, levels);
  const copyRank = rankOf(copy, levels);
  return originalRank !== undefined && copyRank !== undefined && copyRank >= originalRank;
}

/** Which way a change of classification goes, where the ranks or sensitivity tell; `undefined` where they do not. */
export function classificationDirection(
  before: string | undefined,
  after: string | undefined,
  levels: readonly string[] = COMMON_CLASSIFICATION_LEVELS,
): 'stricter' | 'less strict' | undefined {
  const isKeptAfter = keepsClassification(before, after, levels);
  const wouldKeepBefore = keepsClassification(after, before, levels);
  if (isKeptAfter === wouldKeepBefore) return undefined;
  return isKeptAfter ? 'stricter' : 'less strict';
}
