import type { Finding, Fix } from './finding';

/** A finding shown on its own, or several that read as one to-do, under a title that counts them. */
export type FindingEntry = { finding: Finding } | { title: string; fixKind: Fix['kind']; findings: Finding[] };

/**
 * The findings many elements of a new design share, by the fix that repairs each, with their
 * group's title: six products added give six ports without a contract, one to-do rather than six errors.
 */
const GROUP_TITLES: Partial<Record<Fix['kind'], (count: number) => string>> = {
  'add-port-contract': (count) => `${count} output ports have no contract yet`,
};

/** The findings in their order, those of one group (two or more) together where the first of them was. */
export function groupedFindings(findings: readonly Finding[]): FindingEntry[] {
  const placed = new Set<Fix['kind']>();
  return findings.flatMap((finding): FindingEntry[] => {
    const kind = finding.fix?.kind;
    const title = kind && GROUP_TITLES[kind];
    const members = title ? findings.filter((other) => other.fix?.kind === kind) : [];
    if (!kind || !title || members.length < 2) return [{ finding }];
    if (placed.has(kind)) return [];
    placed.add(kind);
    return [{ title: title(members.length), fixKind: kind, findings: members }];
  });
}

/** The titles of the groups among the findings, for a summary of them. */
export function findingGroups(findings: readonly Finding[]): string[] {
  return groupedFindings(findings).flatMap((entry) => ('title' in entry ? [entry.title] : []));
}
