import { type Finding, SEVERITIES, type Severity } from '../../shared/validation/finding';
import { countFindings } from '../../shared/validation/validate-mesh';
import { SEVERITY_LABELS } from './severity-labels';

/**
 * What a node's or link's problem badge shows: its most severe active level with that level's sign
 * and count, as the status bar signs and counts them ('off' when only rules turned off found
 * something), and a tooltip with every level's count and each message.
 */
export interface BadgeView {
  severity: Severity | 'off' | null;
  sign: string;
  count: number;
  tooltip: string;
}

const NO_BADGE: BadgeView = { severity: null, sign: '', count: 0, tooltip: '' };

const TURNED_OFF_SIGN = '○';

/**
 * A finding as its badge lists it, with the policy's reason wherever the policies changed its rule;
 * one with a one-click fix says under it where that fix is.
 */
function tooltipLines(finding: Finding): string[] {
  const howToFix = finding.fix && !finding.suppressed ? [`  ${finding.fixHint}`] : [];
  return [findingLine(finding), ...howToFix];
}

function findingLine(finding: Finding): string {
  if (finding.suppressed) return `turned off (${finding.suppressed.reason}): ${finding.message}`;
  if (finding.policyReason !== undefined)
    return `${finding.severity} (policy: ${finding.policyReason}): ${finding.message}`;
  return `${finding.severity}: ${finding.message}`;
}

export function badgeOf(findings: readonly Finding[] | undefined): BadgeView {
  if (!findings || findings.length === 0) return NO_BADGE;
  const counts = countFindings(findings);
  const messages = findings.flatMap(tooltipLines);
  const severity = SEVERITIES.find((level) => counts[level] > 0);
  if (!severity)
    return { severity: 'off', sign: TURNED_OFF_SIGN, count: findings.length, tooltip: messages.join('\n') };
  const summary = SEVERITIES.filter((level) => counts[level] > 0)
    .map(
      (level) => `${counts[level]} ${counts[level] === 1 ? SEVERITY_LABELS[level].one : SEVERITY_LABELS[level].many}`,
    )
    .join(', ');
  return {
    severity,
    sign: SEVERITY_LABELS[severity].icon,
    count: counts[severity],
    tooltip: [summary, ...messages].join('\n'),
  };
}
