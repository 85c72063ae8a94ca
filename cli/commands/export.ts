import {
  backstageReferencesOutsideScope,
  type DiagramPictures,
  EXPORT_TARGETS,
  type ExportOptions,
  type ExportResult,
  type ExportScope,
  type ExportTarget,
  exportBundleInSteps,
  INDEX_FILE,
  PICTURE_FORMATS,
  v30ContractsNote,
  WHOLE_MESH,
} from '../../shared/export';
import { DIAGRAM_DIRECTIONS, isDiagramDirection } from '../../shared/export/mermaid';
import type { BundleWriteOptions } from '../../shared/files/bundle-folder';
import { driftCount, type ExportDrift, exportDrift } from '../../shared/files/export-drift';
import {
  describeRemovedFiles,
  describeUserFilesInTheWay,
  EXPORT_MANIFEST_PATH,
  pronounFor,
} from '../../shared/files/export-manifest';
import { fileErrorReason } from '../../shared/files/file-error-reason';
import { DOCUMENT_PATH, type Mesh, type Policies, type Problem } from '../../shared/model';
import { counted } from '../../shared/model/word-list';
import type { DesignFilePlacer } from '../../shared/validation/design-file-places';
import type { Finding } from '../../shared/validation/finding';
import { validateMesh } from '../../shared/validation/validate-mesh';
import { type BundleWritten, type CliIo, type Command, EXIT, type ExitCode, PROGRAM, usageError } from '../cli-io';
import { jsonLines } from '../one-line-writes';
import { governedByOrganisation, readPolicyOption } from '../organisation-policy';
import { parseOptions } from '../parse-options';
import { type FileProblem, formatProblemInFile, placedInDesign } from '../problem-line';
import { readMesh } from '../read-input';
import { openChromiumDrawer } from '../render/mermaid-images';
import { backslashOutFolderAdvice } from '../windows-paths';
import { asFileError, asFileProblem, problemLines, unreadableBaselineSubject } from './validate';

const FORMAT_IDS = [...EXPORT_TARGETS.map((target) => target.id), ...PICTURE_FORMATS];

