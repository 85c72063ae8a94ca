import { checkContractYaml, parseMeshFile, parseOdcsYaml } from '../../shared/contracts';
import { baselineWithContract } from '../../shared/contracts/breaking-change-baseline';
import { schemasForApiVersions } from '../../shared/contracts/odcs-versions';
import { exportRefusals, ruleErrorsOf } from '../../shared/export';
import {
  classificationLevelsOf,
  type Mesh,
  type Policies,
  type Problem,
  quoted,
  type Result,
} from '../../shared/model';
import { isContractGivenAsDesign } from '../../shared/model/mesh-file-diagnosis';
import { CONTRACT_SOURCE_FILES, MESH_FILES } from '../../shared/model/mesh-file-format';
import { nearMiss } from '../../shared/model/near-miss';
import { refusedScenarioReferenceProblems, stepRefusals } from '../../shared/simulation';
import { contractTextPlaceOf } from '../../shared/validation/contract-text-places';
import { type DesignFilePlacer, designFilePlacer } from '../../shared/validation/design-file-places';
import { type Finding, SEVERITIES } from '../../shared/validation/finding';
import type { StepRefusal } from '../../shared/validation/rule';
import { RULES } from '../../shared/validation/rule-catalog';
import { BREAKING_CHANGES_RULE_ID } from '../../shared/validation/rules/breaking-changes';
import { transformationSqlRule } from '../../shared/validation/rules/transformation-sql';
import { validateMesh } from '../../shared/validation/validate-mesh';
import { type CliIo, type Command, EXIT, PROGRAM, usageError } from '../cli-io';
import {
  type Baseline,
  type ContractChangesReport,
  contractChangesSince,
  type DesignContractChanges,
  designContractChanges,
} from '../contract-changes';
import { contractFileText, designContractTexts, withFollowOnYamlErrorsCounted } from '../follow-on-yaml-errors';
import { jsonLines } from '../one-line-writes';
import { contractFilePolicies, governedByOrganisation, readPolicyOption, underPolicies } from '../organisation-policy';
import { parseOptions } from '../parse-options';
import { type FileProblem, formatProblemInFile, LEVELS, type Level, placedInDesign, WHOLE_FILE } from '../problem-line';
import { designProblemsPlaced, readInput } from '../read-input';

/** What the governance options ask for. */
interface Filters {
  ruleIds?: string[];
  /** The least severe problem shown. */
  severity: Level;
  baseline?: Baseline;
  /** The organisation's policies (`--policy`), which a design may tighten but not weaken. */
  organisation?: Policies;
}

/** Who a report is about when `--baseline` cannot be read: the baseline, alone, as nothing can be judged against it. */
export function unreadableBaselineSubject(file: string): { file: string; isBaseline: true } {
  return { file, isBaseline: true };
}

interface FileReport {
  file: string;
  /** The design given with --baseline: reported alone when it cannot be read (`unreadableBaselineSubject`). */
  isBaseline?: true;
  summary?: string;
  /** How the file was read, when its name does not say: printed on stderr, before its problems. */
  note?: string;
  problems: FileProblem[];
  /** A contract's changes since its contract in `--baseline`. */
  changes?: ContractChangesReport;
  /** A design's contracts changed since `--baseline`, each with its changes. */
  contractChanges?: DesignContractChanges[];
}

const isContractFile = (file: string) => /\.ya?ml$/i.test(file);
/** A file named as a contract is read by the byte rules of contract files (UTF-16 with a byte order mark too), as `import` reads it. */
const readValidated = (io: CliIo, file: string) =>
  readInput(io, file, isContractFile(file) ? CONTRACT_SOURCE_FILES : MESH_FILES);

