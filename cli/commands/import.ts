import {
  asReplacement,
  attachContracts,
  CONFLICT_POLICIES,
  type ConflictPolicy,
  type ContractComparison,
  type ImportDecision,
  isImported,
  parseMeshDocument,
  resolveContractConflicts,
} from '../../shared/contracts';
import { importContractSource } from '../../shared/contracts/import';
import type { ImportOutcome } from '../../shared/contracts/import-conflicts';
import type { ContractAttachment } from '../../shared/contracts/import-contracts';
import { byPosition } from '../../shared/contracts/text-range';
import type { LocatedProblem } from '../../shared/contracts/yaml-source';
import { importRefusal } from '../../shared/export';
import { fileErrorReason } from '../../shared/files/file-error-reason';
import { type Contract, counted, type Mesh, type Problem, productPorts, serializeMesh } from '../../shared/model';
import { CONTRACT_SOURCE_FILES } from '../../shared/model/mesh-file-format';
import { designFilePlacer } from '../../shared/validation/design-file-places';
import { newErrors } from '../../shared/validation/new-findings';
import { BREAKING_CHANGES_RULE_ID } from '../../shared/validation/rules/breaking-changes';
import { validateMesh } from '../../shared/validation/validate-mesh';
import { type Command, EXIT, type ExitCode, PROGRAM, usageError } from '../cli-io';
import { contractFileText, withFollowOnYamlErrorsCounted } from '../follow-on-yaml-errors';
import { jsonLines } from '../one-line-writes';
import { parseOptions } from '../parse-options';
import { type FileProblem, formatProblemInFile, type Level, placedInDesign, WHOLE_FILE } from '../problem-line';
import { readInput, readMesh } from '../read-input';
import { asFileError, asFileProblem, problemLines } from './validate';