export const exportCommand: Command = {
  name: 'export',
  usage: `${PROGRAM} export <file.mesh.json> --out <folder> [--format ${FORMAT_IDS.join(',')}] [--scope domain:<id>|nodes:<id>,...] [--direction auto|lr|tb] [--baseline <saved.mesh.json>] [--policy <org-policy.json|.yaml>] [--force [--replace-unlisted] | --check] [--fail-on-errors] [--json]`,
  summary:
    'write deployable manifests: ODCS, ODPS, Backstage, Strimzi, PostgreSQL DDL, JSON Schema, Mermaid diagrams (and their SVG/PNG), and index.md',
  details: [
    'options:',
    '  --out <folder>        where to write; created when missing',
    `  --format <list>       formats, comma-separated (default: all but svg and png): ${FORMAT_IDS.join(', ')}`,
    '                        svg and png draw the Mermaid diagrams (mermaid text included) in headless Chromium,',
    '                        beside their text and listed in index.md (CHROMIUM_PATH, or chromium installed);',
    '                        without Chromium they are skipped, and it says so',
    '  --scope <scope>       domain:<id> for one domain, nodes:<id>,<id> for chosen domains, products and',
    '                        systems (default: the whole mesh)',
    '  --direction <dir>     how the Mermaid diagrams are laid out: lr (left to right), tb (top to bottom), or',
    '                        auto (default): top to bottom where left to right would be a strip much wider than a slide',
    '  --baseline <file>     the design as last saved (e.g. from the main branch): adds sql/<product>.changes.sql,',
    "                        the migration from each contract's saved version to the current one, and for each",
    '                        product deleted since, one that drops its tables',
    "  --policy <file>       the organisation's policies, as validate applies them: each rule runs at the stricter",
    "                        of the organisation's and the design's severity (for --fail-on-errors and the report),",
    '                        and a design that sets a rule weaker is told so (a warning)',
    '  --force               write into a folder that is not empty: files of the same name that the previous',
    '                        export wrote are replaced, the files the previous export wrote that this one does',
    '                        not (listed in its .mesh-export.json) are removed with the folders they leave empty,',
    '                        and named on stderr; others are left alone. A file of a name the export writes that',
    '                        no earlier export wrote (not in .mesh-export.json) is yours: nothing is written, and',
    '                        it is named (exit code 2)',
    '  --replace-unlisted    with --force, replace such files too',
    '  --check               write nothing: compare the folder with what the export would leave there, for CI.',
    '                        Each file it would add, change or remove is named on stdout (with --json, in the',
    "                        report's check, and on stderr); files its .mesh-export.json does not list are yours",
    '                        and left out, as export leaves them, but one at a path the export writes is named',
    '                        as a file the export would not replace. Exit code 0 when none differs, 1 when any does',
    '  --fail-on-errors      refuse a design that breaks governance rules (the errors validate reports): each',
    '                        error is printed and nothing is written (exit code 1)',
    '  --json                print one JSON report on stdout: file, out, ok, the files written and removed,',
    "                        warnings and notes, governance (the design's errors, as validate --json gives",
    '                        them) and errors (what stopped the export); stderr says the same for people.',
    '                        A --baseline that cannot be read is the file, with isBaseline: true',
    '',
    'Nothing is written when a format cannot be written; every problem is printed with the element it is',
    "about. A Mermaid diagram too large for Mermaid's default limits (what GitHub, GitLab and wikis draw",
    'with), or one whose picture Chromium cannot draw (Mermaid refuses its text), is left out with its',
    'pictures, and printed as a warning: the rest is written. Governance rules are',
    "validate's to enforce: a design that breaks them is exported, with a warning that says how many",
    '(with --fail-on-errors, refused).',
    '',
    'exit codes: 0 written (with --check, the folder is up to date); 1 problems in the design or the baseline',
    '(with --fail-on-errors, governance errors too), a folder --out cannot be written to (with --check, read), or',
    'with --check, files the export would add, change or remove, or files of yours it would not replace;',
    '2 wrong usage, a folder that is not empty without --force, an --out with backslashes on Linux or macOS that',
    'names no folder, or files of yours the export would replace without --replace-unlisted',
  ],
  async run(args, io) {
    const options = parseOptions(args, {
      values: ['out', 'format', 'scope', 'direction', 'baseline', 'policy'],
      flags: ['force', 'replace-unlisted', 'check', 'fail-on-errors', 'json'],
    });
    if (!options.ok) return usageError(io, this, options.error);
    const [file, ...extra] = options.positional;
    if (!file) return usageError(io, this, 'no design to export');
    if (extra.length > 0) return usageError(io, this, `one design at a time (also given: ${extra.join(', ')})`);
    const out = options.values.out;
    if (!out) return usageError(io, this, '--out <folder> is required');
    const defaultFormats = EXPORT_TARGETS.map((target) => target.id).join(',');
    const formats = (options.values.format ?? defaultFormats).split(',').map((format) => format.trim());
    const unknown = formats.filter((format) => !FORMAT_IDS.includes(format));
    if (unknown.length > 0 || formats.length === 0) {
      return usageError(io, this, `unknown format '${unknown.join("', '")}' (known: ${FORMAT_IDS.join(', ')})`);
    }
    const scope = parseScope(options.values.scope);
    if (!scope)
      return usageError(io, this, `--scope is domain:<id> or nodes:<id>,<id> (got '${options.values.scope}')`);
    const direction = options.values.direction ?? 'auto';
    if (!isDiagramDirection(direction)) {
      return usageError(io, this, `--direction is ${DIAGRAM_DIRECTIONS.join(', ')} (got '${direction}')`);
    }
    const isCheck = Boolean(options.flags.check);
    for (const writing of ['force', 'replace-unlisted'])
      if (isCheck && options.flags[writing])
        return usageError(io, this, `--check writes nothing: it takes no --${writing}`);
    if (options.flags['replace-unlisted'] && !options.flags.force)
      return usageError(io, this, '--replace-unlisted needs --force');

    const policyFile = options.values.policy;
    const organisation = policyFile === undefined ? undefined : await readPolicyOption(io, this.name, policyFile);
    if (organisation?.ok === false) return organisation.exit;

    const report = anExportReport(file, out);
    const finish = (code: ExitCode): ExitCode => {
      if (options.flags.json) for (const line of jsonLines({ ...report, ok: code === EXIT.ok })) io.out(line);
      return code;
    };
    const read = await readMesh(io, file);
    if (!read.ok) return finish(fail(io, report, read.problems, read.lines));
    const placed = <P extends FileProblem>(problem: P) => placedInDesign(read.placer, problem);
    const design = governedByOrganisation(read.mesh, organisation?.policies);
    const policyWarnings = design.problems.map(placed);
    for (const line of policyWarnings.flatMap((problem) => problemLines(file, problem))) io.err(line);
    const exportOptions: ExportOptions = { diagramDirection: direction };
    if (options.values.baseline) {
      const baseline = await readMesh(io, options.values.baseline);
      if (!baseline.ok) {
        Object.assign(report, unreadableBaselineSubject(options.values.baseline));
        return finish(fail(io, report, baseline.problems, baseline.lines));
      }
      exportOptions.baseline = baseline.mesh;
    }
    const pictureFormats = PICTURE_FORMATS.filter((format) => formats.includes(format));
    // Pictures are drawn from the Mermaid text, which is written with them.
    const targets = EXPORT_TARGETS.filter(
      (target) => formats.includes(target.id) || (target.id === 'mermaid' && pictureFormats.length > 0),
    );
    const governance = governanceErrors(design.mesh, read.mesh.policies, exportOptions);
    const governanceProblems = governance.map((finding) => placed(asFileProblem(finding, design.mesh)));
    report.governance = [...policyWarnings, ...governanceProblems];
    if (options.flags['fail-on-errors'] && governance.length > 0) {
      const refusal = governanceRefusal(file, governance, governanceProblems);
      return finish(fail(io, report, [refusal.problem], refusal.lines));
    }
    const request = { design: design.mesh, targets, scope, options: exportOptions };
    // The design's problems and the scope's are found without drawing: Chromium starts only for
    // a bundle that can be written.
    const text = await makeBundle(request, undefined);
    if (!text?.ok) return finish(failBundle(io, report, text, read.placer));
    // Only once the design and scope are known good: a full folder must not hide what is wrong with them.
    let existing: string[] | null;
    try {
      existing = await io.listFolder(out);
    } catch (error) {
      const problem = folderProblem(out, error, isCheck ? 'read' : 'write to');
      return finish(fail(io, report, [problem], [`${PROGRAM} export: ${problem.message}`]));
    }
    const misnamed = existing === null ? backslashOutFolderAdvice(out) : undefined;
    if (misnamed) {
      report.errors.push(asFileError({ path: out, message: misnamed }));
      io.err(`${PROGRAM} export: --out ${out}: ${misnamed}`);
      return finish(EXIT.usage);
    }
    if (existing && existing.length > 0 && !options.flags.force && !isCheck) {
      const message = `${out} is not empty (${counted(existing.length, 'entry', 'entries')}); pass --force to write into it`;
      report.errors.push(asFileError({ path: out, message }));
      io.err(`${PROGRAM} export: ${message}`);
      return finish(EXIT.usage);
    }
    if (formats.includes('backstage')) report.notes.push(...backstageScopeNote(design.mesh, scope));
    if (formats.includes('odcs')) report.notes.push(...v30ContractsNote(design.mesh, scope));
    const notes = [...governanceWarning(file, governance), ...report.notes.map((note) => `${file}: note: ${note}`)];
    const write = { replacesUnlisted: Boolean(options.flags['replace-unlisted']) };
    const written = { io, report, notes, options: write, printsSummary: !options.flags.json };
    const deliver = isCheck ? checkBundle : writeBundle;
    if (pictureFormats.length === 0) return finish(await deliver(written, text, undefined));
    const opened = await openChromiumDrawer();
    if (!opened.ok) {
      const note = `${pictureFormats.join(' and ')} not written: ${opened.reason}; the Mermaid text is in ${out}/mermaid/`;
      report.notes.push(note);
      io.err(`${file}: ${note}`);
      return finish(await deliver(written, text, undefined));
    }
    try {
      const pictures: DiagramPictures = { formats: pictureFormats, draw: opened.drawer.draw };
      const pictured = await makeBundle(request, pictures);
      if (!pictured?.ok) return finish(failBundle(io, report, pictured, read.placer));
      return finish(await deliver(written, pictured, pictures));
    } finally {
      await opened.drawer.close();
    }
  },
};