export const validateCommand: Command = {
  name: 'validate',
  usage: `${PROGRAM} validate <file.mesh.json|contract.odcs.yaml>... [--json] [--rule <ids>] [--severity error|warning|info|off] [--baseline <saved.mesh.json|published.odcs.yaml>] [--policy <org-policy.json|.yaml>]`,
  summary: 'check designs and ODCS contracts as the editor does: schema, references, contract semantics, links',
  details: [
    'A design (*.mesh.json) is read as the app opens it (schema, ids, every reference), then the',
    "governance rules the app's problems panel shows run on it, at the severities its policies set",
    '(docs/governance.md), what would stop `export` of the whole mesh in any format (as export says it),',
    'and what would stop `simulate`: a scenario naming what the design lacks, a transformation that is',
    'not one query or that SQLite refuses to prepare. A contract (*.yaml, *.yml) is checked against the official ODCS schema of its',
    `apiVersion (${schemasForApiVersions()}),`,
    'then the semantic rules for contracts, with line and column; so is a contract in a file named',
    'otherwise (kind: DataContract), with a note that it was read as one because of its content.',
    '',
    'options:',
    '  --json                 print one JSON report for all files on stdout',
    `  --rule <ids>           only these rules (no export or simulate checks; with --baseline, breaking-changes too), comma-separated: ${RULES.map((rule) => rule.id).join(', ')}`,
    '  --severity <level>     only problems this severe or more: error, warning, info, or off (the default:',
    '                         also the findings of rules the policies turned off, whose severity is off)',
    '  --baseline <file>      the design as last saved (e.g. from the main branch), or a contract as published',
    '                         (an .odcs.yaml kept in git): contracts changed in a breaking way since then must',
    '                         have a new major version; changed contracts list their changes since then',
    "  --policy <file>        the organisation's policies (JSON or YAML, shaped as a design's policies): each rule",
    "                         runs at the stricter of the organisation's and the design's severity, and a",
    '                         design that sets a rule weaker is told so (a warning)',
    '',
    'exit codes: 0 no errors (warnings, infos and rules turned off allowed), 1 an error in some file, 2 wrong usage or a --policy file that cannot be applied',
  ],
  async run(args, io) {
    const options = parseOptions(args, { values: ['rule', 'severity', 'baseline', 'policy'], flags: ['json'] });
    if (!options.ok) return usageError(io, this, options.error);
    if (options.positional.length === 0) return usageError(io, this, 'no file to validate');
    const ruleIds = options.values.rule?.split(',').map((id) => id.trim());
    const unknownRule = ruleIds?.find((id) => !RULES.some((rule) => rule.id === id));
    if (unknownRule !== undefined) {
      const ids = RULES.map((rule) => rule.id);
      const meant = nearMiss(unknownRule, ids);
      const rules = meant ? `did you mean '${meant}'? The rules are` : 'the rules are';
      return usageError(io, this, `no rule '${unknownRule}'; ${rules} ${ids.join(', ')}`);
    }
    const severity = options.values.severity ?? 'off';
    if (!isLevel(severity))
      return usageError(io, this, `--severity must be error, warning, info or off, not '${severity}'`);
    const filters: Filters = { severity, ...(ruleIds && { ruleIds }) };
    const policyFile = options.values.policy;
    if (policyFile !== undefined) {
      const organisation = await readPolicyOption(io, this.name, policyFile);
      if (!organisation.ok) return organisation.exit;
      filters.organisation = organisation.policies;
    }
    const reports: FileReport[] = [];
    const baselineFile = options.values.baseline;
    const baseline = baselineFile === undefined ? undefined : await readBaseline(io, baselineFile);
    if (baselineFile !== undefined && baseline?.ok === false) {
      reports.push({ ...unreadableBaselineSubject(baselineFile), problems: baseline.problems });
    } else {
      if (baseline?.ok) filters.baseline = baseline.baseline;
      // --baseline is asked for to gate on breaking changes: --rule narrows the other rules only.
      if (baseline?.ok && filters.ruleIds && !filters.ruleIds.includes(BREAKING_CHANGES_RULE_ID))
        filters.ruleIds = [...filters.ruleIds, BREAKING_CHANGES_RULE_ID];
      for (const file of options.positional) reports.push(shown(await validateFile(file, io, filters), filters));
    }
    const hasErrors = reports.some(hasError);
    if (options.flags.json) {
      for (const line of jsonLines(reports.map((report) => ({ ...report, ok: !hasError(report) })))) io.out(line);
    } else {
      for (const report of reports) printReport(report, io);
    }
    return hasErrors ? EXIT.problems : EXIT.ok;
  },
};