export const importCommand: Command = {
  name: 'import',
  usage: `${PROGRAM} import <contract.odcs.yaml|schema.sql|.avsc|.schema.json|.proto|.mmd>... --into <file.mesh.json> [--on-conflict skip|rename|replace] [--new-port] [--fail-on-errors] [--dry-run] [--json]`,
  summary:
    'add contracts (ODCS, or SQL DDL, Avro, JSON Schema, Protobuf, a Mermaid erDiagram) to a design, each served by the data product it names',
  details: [
    'Each contract is read and checked on its own (a broken file is reported and the others still import).',
    'Besides ODCS YAML, a contract is made from SQL CREATE TABLE DDL (.sql, .ddl), an Avro schema (.avsc),',
    'a JSON Schema (.json), Protobuf (.proto) or a Mermaid erDiagram (.mmd); what has no ODCS logical type is imported as a string and',
    'reported with its line (see docs/contract-import.md). An error the contract checks of validate find in',
    'an imported contract (bounds that leave no value, a key that may be null, ...) is reported with its line',
    'in the file too; the contract is imported all the same, and the command fails. Its warnings are printed',
    'the same way, marked warning:, and do not fail it.',
    'A contract that names its dataProduct is served by that product: from its output port without a contract',
    '(among several, the one named like the contract or its schema objects, else the first; the line says which),',
    'else (or with --new-port) from a new output port. A missing product is created',
    "with its domain when missing, both owned by the contract's team. The design is rewritten all at once,",
    'only when something was imported, and never when the result would not export (two tables of one name',
    'in a product, for instance).',
    '',
    'The errors of validate the import brings to the design (not those it had before) are printed as warnings,',
    'each at its place in the written design, with its hint (a new product serving a contract needs an input and',
    'a transformation making its table, for one); the import is written all the same unless --fail-on-errors.',
    '',
    '  --into <file.mesh.json> the design to add the contracts to (required); it must be UTF-8',
    '  --new-port              serve each contract that names its dataProduct from a new output port, even where',
    '                          the product has an output port without a contract',
    '',
    'A contract whose id the design, or an earlier file of the same command, already has is never merged:',
    '  --on-conflict skip      leave it out (the default)',
    '  --on-conflict rename    import it under a new id (order → order-2)',
    '  --on-conflict replace   replace the existing contract (with several files of one id, the last wins)',
    '                          its breaking changes are listed, and when its version does not announce them',
    '                          it is written under the version they need (1.0.0 → 2.0.0), as the app does',
    '  --fail-on-errors        refuse an import that brings errors validate reports: each is printed, nothing',
    '                          is written (exit code 1); so is a replacing contract whose version does not',
    "                          announce its breaking changes (validate's breaking-changes error)",
    '  --dry-run               do everything but write the design: what would be imported is said, and with',
    '                          --fail-on-errors the verdict; the design is left as it was',
    '  --json                  print one JSON report on stdout: into, ok, dryRun, written, imported, files (per',
    '                          file: outcome, contract, product, port, created domain/product/port, version',
    '                          and breakingChanges of a replaced contract, notes on what was not mapped, errors,',
    '                          warnings),',
    '                          errorsBrought and errors (what stopped it), each problem as validate --json gives',
    '                          it; stderr says the same for people',
    '',
    'exit codes: 0 everything imported (or skipped on request), 1 a file could not be read or imported,',
    '            an imported contract has an error, a conflict was skipped without --on-conflict, with',
    '            --fail-on-errors the import brings errors validate reports, or the design would no longer',
    '            export, 2 wrong usage; with --dry-run the same, for the import it would have done',
  ],
  async run(args, io) {
    const options = parseOptions(args, {
      values: ['into', 'on-conflict'],
      flags: ['new-port', 'fail-on-errors', 'json', 'dry-run'],
    });
    if (!options.ok) return usageError(io, this, options.error);
    const files = options.positional;
    const into = options.values.into;
    if (files.length === 0) return usageError(io, this, 'no contract to import');
    if (!into) return usageError(io, this, '--into <file.mesh.json> is required');
    const policy = options.values['on-conflict'] ?? 'skip';
    if (!isConflictPolicy(policy))
      return usageError(io, this, `--on-conflict is skip, rename or replace (got '${policy}')`);

    const isDryRun = Boolean(options.flags['dry-run']);
    const report = anImportReport(into, isDryRun);
    // Every file given is in the report from the start, so one the import stops before is listed too.
    report.files.push(...files.map(anImportedFileReport));
    // With --json, stdout is the report alone: the lines for people go to stderr.
    const tell = options.flags.json ? io.err : io.out;
    const finish = (code: ExitCode): ExitCode => {
      if (options.flags.json) for (const line of jsonLines({ ...report, ok: code === EXIT.ok })) io.out(line);
      return code;
    };
    /** What stopped the import, in the design file: on stderr, and in the report. */
    const fail = (problems: readonly Problem[]): ExitCode => {
      report.errors.push(...problems.map(asFileError));
      stopped(report);
      for (const problem of problems) io.err(formatProblemInFile(into, problem));
      return finish(EXIT.problems);
    };
    const design = await readMesh(io, into);
    if (!design.ok) return fail(design.problems);
    let hasProblems = false;
    const readable: { name: string; text: string; said: ImportedFileReport }[] = [];
    for (const said of report.files) {
      const { file } = said;
      const input = await readInput(io, file, CONTRACT_SOURCE_FILES);
      if (input.ok) readable.push({ name: file, text: input.text, said });
      else {
        said.errors.push({ severity: 'error', path: WHOLE_FILE, message: input.message });
        io.err(`${file}: ${input.message}`);
        hasProblems = true;
      }
    }
    // ODCS YAML, or a contract made from SQL DDL, Avro, JSON Schema, Protobuf or a Mermaid erDiagram.
    const parsed = readable.flatMap(({ name, text, said }) => {
      const imported = importContractSource(name, text);
      // In the text's order, a broken YAML text's first error with how many follow it, as validate says them.
      const asValidateSays = <P extends LocatedProblem>(problems: readonly P[]) => {
        const inOrder = [...problems].sort(byPosition);
        return imported.format === 'odcs' ? withFollowOnYamlErrorsCounted(inOrder, contractFileText(text)) : inOrder;
      };
      if (imported.ok) {
        said.notes.push(...imported.notes.map((note) => locatedFileProblem('warning', note)));
        for (const note of imported.notes) io.err(formatProblemInFile(imported.file, note));
        // What `validate` would report, warnings too: imported all the same, as the app's import dialog does.
        for (const finding of asValidateSays(imported.findings)) {
          const problem = locatedFileProblem(finding.severity, finding);
          (finding.severity === 'error' ? said.errors : said.warnings).push(problem);
          for (const line of problemLines(imported.file, problem)) io.err(line);
        }
        if (said.errors.length > 0) hasProblems = true;
        return [{ file: imported.file, contract: imported.contract, said }];
      }
      const errors = asValidateSays(imported.errors);
      said.errors.push(...errors.map((problem) => locatedFileProblem('error', problem)));
      for (const problem of errors) io.err(formatProblemInFile(imported.file, problem));
      said.message = NOT_A_CONTRACT;
      io.err(`${imported.file}: ${NOT_A_CONTRACT}`);
      hasProblems = true;
      return [];
    });
    // One decision per parsed file, in their order.
    const decisions = resolveContractConflicts(design.mesh.contracts, parsed, policy).map((decision, index) => {
      const said = parsed[index]?.said as ImportedFileReport;
      Object.assign(said, decided(decision));
      const existing = design.mesh.contracts.find((contract) => contract.id === decision.contract.id);
      if (decision.outcome.kind !== 'replaced' || !existing) return { decision, said };
      const replacement = asReplacement(existing, decision.contract);
      if (!replacement.ok) {
        const message = `cannot raise its version for its breaking changes: ${replacement.message}`;
        said.errors.push({ severity: 'error', path: WHOLE_FILE, message });
        io.err(`${decision.file}: ${message}`);
        hasProblems = true;
        return { decision, said };
      }
      Object.assign(said, versionChange(decision, existing, replacement.contract, replacement.comparison));
      const unannounced = options.flags['fail-on-errors'] ? unannouncedBreakingChanges(said) : undefined;
      if (unannounced) {
        said.errors.push(unannounced.problem);
        for (const line of unannounced.lines) io.err(line);
      }
      return { decision: { ...decision, contract: replacement.contract }, said, isRefused: unannounced !== undefined };
    });
    if (decisions.some(({ isRefused }) => isRefused)) {
      return fail([{ path: WHOLE_FILE, message: 'nothing written (--fail-on-errors)' }]);
    }
    const imported = decisions.filter(({ decision }) => isImported(decision));
    const contracts = imported.map(({ decision }) => decision.contract);
    const { mesh, attachments } = attachContracts(design.mesh, contracts, {
      newPortFor: new Set(options.flags['new-port'] ? contracts.map((contract) => contract.id) : []),
    });
    // Validate on write: the file must open again exactly as the app opens it.
    const checked = parseMeshDocument(JSON.parse(serializeMesh(mesh)));
    if (!checked.ok) return fail(withReason(checked.errors, 'nothing was written'));
    const refusal = imported.length > 0 ? importRefusal(design.mesh, checked.value) : null;
    if (refusal) {
      const code = fail(withReason(refusal.problems, `nothing was written: ${refusal.reason}`));
      tell(`${into}: 0 of ${files.length} contract files imported, nothing written`);
      return code;
    }
    const brought = imported.length > 0 ? errorsBrought(design.mesh, checked.value) : [];
    report.errorsBrought = brought;
    for (const line of errorsBroughtLines(into, brought)) io.err(line);
    if (brought.length > 0 && options.flags['fail-on-errors']) {
      return fail([{ path: WHOLE_FILE, message: 'nothing written (--fail-on-errors)' }]);
    }
    for (const { decision, said } of decisions) {
      const attachment = attachments[imported.findIndex((chosen) => chosen.decision === decision)];
      if (attachment) Object.assign(said, servedAt(attachment, design.mesh));
      const line = describeDecision(decision, attachment?.message);
      // The line goes on after the file's name with `: ` or `, named …`.
      said.message = line.slice(decision.file.length + 2);
      if (decision.outcome.kind === 'skipped' && options.values['on-conflict'] === undefined) {
        said.errors.push({ severity: 'error', path: WHOLE_FILE, message: said.message });
        io.err(line);
        hasProblems = true;
      } else tell(line);
      for (const note of versionLines(said)) tell(note);
    }
    report.imported = imported.length;
    if (imported.length > 0 && !isDryRun) {
      try {
        await io.replaceText(into, serializeMesh(checked.value));
      } catch (error) {
        const message = `cannot write: ${fileErrorReason(error, into)} (the design is as it was)`;
        return fail([{ path: WHOLE_FILE, message }]);
      }
      report.written = true;
    }
    tell(`${into}: ${importedCount(imported.length, files.length, isDryRun)}`);
    return finish(hasProblems ? EXIT.problems : EXIT.ok);
  },
};

