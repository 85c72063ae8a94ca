import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runElectronegativity, type SecurityFinding } from '../../../scripts/security/electronegativity';

const ELECTRON = join(import.meta.dirname, '../../../electron');
const allowList = JSON.parse(readFileSync(join(ELECTRON, 'electronegativity-allow.json'), 'utf8')) as Record<
  string,
  string
>;

/** The source lines of `file` around `line` (the line and the three above), where a justification belongs. */
function linesNear(file: string, line: number): string {
  const lines = readFileSync(join(ELECTRON, file), 'utf8').split('\n');
  return lines.slice(Math.max(0, line - 4), line).join('\n');
}

function sourcesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

// Electronegativity runs in a child process and waits for its (offline) update checks: slow, not flaky.
describe('Electronegativity on electron/', { timeout: 180_000 }, () => {
  let findings: SecurityFinding[] = [];
  beforeAll(async () => {
    findings = await runElectronegativity();
  }, 180_000);

  it('leaves no finding of medium severity or higher without a reason in electronegativity-allow.json', () => {
    const unjustified = findings.filter((finding) => !allowList[finding.checkId]?.trim());

    expect(unjustified).toEqual([]);
  });

  it('finds a comment naming the check where each allowed finding is', () => {
    const sources = sourcesOf(ELECTRON).join('\n');
    const uncommented = findings.filter((finding) =>
      finding.file && finding.line
        ? !linesNear(finding.file, finding.line).includes(finding.checkId)
        : !sources.includes(`Electronegativity ${finding.checkId}`),
    );

    expect(uncommented).toEqual([]);
  });

  it('keeps no allow-list entry that no finding needs any more', () => {
    const found = new Set(findings.map((finding) => finding.checkId));

    expect(Object.keys(allowList).filter((checkId) => !found.has(checkId))).toEqual([]);
  });
});
