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
import { importRefusal } from '../../shared/export';
import { fileErrorReason } from '../../shared/files/file-error-reason';
import { type Contract, counted, formatProblem, type Mesh, serializeMesh } from '../../shared/model';
import { CONTRACT_SOURCE_FILES } from '../../shared/model/mesh-file-format';
import { designFilePlacer } from '../../shared/validation/design-file-places';
import { newErrors } from '../../shared/validation/new-findings';
import { validateMesh } from '../../shared/validation/validate-mesh';
import { type Command, EXIT, PROGRAM, usageError } from '../cli-io';
import { parseOptions } from '../parse-options';
import { formatProblemInFile, placedInDesign } from '../problem-line';
import { readInput, readMesh } from '../read-input';
import { asFileProblem, problemLines } from './validate';

export const importCommand: Command = {
  name: 'import',
  usage: `${PROGRAM} import <contract.odcs.yaml|schema.sql|.avsc|.schema.json|.proto>... --into <file.mesh.json> [--on-conflict skip|rename|replace] [--new-port] [--fail-on-errors]`,
  summary:
    'add contracts (ODCS, or SQL DDL, Avro, JSON Schema, Protobuf) to a design, each served by the data product it names',
  details: [
    'Each contract is read and checked on its own (a broken file is reported and the others still import).',
    'Besides ODCS YAML, a contract is made from SQL CREATE TABLE DDL (.sql, .ddl), an Avro schema (.avsc),',
    'a JSON Schema (.json) or Protobuf (.proto); what has no ODCS logical type is imported as a string and',
    'reported with its line (see docs/contract-import.md). An error the contract checks of validate find in',
    'an imported contract (bounds that leave no value, a key that may be null, ...) is reported with its line',
    'in the file too; the contract is imported all the same, and the command fails.',
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
    'A contract whose id the design, or an earlier file of the same command, already has is never merged:',
    '  --on-conflict skip      leave it out (the default)',
    '  --on-conflict rename    import it under a new id (order → order-2)',
    '  --on-conflict replace   replace the existing contract (with several files of one id, the last wins)',
    '                          its breaking changes are listed, and when its version does not announce them',
    '                          it is written under the version they need (1.0.0 → 2.0.0), as the app does',
    '  --fail-on-errors        refuse an import that brings errors validate reports: each is printed, nothing',
    '                          is written (exit code 1)',
    '',
    'exit codes: 0 everything imported (or skipped on request), 1 a file could not be read or imported,',
    '            an imported contract has an error, a conflict was skipped without --on-conflict, with',
    '            --fail-on-errors the import brings errors validate reports, or the design would no longer',
    '            export, 2 wrong usage',
  ],
  async run(args, io) {
    const options = parseOptions(args, { values: ['into', 'on-conflict'], flags: ['new-port', 'fail-on-errors'] });
    if (!options.ok) return usageError(io, this, options.error);
    const files = options.positional;
    const into = options.values.into;
    if (files.length === 0) return usageError(io, this, 'no contract to import');
    if (!into) return usageError(io, this, '--into <file.mesh.json> is required');
    const policy = options.values['on-conflict'] ?? 'skip';
    if (!isConflictPolicy(policy))
      return usageError(io, this, `--on-conflict is skip, rename or replace (got '${policy}')`);

    const design = await readMesh(io, into);
    if (!design.ok) {
      for (const line of design.lines) io.err(line);
      return EXIT.problems;
    }
    let hasProblems = false;
    const readable: { name: string; text: string }[] = [];
    for (const file of files) {
      const input = await readInput(io, file, CONTRACT_SOURCE_FILES);
      if (input.ok) readable.push({ name: file, text: input.text });
      else {
        io.err(`${file}: ${input.message}`);
        hasProblems = true;
      }
    }
    // ODCS YAML, or a contract made from SQL DDL, Avro, JSON Schema or Protobuf.
    const parsed = readable.flatMap(({ name, text }) => {
      const report = importContractSource(name, text);
      if (report.ok) {
        for (const note of report.notes) io.err(formatProblemInFile(report.file, note));
        // The errors `validate` would report: imported all the same, as the app's import dialog does.
        const errors = report.findings.filter((finding) => finding.severity === 'error');
        for (const error of errors) io.err(formatProblemInFile(report.file, error));
        if (errors.length > 0) hasProblems = true;
        return [{ file: report.file, contract: report.contract }];
      }
      for (const problem of report.errors) io.err(formatProblemInFile(report.file, problem));
      hasProblems = true;
      return [];
    });
    const versionNotes = new Map<ImportDecision, string[]>();
    const decisions = resolveContractConflicts(design.mesh.contracts, parsed, policy).map((decision) => {
      const existing = design.mesh.contracts.find((contract) => contract.id === decision.contract.id);
      if (decision.outcome.kind !== 'replaced' || !existing) return decision;
      const replacement = asReplacement(existing, decision.contract);
      if (!replacement.ok) {
        io.err(`${decision.file}: cannot raise its version for its breaking changes: ${replacement.message}`);
        hasProblems = true;
        return decision;
      }
      const raised = { ...decision, contract: replacement.contract };
      versionNotes.set(raised, versionLines(decision, existing, replacement.contract, replacement.comparison));
      return raised;
    });
    const imported = decisions.filter(isImported);
    const contracts = imported.map((decision) => decision.contract);
    const { mesh, attachments } = attachContracts(design.mesh, contracts, {
      newPortFor: new Set(options.flags['new-port'] ? contracts.map((contract) => contract.id) : []),
    });
    // Validate on write: the file must open again exactly as the app opens it.
    const checked = parseMeshDocument(JSON.parse(serializeMesh(mesh)));
    if (!checked.ok) {
      for (const problem of checked.errors) io.err(`${into}: ${formatProblem(problem)} (nothing was written)`);
      return EXIT.problems;
    }
    const refusal = imported.length > 0 ? importRefusal(design.mesh, checked.value) : null;
    if (refusal) {
      for (const problem of refusal.problems) {
        io.err(`${into}: ${formatProblem(problem)} (nothing was written: ${refusal.reason})`);
      }
      io.out(`${into}: 0 of ${files.length} contract files imported, nothing written`);
      return EXIT.problems;
    }
    const brought = imported.length > 0 ? errorsBrought(into, design.mesh, checked.value) : [];
    for (const line of brought) io.err(line);
    if (brought.length > 0 && options.flags['fail-on-errors']) {
      io.err(`${into}: nothing written (--fail-on-errors)`);
      return EXIT.problems;
    }
    for (const decision of decisions) {
      const attachment = attachments[imported.indexOf(decision)];
      const line = describeDecision(decision, attachment?.message);
      if (decision.outcome.kind === 'skipped' && options.values['on-conflict'] === undefined) {
        io.err(line);
        hasProblems = true;
      } else io.out(line);
      for (const note of versionNotes.get(decision) ?? []) io.out(note);
    }
    if (imported.length > 0) {
      try {
        await io.replaceText(into, serializeMesh(checked.value));
      } catch (error) {
        io.err(`${into}: cannot write: ${fileErrorReason(error, into)} (the design is as it was)`);
        return EXIT.problems;
      }
    }
    io.out(
      `${into}: ${imported.length} of ${files.length} contract files imported${imported.length > 0 ? '' : ', nothing written'}`,
    );
    return hasProblems ? EXIT.problems : EXIT.ok;
  },
};