/** The line of a file whose errors keep it from being imported, said just above it. */
const NOT_A_CONTRACT = 'not imported: it cannot be read as a contract (see above)';

/** The line of each file an import stopped in the design kept out (its contract, had it gone on, says `outcome`). */
const NOTHING_WRITTEN = 'not imported: the import stopped and nothing was written (see errors)';

/** The report of an import stopped in the design: none of its files' contracts is in it. */
function stopped(report: ImportReport): void {
  report.imported = 0;
  report.written = false;
  for (const said of report.files) {
    const wouldBeImported = said.outcome !== undefined && said.outcome !== 'skipped' && said.outcome !== 'superseded';
    if (said.message === undefined || wouldBeImported) said.message = NOTHING_WRITTEN;
  }
}

/** What `--json` prints: `ok` is set when it is printed. */
interface ImportReport {
  into: string;
  dryRun: boolean;
  /** Whether the design file was replaced. */
  written: boolean;
  /** How many of the files' contracts are in the design (or would be, with --dry-run). */
  imported: number;
  files: ImportedFileReport[];
  /** The errors of validate the import brought to the design, as warnings, each at its place in the design. */
  errorsBrought: FileProblem[];
  /** What stopped the import, in the design file: nothing was written. */
  errors: FileProblem[];
}

