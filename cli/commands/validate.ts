import { checkContractSemantics, checkContractYaml, checkMeshCompatibility } from '../../shared/contracts';
import { type Mesh, parseMeshFile } from '../../shared/model';
import { type Command, EXIT, PROGRAM, usageError } from '../cli-io';
import { parseOptions } from '../parse-options';
import { readInput } from '../read-input';

/** One problem of a file, where it is: a document path, and a line in YAML files. */
interface FileProblem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
  line?: number;
  column?: number;
}

interface FileReport {
  file: string;
  summary?: string;
  problems: FileProblem[];
}

const isContractFile = (file: string) => /\.ya?ml$/i.test(file);
/** The path of a problem with the file as a whole (it cannot be read). */
const WHOLE_FILE = '(file)';

export const validateCommand: Command = {
  name: 'validate',
  usage: `${PROGRAM} validate <file.mesh.json|contract.odcs.yaml>... [--json]`,
  summary: 'check designs and ODCS contracts as the editor does: schema, references, contract semantics, links',
  details: [
    'A design (*.mesh.json) is read as the app opens it (schema, ids, every reference), then each',
    'contract is checked for what the ODCS schema cannot say (keys, event ids, duplicate names) and each',
    'link for whether the producer gives what the consumer needs. A contract (*.yaml, *.yml) is checked',
    'against the official ODCS v3.1.0 schema and the same semantic rules, with line and column.',
    '',
    'options:',
    '  --json   print one JSON report for all files on stdout',
    '',
    'exit codes: 0 no errors (warnings allowed), 1 an error in some file, 2 wrong usage',
  ],
  async run(args, io) {
    const options = parseOptions(args, { values: [], flags: ['json'] });
    if (!options.ok) return usageError(io, this, options.error);
    if (options.positional.length === 0) return usageError(io, this, 'no file to validate');
    const reports: FileReport[] = [];
    for (const file of options.positional) reports.push(await validateFile(file, io));
    const hasErrors = reports.some((report) => report.problems.some((problem) => problem.severity === 'error'));
    if (options.flags.json) {
      io.out(
        JSON.stringify(
          reports.map((report) => ({ ...report, ok: !hasError(report) })),
          null,
          2,
        ),
      );
    } else {
      for (const report of reports) printReport(report, io);
    }
    return hasErrors ? EXIT.problems : EXIT.ok;
  },
};

function hasError(report: FileReport): boolean {
  return report.problems.some((problem) => problem.severity === 'error');
}

async function validateFile(file: string, io: Parameters<Command['run']>[1]): Promise<FileReport> {
  const input = await readInput(io, file);
  if (!input.ok) return { file, problems: [{ severity: 'error', path: WHOLE_FILE, message: input.message }] };
  if (isContractFile(file)) {
    const findings = checkContractYaml(input.text);
    return {
      file,
      summary: 'ODCS contract',
      problems: findings.map(({ severity, path, message, line, column }) => ({
        severity,
        path,
        message,
        line,
        column,
      })),
    };
  }
  const parsed = parseMeshFile(input.text);
  if (!parsed.ok) return { file, problems: parsed.errors.map((problem) => ({ severity: 'error', ...problem })) };
  return { file, summary: summarise(parsed.value), problems: meshFindings(parsed.value) };
}

/** What the editor marks in a design that opens: contract semantics and incompatible links. */
function meshFindings(mesh: Mesh): FileProblem[] {
  return [
    ...mesh.contracts.flatMap((contract, index) =>
      checkContractSemantics(contract).map((finding) => ({
        severity: finding.severity,
        path: finding.path === '(document)' ? `contracts[${index}]` : `contracts[${index}].${finding.path}`,
        message: `contract '${contract.name}': ${finding.message}`,
      })),
    ),
    ...checkMeshCompatibility(mesh).flatMap((result) => {
      if (result.status !== 'incompatible') return [];
      const index = mesh.links.findIndex((link) => link.id === result.linkId);
      return result.problems.map((problem) => ({
        severity: 'error' as const,
        path: `links[${index}]`,
        message: `link '${result.linkId}': ${problem.message}`,
      }));
    }),
  ];
}

function summarise({ domains, products, systems, contracts, links }: Mesh): string {
  return `${domains.length} domains, ${products.length} products, ${systems.length} systems, ${contracts.length} contracts, ${links.length} links`;
}

function printReport(report: FileReport, io: Parameters<Command['run']>[1]): void {
  for (const problem of report.problems) {
    const place = problem.line === undefined ? report.file : `${report.file}:${problem.line}:${problem.column}`;
    const where = problem.path === WHOLE_FILE ? '' : `${problem.path}: `;
    const line = `${place}: ${problem.severity === 'warning' ? 'warning: ' : ''}${where}${problem.message}`;
    if (problem.severity === 'error') io.err(line);
    else io.out(line);
  }
  if (!hasError(report)) {
    const warnings = report.problems.length;
    io.out(
      `${report.file}: ok (${report.summary}${warnings > 0 ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : ''})`,
    );
  }
}