type BundleRequest = { design: Mesh; targets: readonly ExportTarget[]; scope: ExportScope; options: ExportOptions };

/** What `--json` prints, as validate's and simulate's reports do: `ok` is set when it is printed. */
interface ExportReport {
  /** The design; or the `--baseline`, marked `isBaseline`, when it cannot be read. */
  file: string;
  isBaseline?: true;
  out: string;
  written: string[];
  removed: string[];
  /** With `--check`: how the folder differs from what the export would leave there. */
  check?: ExportDrift;
  warnings: Problem[];
  notes: string[];
  governance: FileProblem[];
  errors: FileProblem[];
}

function anExportReport(file: string, out: string): ExportReport {
  return { file, out, written: [], removed: [], warnings: [], notes: [], governance: [], errors: [] };
}

/** The governance errors `validate` fails on, policy-entries' of the design's own policies; a design that has them still exports. */
function governanceErrors(design: Mesh, designPolicies: Policies, options: ExportOptions): Finding[] {
  const findings = validateMesh(design, { designPolicies, ...(options.baseline && { baseline: options.baseline }) });
  return findings.filter((finding) => finding.severity === 'error' && !finding.suppressed);
}

/**
 * A design that breaks governance rules still exports (a breaking change is what `--baseline`'s
 * migration is for), but a pipeline that skipped `validate` hears about it.
 */
