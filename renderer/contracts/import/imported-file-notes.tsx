import { formatLocatedProblem } from '../../../shared/contracts';
import type { ImportedFile } from '../../../shared/contracts/import';

type ReadFile = Extract<ImportedFile, { ok: true }>;

/**
 * What an imported file's source had that ODCS cannot say exactly, and what validate finds in its
 * contract (errors, warnings), each at its place in the file, shown before the user confirms.
 */
export function ImportedFileNotes({ file }: { file: Pick<ReadFile, 'notes' | 'findings'> }) {
  if (file.notes.length + file.findings.length === 0) return null;
  return (
    <ul className="import-dialog__notes" data-testid="import-warnings">
      {file.notes.map((note) => (
        <li key={formatLocatedProblem(note)} className="problem problem--warning">
          not mapped: {formatLocatedProblem(note)}
        </li>
      ))}
      {file.findings.map((finding) => (
        <li key={formatLocatedProblem(finding)} className={`problem problem--${finding.severity}`}>
          {formatLocatedProblem(finding)}
        </li>
      ))}
    </ul>
  );
}
