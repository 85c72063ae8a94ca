import type { Finding } from './finding';

const keyOf = (finding: Finding) => JSON.stringify([finding.ruleId, finding.path, finding.message]);

/** The errors an edit brought: those `after` holds and `before` did not, muted ones left out as they count for nothing. */
export function newErrors(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const known = new Set(before.map(keyOf));
  return after.filter((finding) => finding.severity === 'error' && !finding.suppressed && !known.has(keyOf(finding)));
}