/** What became of one file given, in the report of `--json`. */
interface ImportedFileReport {
  file: string;
  /** What became of its contract; none when it could not be read or made into one. */
  outcome?: ImportOutcome['kind'];
  /** The id of its contract in the design. */
  contract?: string;
  /** The contract's own name, when another contract had it and it is imported under `name`. */
  renamedFrom?: string;
  name?: string;
  /** The product and output port that serve the contract. */
  product?: string;
  port?: string;
  /** The domain, product and output port the import made for it. */
  created?: { domain?: string; product?: string; port?: string };
  /** A replaced contract's version before, in the file, and as written. */
  version?: { previous: string; stated: string; written: string };
  breakingChanges?: { subject: string; message: string }[];
  /** The line printed for the file, without its name. */
  message?: string;
  /** What the source had that ODCS cannot say, each at its line in the file. */
  notes: FileProblem[];
  /** What kept it from being read or imported, or an error validate finds in its contract. */
  errors: FileProblem[];
  /** The warnings (and infos) validate finds in its contract, each at its line in the file. */
  warnings: FileProblem[];
}

function anImportReport(into: string, dryRun: boolean): ImportReport {
  return { into, dryRun, written: false, imported: 0, files: [], errorsBrought: [], errors: [] };
}

function anImportedFileReport(file: string): ImportedFileReport {
  return { file, notes: [], errors: [], warnings: [] };
}

/** A problem at its place in a contract's source, as validate --json gives one. */
function locatedFileProblem(severity: Level, { path, message, line, column }: LocatedProblem): FileProblem {
  return { severity, path, message, line, column };
}

function decided({ contract, outcome, renamedFrom }: ImportDecision): Partial<ImportedFileReport> {
  return {
    outcome: outcome.kind,
    contract: contract.id,
    name: contract.name,
    ...(renamedFrom !== undefined && { renamedFrom }),
  };
}

/** Where a contract is served, and what was made to serve it: the port is new where the product did not have it. */
function servedAt(attachment: ContractAttachment, before: Mesh): Partial<ImportedFileReport> {
  const { productId, portId, createdDomainId, createdProductId } = attachment;
  if (productId === undefined || portId === undefined) return {};
  const product = before.products.find((candidate) => candidate.id === productId);
  const isNewPort = !product || !productPorts(product).some((port) => port.id === portId);
  const created = {
    ...(createdDomainId !== undefined && { domain: createdDomainId }),
    ...(createdProductId !== undefined && { product: createdProductId }),
    ...(isNewPort && { port: portId }),
  };
  return { product: productId, port: portId, ...(Object.keys(created).length > 0 && { created }) };
}

/** Problems that stopped the import, each saying what became of the design. */
function withReason(problems: readonly Problem[], reason: string): Problem[] {
  return problems.map((problem) => ({ ...problem, message: `${problem.message} (${reason})` }));
}

function importedCount(imported: number, given: number, isDryRun: boolean): string {
  if (isDryRun) return `${imported} of ${given} contract files would be imported (--dry-run: nothing written)`;
  return `${imported} of ${given} contract files imported${imported > 0 ? '' : ', nothing written'}`;
}