function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

function hasError(report: FileReport): boolean {
  return report.problems.some((problem) => problem.severity === 'error');
}

/** The report with only the problems as severe as `--severity` asks, or more. */
function shown(report: FileReport, filters: Filters): FileReport {
  const least = LEVELS.indexOf(filters.severity);
  return { ...report, problems: report.problems.filter((problem) => LEVELS.indexOf(problem.severity) <= least) };
}

/**
 * `--baseline`: a design, or a contract (by its name, or its content as `validate` reads one)
 * as a design holding that contract alone; or every problem that keeps it from being read.
 */
async function readBaseline(
  io: CliIo,
  file: string,
): Promise<{ ok: true; baseline: Baseline } | { ok: false; problems: FileProblem[] }> {
  const input = await readValidated(io, file);
  if (!input.ok) return { ok: false, problems: [{ severity: 'error', path: WHOLE_FILE, message: input.message }] };
  const design = isContractFile(file) ? undefined : parseMeshFile(input.text);
  if (design?.ok) return { ok: true, baseline: { file, mesh: design.value } };
  if (design && !isContractGivenAsDesign(design.errors)) {
    return { ok: false, problems: designProblemsPlaced(input.text, design.errors).map(asFileError) };
  }
  const contract = parseOdcsYaml(input.text);
  if (contract.ok) return { ok: true, baseline: { file, mesh: baselineWithContract(null, contract.value) } };
  const problems = contract.errors.map(({ path, message, line, column }): FileProblem => {
    return { severity: 'error', path, message, line, column };
  });
  return { ok: false, problems };
}

async function validateFile(file: string, io: CliIo, filters: Filters): Promise<FileReport> {
  const input = await readValidated(io, file);
  if (!input.ok) return { file, problems: [{ severity: 'error', path: WHOLE_FILE, message: input.message }] };
  if (isContractFile(file)) return contractReport(file, input.text, filters);
  const parsed = parseMeshFile(input.text);
  if (!parsed.ok && isContractGivenAsDesign(parsed.errors)) {
    return { ...contractReport(file, input.text, filters), note: CONTRACT_BY_ITS_CONTENT };
  }
  const report = await designReport(file, input.text, parsed, filters, io);
  const placer = designFilePlacer(input.text);
  return {
    ...report,
    problems: report.problems.map((problem) => placedInDesign(placer, problem)),
    ...(report.contractChanges && {
      contractChanges: report.contractChanges.map((changed) => placedChanges(placer, changed)),
    }),
  };
}

/** A design contract's changes, each also at its line and column in the design file (`inFile`), as its problems are placed. */
function placedChanges(placer: DesignFilePlacer, changed: DesignContractChanges): DesignContractChanges {
  const changes = changed.changes.map((change) => {
    const inFile = placer(changed.path, change);
    return inFile ? { ...change, inFile } : change;
  });
  return { ...changed, changes };
}

/** A design's report, its problems not yet placed in its file. */
async function designReport(
  file: string,
  text: string,
  parsed: Result<Mesh>,
  filters: Filters,
  io: CliIo,
): Promise<FileReport> {
  if (!parsed.ok) {
    // As the scenario editor does: a schema error in a scenario does not hide what it names wrongly.
    const references = refusedScenarioReferenceProblems(text).map(({ path, message }) => ({ path, message }));
    return {
      file,
      problems: withFollowOnYamlErrorsCounted([...parsed.errors, ...references], designContractTexts(text)).map(
        asFileError,
      ),
    };
  }
  const governed = governedByOrganisation(parsed.value, filters.organisation);
  const mesh = governed.mesh;
  const findings = governanceFindings(
    mesh,
    parsed.value.policies,
    filters,
    await preparedStepRefusals(mesh, filters, io),
  );
  const contractChanges = filters.baseline ? designContractChanges(filters.baseline, mesh) : [];
  return {
    file,
    summary: summarise(mesh),
    problems: [
      ...governed.problems.filter((problem) => isAsked(filters, problem)),
      ...exportProblems(mesh, filters, findings),
      ...findings.map((finding) => asFileProblem(finding, mesh)),
    ],
    ...(contractChanges.length > 0 && { contractChanges }),
  };
}