function governanceWarning(file: string, errors: readonly Finding[]): string[] {
  if (errors.length === 0) return [];
  return [
    `${file}: warning: the design breaks governance rules (${errorCount(errors)}); exported anyway, \`${PROGRAM} validate\` lists them and fails on them`,
  ];
}

/** How many errors, of which rules: `1 error: output-contracts`. */
function errorCount(errors: readonly Finding[]): string {
  return `${counted(errors.length, 'error')}: ${[...new Set(errors.map((finding) => finding.ruleId))].join(', ')}`;
}

/** With `--fail-on-errors`: each error printed as `validate` prints it, then why nothing was written. */
function governanceRefusal(
  file: string,
  errors: readonly Finding[],
  problems: readonly FileProblem[],
): { problem: Problem; lines: string[] } {
  const message = `the design breaks governance rules (${errorCount(errors)}); nothing written (--fail-on-errors), \`${PROGRAM} validate\` lists them`;
  return {
    problem: { path: DOCUMENT_PATH, message },
    lines: [...problems.flatMap((problem) => problemLines(file, problem)), `${file}: ${message}`],
  };
}

/** A scoped catalog keeps its references to other domains' entities, which a reader might take for broken. */
function backstageScopeNote(design: Mesh, scope: ExportScope): string[] {
  const outside = backstageReferencesOutsideScope(design, scope);
  if (outside.length === 0) return [];
  return [
    `the Backstage catalog references ${counted(outside.length, 'entity', 'entities')} outside the scope, which the export of the domain each belongs to defines: ${outside.join(', ')}`,
  ];
}

/** The bundle, its pictures drawn when asked for, all at once (the CLI has no progress to show). */
function makeBundle({ design, targets, scope, options }: BundleRequest, pictures: DiagramPictures | undefined) {
  return exportBundleInSteps(design, targets, scope, options, {
    onProgress: () => undefined,
    pause: async () => undefined,
    isCancelled: () => false,
    ...(pictures && { pictures }),
  });
}

/** The bundle's problems, each with its element; `null` (a cancelled export) has none to tell. */
function failBundle(
  io: CliIo,
  report: ExportReport,
  bundle: Extract<ExportResult, { ok: false }> | null,
  placer: DesignFilePlacer,
): ExitCode {
  const problems = (bundle?.errors ?? []).map((problem) => placedInDesign(placer, problem));
  return fail(
    io,
    report,
    problems,
    problems.map((problem) => formatProblemInFile(report.file, problem)),
  );
}

/** Where a bundle is written, what is said of it, and how. */
interface BundleWrite {
  io: CliIo;
  report: ExportReport;
  notes: readonly string[];
  options: BundleWriteOptions;
  /** Whether stdout gets the line saying what was written; with `--json` it gets the report instead. */
  printsSummary: boolean;
}

/** Writes the bundle: all of it, or nothing when anything fails. */
async function writeBundle(
  { io, report, notes, options, printsSummary }: BundleWrite,
  bundle: Extract<ExportResult, { ok: true }>,
  pictures: DiagramPictures | undefined,
): Promise<ExitCode> {
  const { file, out } = report;
  let written: BundleWritten;
  try {
    written = await io.writeBundle(out, bundle.value, options);
  } catch (error) {
    const { keptIn } = error as { keptIn?: string };
    const outcome = keptIn
      ? `some of the old files could not be put back: they are kept in ${keptIn}`
      : `nothing in ${out} was changed`;
    const problem = folderProblem(out, error, 'write to');
    return fail(
      io,
      report,
      [{ ...problem, message: `${problem.message} (${outcome})` }],
      [`${PROGRAM} export: ${problem.message} (${outcome})`],
    );
  }
  if ('userFiles' in written) {
    const them = pronounFor(written.userFiles);
    const message = `${out} ${describeUserFilesInTheWay(written.userFiles, out)}; move ${them} out of ${out}, or pass --replace-unlisted to replace ${them}`;
    report.errors.push(asFileError({ path: out, message }));
    io.err(`${PROGRAM} export: ${message}`);
    return EXIT.usage;
  }
  const { removed } = written;
  report.written = bundle.value.map((bundleFile) => bundleFile.path);
  report.removed = removed;
  tellWarningsAndNotes(io, report, bundle, notes);
  if (removed.length > 0) io.err(`${file}: ${describeRemovedFiles(removed, out)}`);
  const drawn = bundle.value.filter((bundleFile) => /\.(svg|png)$/.test(bundleFile.path)).length;
  const withPictures = pictures
    ? `, with ${drawn} ${pictures.formats.join(' and ')} pictures of the Mermaid diagrams`
    : '';
  if (printsSummary)
    io.out(`${file}: wrote ${bundle.value.length} files to ${out} (${INDEX_FILE} lists them)${withPictures}`);
  return EXIT.ok;
}