/**
 * The errors of validate the import brought, as warnings at their place in the design as written,
 * each with its hint; then how many, of which rules.
 */
function errorsBrought(into: string, before: Mesh, after: Mesh): string[] {
  const brought = newErrors(validateMesh(before), validateMesh(after));
  if (brought.length === 0) return [];
  const placer = designFilePlacer(serializeMesh(after));
  const rules = [...new Set(brought.map((finding) => finding.ruleId))].join(', ');
  return [
    ...brought.flatMap((finding) =>
      problemLines(into, placedInDesign(placer, { ...asFileProblem(finding, after), severity: 'warning' })),
    ),
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

/**
 * A replacing contract's breaking changes, and the version written for them when its own does not
 * announce them; or the version kept when its own is lower than the existing one.
 */
function versionLines(
  decision: ImportDecision,
  existing: Contract,
  written: Contract,
  comparison: ContractComparison,
): string[] {
  const breaking = comparison.changes.filter((change) => change.isBreaking);
  const stated = decision.contract.version;
  if (breaking.length === 0) {
    return written.version === stated
      ? []
      : [
          `${decision.file}: version ${stated} is lower than the previous ${existing.version}, so it is written as version ${written.version}`,
        ];
  }
  const version =
    written.version === stated
      ? `as version ${stated}`
      : `so it is written as version ${written.version} (the file says ${stated})`;
  return [
    `${decision.file}: ${counted(breaking.length, 'breaking change')} since ${existing.version}, ${version}:`,
    ...breaking.map((change) => `  ${change.subject}: ${change.message} (breaking)`),
  ];
}