/**
 * An error that keeps a design from being read or exported, as `--json` prints it: its line and
 * column at the top level when it is one of the file's syntax.
 */
export function asFileError({ at, ...problem }: Problem): FileProblem {
  return { severity: 'error', ...problem, ...at };
}

const CONTRACT_BY_ITS_CONTENT =
  'read as an ODCS contract because of its content (kind: DataContract); name it .yaml or .yml to say so';

/**
 * An ODCS contract checked against the official schema of its apiVersion, then by the semantic
 * rules; with `--baseline`, judged against its contract there as the app judges a design's; with
 * `--policy`, at the organisation's severities and by its classification words, as a design's contracts are.
 */
function contractReport(file: string, text: string, filters: Filters): FileReport {
  const policies = filters.organisation && contractFilePolicies(filters.organisation);
  const levels = policies && classificationLevelsOf(policies);
  const governed = (problem: FileProblem) => (policies ? underPolicies(problem, policies) : problem);
  const checked = withFollowOnYamlErrorsCounted(checkContractYaml(text, undefined, levels), contractFileText(text));
  const problems = checked
    .map(
      ({ severity, path, message, line, column, ruleId }): FileProblem => ({
        severity,
        path,
        message,
        line,
        column,
        ...(ruleId && { rule: ruleId }),
      }),
    )
    .filter((problem) => isAsked(filters, problem))
    .map(governed);
  if (!filters.baseline) return { file, summary: 'ODCS contract', problems };
  const judged = contractChangesSince(filters.baseline, text, levels);
  return {
    file,
    summary: 'ODCS contract',
    problems: [...problems, ...judged.problems.map(governed)],
    ...(judged.changes && { changes: judged.changes }),
  };
}

/** Whether `--rule` leaves the problem in: one of no rule (the file's YAML, the ODCS schema) is the file's own validity, always said. */
function isAsked(filters: Filters, { rule }: FileProblem): boolean {
  return !filters.ruleIds || rule === undefined || filters.ruleIds.includes(rule);
}

/**
 * What would stop `export` of the whole mesh in any format, as it says it, unless only some rules
 * are asked for; a refusal a rule's error already reports is said once, by the rule.
 */
function exportProblems(mesh: Mesh, filters: Filters, findings: readonly Finding[]): FileProblem[] {
  if (filters.ruleIds) return [];
  const options = filters.baseline ? { baseline: filters.baseline.mesh } : {};
  return exportRefusals(mesh, options, ruleErrorsOf(findings)).map((problem) => ({ severity: 'error', ...problem }));
}

/**
 * The app's governance rules on a design that opens: the same code as its problems panel, with
 * what SQLite refused of its transformations, which the app learns only when it simulates;
 * policy-entries judges the design's own policies, not the organisation's merged into them.
 */
function governanceFindings(
  mesh: Mesh,
  designPolicies: Policies,
  filters: Filters,
  stepRefusals: readonly StepRefusal[],
): Finding[] {
  const options = {
    ...(filters.ruleIds && { ruleIds: filters.ruleIds }),
    ...(filters.baseline && { baseline: filters.baseline.mesh }),
    stepRefusals,
    designPolicies,
  };
  return validateMesh(mesh, options);
}

/** Each step prepared on SQLite as `simulate` prepares it (its connector that of the scenario it runs by default), unless the rule saying so is not asked for. */
async function preparedStepRefusals(mesh: Mesh, filters: Filters, io: CliIo): Promise<StepRefusal[]> {
  if (filters.ruleIds && !filters.ruleIds.includes(transformationSqlRule.id)) return [];
  return stepRefusals(mesh, await io.openSqlite());
}