/** The bundle's warnings, and the notes about it, on stderr and in the report. */
function tellWarningsAndNotes(
  io: CliIo,
  report: ExportReport,
  bundle: Extract<ExportResult, { ok: true }>,
  notes: readonly string[],
): void {
  report.warnings = bundle.warnings ?? [];
  for (const warning of report.warnings) io.err(formatProblemInFile(report.file, warning, 'warning: '));
  for (const note of notes) io.err(note);
}

/**
 * With `--check`: writes nothing, and names each file writing the bundle would add, change or
 * remove; exits 1 when there is one, so that CI fails on a design edited but not exported again.
 */
async function checkBundle(
  { io, report, notes, printsSummary }: BundleWrite,
  bundle: Extract<ExportResult, { ok: true }>,
): Promise<ExitCode> {
  const { file, out } = report;
  let drift: ExportDrift;
  try {
    drift = await exportDrift(bundle.value, (path) => io.readFileIn(out, path));
  } catch (error) {
    const problem = folderProblem(out, error, 'read');
    return fail(io, report, [problem], [`${PROGRAM} export: ${problem.message}`]);
  }
  report.check = drift;
  tellWarningsAndNotes(io, report, bundle, notes);
  // With --json, stdout is the report's: people read the same on stderr.
  const tell = printsSummary ? io.out : io.err;
  const folder = out.length > 1 ? out.replace(/\/+$/, '') : out;
  const lines = [
    ...(['added', 'changed', 'removed'] as const).flatMap((change) =>
      drift[change].map((path) => `${folder}/${path}: would be ${change}`),
    ),
    // As writing refuses them: replacing a file the listing does not name would lose the user's work.
    ...drift.unlisted.map(
      (path) =>
        `${folder}/${path}: would replace a file no earlier export wrote (it is not in ${folder}/${EXPORT_MANIFEST_PATH})`,
    ),
  ];
  for (const line of lines) tell(line);
  const count = driftCount(drift);
  if (count === 0) {
    tell(`${file}: ${out} is up to date: its ${counted(bundle.value.length, 'file')} are what the export writes`);
    return EXIT.ok;
  }
  const differ = count === 1 ? 'differs' : 'differ';
  const them = pronounFor(drift.unlisted);
  const userFilesFirst =
    drift.unlisted.length === 0
      ? ''
      : `, after moving ${counted(drift.unlisted.length, 'file')} no earlier export wrote out of ${out} (or pass --replace-unlisted to replace ${them})`;
  tell(
    `${file}: ${out} is out of date: ${counted(count, 'file')} ${differ} from what the export writes; run the export with --force to update it${userFilesFirst}`,
  );
  return EXIT.problems;
}

function parseScope(text: string | undefined): ExportScope | null {
  if (text === undefined) return WHOLE_MESH;
  const [kind, ids = ''] = text.split(/:(.*)/s);
  if (kind === 'domain' && ids) return { kind: 'domain', domainId: ids };
  const nodeIds = ids.split(',');
  if (kind === 'nodes' && nodeIds.every(Boolean)) return { kind: 'selection', nodeIds };
  return null;
}

/** Why the folder `out` cannot be written to (or, with `--check`, read). */
function folderProblem(out: string, error: unknown, doing: 'write to' | 'read'): Problem {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  // `--out /dev/null` is how other tools discard output: say why that cannot be so here.
  const isOutNoFolder = code === 'ENOTDIR' && path === out;
  const reason = `${fileErrorReason(error, out)}${isOutNoFolder ? ' (export writes a folder of files)' : ''}`;
  return { path: out, message: `cannot ${doing} ${out}: ${reason}` };
}

/** Says what stopped the export: `lines` on stderr, `problems` in the report. */
function fail(io: CliIo, report: ExportReport, problems: readonly Problem[], lines: readonly string[]) {
  report.errors.push(...problems.map(asFileError));
  for (const line of lines) io.err(line);
  return EXIT.problems;
}
