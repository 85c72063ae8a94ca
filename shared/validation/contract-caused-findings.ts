import type { Finding } from './finding';

/**
 * The design's findings that contract `contractId` causes where they are filed (a port whose
 * table lacks a field it requires), muted ones left out: its editor lists them beside its text's.
 */
export function findingsCausedByContract(findings: readonly Finding[], contractId: string): Finding[] {
  return findings.filter((finding) => !finding.suppressed && finding.causingContractId === contractId);
}