/** A governance finding as `--json` reports print it (validate's, export's). */
export function asFileProblem(finding: Finding, { contracts }: Mesh): FileProblem {
  const contractText = contractTextPlaceOf(contracts, finding.path);
  return {
    severity: finding.suppressed ? 'off' : finding.severity,
    ...(finding.suppressed && { ruleSeverity: finding.severity }),
    path: finding.path,
    message: finding.message,
    rule: finding.ruleId,
    fixHint: finding.fixHint,
    ...(finding.suppressed && { suppressed: finding.suppressed }),
    ...(finding.policyReason !== undefined && { policyReason: finding.policyReason }),
    ...(contractText && { contractText }),
  };
}

function summarise({ domains, products, systems, contracts, links }: Mesh): string {
  return `${domains.length} domains, ${products.length} products, ${systems.length} systems, ${contracts.length} contracts, ${links.length} links`;
}

function printReport(report: FileReport, io: CliIo): void {
  if (report.note) io.err(`${report.file}: note: ${report.note}`);
  for (const problem of report.problems) {
    const print = problem.severity === 'error' ? io.err : io.out;
    for (const line of problemLines(report.file, problem)) print(line);
  }
  if (report.changes) {
    const { changes } = report;
    const at = (change: PlacedChange) => `${report.file}:${change.line}:${change.column}:`;
    for (const line of changeLines(`${report.file}:`, '', changes, at)) io.out(line);
  }
  for (const changed of report.contractChanges ?? []) {
    const where = `${report.file}: ${changed.path}:`;
    const which = `contract ${quoted(changed.name)}, `;
    // Where the design file is unlike what it was read from, at least the place in the contract's text.
    const at = ({ inFile, line, column }: PlacedChange) =>
      inFile ? `${report.file}:${inFile.line}:${inFile.column}: ${changed.path}:` : `${where} ${line}:${column}`;
    for (const line of changeLines(where, which, changed, at)) io.out(line);
  }
  if (!hasError(report)) {
    const counts = SEVERITIES.slice(1).flatMap((severity) => {
      const count = report.problems.filter((problem) => problem.severity === severity).length;
      return count > 0 ? [`${count} ${severity}${count === 1 ? '' : 's'}`] : [];
    });
    io.out(`${report.file}: ok (${report.summary}${counts.length > 0 ? `; ${counts.join(', ')}` : ''})`);
  }
}

/** A problem as validate prints it, at its place in the file, with its rule, why its severity is what it is, and its hint. */
export function problemLines(file: string, problem: FileProblem): string[] {
  const label = problem.suppressed ? 'off: ' : problem.severity === 'error' ? '' : `${problem.severity}: `;
  const rule = problem.rule ? ` [${problem.rule}]` : '';
  const reason = problem.suppressed
    ? ` (turned off: ${problem.suppressed.reason})`
    : problem.policyReason !== undefined
      ? ` (policy: ${problem.policyReason})`
      : '';
  const line = formatProblemInFile(file, { ...problem, message: `${problem.message}${rule}${reason}` }, label);
  return problem.fixHint ? [line, `  hint: ${problem.fixHint}`] : [line];
}

type PlacedChange = ContractChangesReport['changes'][number];

/**
 * A contract's changes since its baseline: how many, then each at its line, as a changelog read
 * in CI; `where` names the contract (`shop.mesh.json: contracts[2].odcs:`), `placed` a change's place.
 */
function changeLines(
  where: string,
  which: string,
  report: ContractChangesReport,
  placed: (change: PlacedChange) => string,
): string[] {
  const breaking = report.changes.filter((change) => change.isBreaking).length;
  const count = `${report.changes.length} change${report.changes.length === 1 ? '' : 's'}`;
  return [
    `${where} ${count} since ${report.baseline} (${which}version ${report.fromVersion} to ${report.toVersion}), ${breaking} breaking`,
    ...report.changes.map(
      (change) =>
        `${placed(change)} ${change.isBreaking ? 'breaking change' : 'change'}: ${change.subject}: ${change.message}`,
    ),
  ];
}
