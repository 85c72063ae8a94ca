/**
 * Runs Electronegativity (Doyensec's Electron security scanner) over electron/ for the Electron
 * version installed, and returns its findings of medium severity or higher. `npm run security`
 * prints them; test/unit/electron/electronegativity.test.ts holds them against the allow-list.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SecurityFinding {
  checkId: string;
  /** Relative to electron/; absent for global checks (no CSP found anywhere, say). */
  file?: string;
  line?: number;
  message: string;
}

const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
}

export function installedElectronVersion(): string {
  return (require('electron/package.json') as { version: string }).version;
}

export async function runElectronegativity(folder = 'electron'): Promise<SecurityFinding[]> {
  const output = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  const sarif = join(output, 'findings.sarif');
  try {
    await promisify(execFile)(
      process.execPath,
      [
        '--require',
        join(ROOT, 'scripts/security/typescript-4-for-estree.cjs'),
        require.resolve('@doyensec/electronegativity/dist/index.js'),
        ...['--input', join(ROOT, folder), '--electron-version', installedElectronVersion()],
        ...['--severity', 'medium', '--relative', '--output', sarif],
      ],
      { cwd: ROOT, env: { ...process.env, LANG: 'en' } },
    );
    const report = JSON.parse(await readFile(sarif, 'utf8')) as { runs: { results: SarifResult[] }[] };
    return report.runs.flatMap((run) => run.results).map(toFinding);
  } finally {
    await rm(output, { recursive: true, force: true });
  }
}

function toFinding(result: SarifResult): SecurityFinding {
  const location = result.locations?.[0]?.physicalLocation;
  const file = location?.artifactLocation?.uri;
  const line = location?.region?.startLine;
  return {
    checkId: result.ruleId,
    message: result.message.text,
    // Global checks name no file (`N/A`, or a bare `file:///`).
    ...(file && file !== 'N/A' && !file.startsWith('file:') ? { file } : {}),
    ...(line ? { line } : {}),
  };
}

if (process.argv[1] === import.meta.filename) {
  const findings = await runElectronegativity();
  for (const finding of findings) {
    const where = finding.file ? `electron/${finding.file}:${finding.line}` : '(global)';
    console.log(`${finding.checkId}  ${where}  ${finding.message}`);
  }
  console.log(`${findings.length} finding(s) of medium severity or higher; see electron/electronegativity-allow.json`);
}
