import type { ContractChange, ContractComparison } from './breaking-changes';

/** The comparison as Markdown lines for people: breaking changes first, then the rest. */
export function formatChangelog(comparison: ContractComparison): string[] {
  const { fromVersion, toVersion, changes } = comparison;
  const heading = `## ${toVersion} (from ${fromVersion})`;
  if (changes.length === 0) return [heading, '', 'No changes.'];
  const section = (title: string, entries: readonly ContractChange[]) =>
    entries.length === 0
      ? []
      : ['', `### ${title}`, '', ...entries.map((entry) => `- \`${entry.subject}\`: ${entry.message}`)];
  return [
    heading,
    ...section(
      'Breaking changes',
      changes.filter((entry) => entry.isBreaking),
    ),
    ...section(
      'Other changes',
      changes.filter((entry) => !entry.isBreaking),
    ),
    ...comparison.findings.flatMap((finding) => ['', `> **${finding.severity}:** ${finding.message}`]),
  ];
}
