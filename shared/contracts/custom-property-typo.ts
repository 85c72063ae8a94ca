import { nearMiss } from '../model/near-miss';
import { APP_CUSTOM_PROPERTIES } from './odcs-document';
import type { PathProblem } from './path-problem';

/**
 * A contract-level custom property a slip or a case away from one the app reads (`keephistory`):
 * a warning with that name as its repair, since the app would silently not read it (history off).
 * A name far from all of them is the contract's own, and allowed.
 */
export function misspeltCustomPropertyIssues(document: unknown): Array<PathProblem & { severity: 'warning' }> {
  const entries = (document as { customProperties?: unknown } | null | undefined)?.customProperties;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry, index) => {
    const written = (entry as { property?: unknown } | null)?.property;
    if (typeof written !== 'string' || APP_CUSTOM_PROPERTIES.includes(written)) return [];
    const meant = nearMiss(written, APP_CUSTOM_PROPERTIES);
    if (meant === undefined) return [];
    return [
      {
        path: ['customProperties', index, 'property'],
        message: `custom property '${written}' is not one the app reads: did you mean '${meant}'?`,
        severity: 'warning' as const,
        repair: { kind: 'replace-marked-text' as const, text: meant },
      },
    ];
  });
}