/** The errors of validate the import brought, as warnings at their place in the design as written. */
function errorsBrought(before: Mesh, after: Mesh): FileProblem[] {
  const brought = newErrors(validateMesh(before), validateMesh(after));
  const placer = designFilePlacer(serializeMesh(after));
  return brought.map((finding) => placedInDesign(placer, { ...asFileProblem(finding, after), severity: 'warning' }));
}

/** Each error brought with its hint; then how many, of which rules. */
function errorsBroughtLines(into: string, brought: readonly FileProblem[]): string[] {
  if (brought.length === 0) return [];
  const rules = [...new Set(brought.map((problem) => problem.rule))].join(', ');
  return [
    ...brought.flatMap((problem) => problemLines(into, problem)),
    `${into}: the import brought ${counted(brought.length, 'error')} (${rules}) that \`${PROGRAM} validate\` fails on`,
  ];
}

function isConflictPolicy(value: string): value is ConflictPolicy {
  return (CONFLICT_POLICIES as readonly string[]).includes(value);
}

function describeDecision(decision: ImportDecision, attached: string | undefined): string {
  const { file, contract, outcome, renamedFrom } = decision;
  const named =
    renamedFrom === undefined ? '' : `, named '${contract.name}' (a contract is already called '${renamedFrom}')`;
  switch (outcome.kind) {
    case 'added':
    case 'replaced':
      return `${file}${named}: ${attached}`;
    case 'renamed':
      return `${file}: id '${outcome.from}' is taken by ${outcome.clashesWith}, imported as '${contract.id}'${named}: ${attached}`;
    case 'skipped':
      return `${file}: skipped: contract '${contract.id}' is already in ${outcome.clashesWith} (--on-conflict rename or replace to import it)`;
    case 'superseded':
      return `${file}: skipped: contract '${contract.id}' is replaced by ${outcome.by}, later in the same import`;
  }
}

/** A replacing contract's version, before, in its file and as written, and its breaking changes since. */
function versionChange(
  decision: ImportDecision,
  existing: Contract,
  written: Contract,
  comparison: ContractComparison,
): Required<Pick<ImportedFileReport, 'version' | 'breakingChanges'>> {
  return {
    version: { previous: existing.version, stated: decision.contract.version, written: written.version },
    breakingChanges: comparison.changes
      .filter((change) => change.isBreaking)
      .map(({ subject, message }) => ({ subject, message })),
  };
}

/**
 * A replacing contract's breaking changes, and the version written for them when its own does not
 * announce them; or the version kept when its own is lower than the existing one.
 */
function versionLines({ file, version, breakingChanges = [] }: ImportedFileReport): string[] {
  if (!version) return [];
  const { previous, stated, written } = version;
  if (breakingChanges.length === 0) {
    return written === stated
      ? []
      : [`${file}: version ${stated} is lower than the previous ${previous}, so it is written as version ${written}`];
  }
  const as =
    written === stated ? `as version ${stated}` : `so it is written as version ${written} (the file says ${stated})`;
  return [
    `${file}: ${counted(breakingChanges.length, 'breaking change')} since ${previous}, ${as}:`,
    ...breakingChangeLines(breakingChanges),
  ];
}

/**
 * A replacing contract's breaking changes its own version does not announce, which `validate`'s
 * breaking-changes rule fails on: what `--fail-on-errors` refuses rather than renumber.
 */
function unannouncedBreakingChanges({
  file,
  version,
  breakingChanges = [],
}: ImportedFileReport): { problem: FileProblem; lines: string[] } | undefined {
  if (!version || breakingChanges.length === 0 || version.written === version.stated) return undefined;
  const { previous, stated, written } = version;
  const message = `${counted(breakingChanges.length, 'breaking change')} since ${previous} under version ${stated}, which needs ${written}`;
  return {
    problem: { severity: 'error', path: WHOLE_FILE, message, rule: BREAKING_CHANGES_RULE_ID },
    lines: [`${file}: ${message} [${BREAKING_CHANGES_RULE_ID}]:`, ...breakingChangeLines(breakingChanges)],
  };
}

function breakingChangeLines(breakingChanges: NonNullable<ImportedFileReport['breakingChanges']>): string[] {
  return breakingChanges.map((change) => `  ${change.subject}: ${change.message} (breaking)`);
}
