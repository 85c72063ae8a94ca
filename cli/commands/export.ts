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
  WHOLE_MESH,
} from '../../shared/export';
import type { BundleWriteOptions } from '../../shared/files/bundle-folder';
import { describeRemovedFiles, describeUserFilesInTheWay, pronounFor } from '../../shared/files/export-manifest';
import { fileErrorReason } from '../../shared/files/file-error-reason';
import type { Mesh } from '../../shared/model';
import { counted } from '../../shared/model/word-list';
import { validateMesh } from '../../shared/validation/validate-mesh';
import { type BundleWritten, type CliIo, type Command, EXIT, type ExitCode, PROGRAM, usageError } from '../cli-io';
import { parseOptions } from '../parse-options';
import { formatProblemInFile } from '../problem-line';
import { readMesh } from '../read-input';
import { openChromiumDrawer } from '../render/mermaid-images';

const FORMAT_IDS = [...EXPORT_TARGETS.map((target) => target.id), ...PICTURE_FORMATS];

export const exportCommand: Command = {
  name: 'export',
  usage: `${PROGRAM} export <file.mesh.json> --out <folder> [--format ${FORMAT_IDS.join(',')}] [--scope domain:<id>|nodes:<id>,...] [--baseline <saved.mesh.json>] [--force [--replace-unlisted]]`,
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
    '  --baseline <file>     the design as last saved (e.g. from the main branch): adds sql/<product>.changes.sql,',
    "                        the migration from each contract's saved version to the current one, and for each",
    '                        product deleted since, one that drops its tables',
    '  --force               write into a folder that is not empty: files of the same name that the previous',
    '                        export wrote are replaced, the files the previous export wrote that this one does',
    '                        not (listed in its .mesh-export.json) are removed with the folders they leave empty,',
    '                        and named on stderr; others are left alone. A file of a name the export writes that',
    '                        no earlier export wrote (not in .mesh-export.json) is yours: nothing is written, and',
    '                        it is named (exit code 2)',
    '  --replace-unlisted    with --force, replace such files too',
    '',
    'Nothing is written when a format cannot be written or a diagram cannot be drawn; every problem is',
    "printed with the element it is about. A Mermaid diagram too large for Mermaid's default limits (what",
    'GitHub, GitLab and wikis draw with) is left out, and printed as a warning. Governance rules are',
    "validate's to enforce: a design that breaks them is exported, with a warning that says how many.",
    '',
    'exit codes: 0 written; 1 problems in the design or the baseline, or a folder --out cannot be written to;',
    '2 wrong usage, a folder that is not empty without --force, or files of yours the export would replace without',
    '--replace-unlisted',
  ],
  async run(args, io) {
    const options = parseOptions(args, {
      values: ['out', 'format', 'scope', 'baseline'],
      flags: ['force', 'replace-unlisted'],
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

    const design = await readMesh(io, file);
    if (!design.ok) return fail(io, design.lines);
    const exportOptions: ExportOptions = {};
    if (options.values.baseline) {
      const baseline = await readMesh(io, options.values.baseline);
      if (!baseline.ok) return fail(io, baseline.lines);
      exportOptions.baseline = baseline.mesh;
    }
    const pictureFormats = PICTURE_FORMATS.filter((format) => formats.includes(format));
    // Pictures are drawn from the Mermaid text, which is written with them.
    const targets = EXPORT_TARGETS.filter(
      (target) => formats.includes(target.id) || (target.id === 'mermaid' && pictureFormats.length > 0),
    );
    let existing: string[] | null;
    try {
      existing = await io.listFolder(out);
    } catch (error) {
      return fail(io, [cannotWrite(out, error)]);
    }
    if (existing && existing.length > 0 && !options.flags.force) {
      io.err(`${PROGRAM} export: ${out} is not empty (${existing.length} entries); pass --force to write into it`);
      return EXIT.usage;
    }
    const request = { design: design.mesh, targets, scope, options: exportOptions };
    // The design's problems and the scope's are found without drawing: Chromium starts only for
    // a bundle that can be written.
    const text = await makeBundle(request, undefined);
    if (!text?.ok) return failBundle(io, file, text);
    const notes = [
      ...governanceWarning(file, design.mesh, exportOptions),
      ...(formats.includes('backstage') ? backstageScopeNote(file, design.mesh, scope) : []),
    ];
    const write = { replacesUnlisted: Boolean(options.flags['replace-unlisted']) };
    if (pictureFormats.length === 0) return writeBundle(io, file, out, text, undefined, notes, write);
    const opened = await openChromiumDrawer();
    if (!opened.ok) {
      io.err(
        `${file}: ${pictureFormats.join(' and ')} not written: ${opened.reason}; the Mermaid text is in ${out}/mermaid/`,
      );
      return writeBundle(io, file, out, text, undefined, notes, write);
    }
    try {
      const pictures: DiagramPictures = { formats: pictureFormats, draw: opened.drawer.draw };
      const pictured = await makeBundle(request, pictures);
      if (!pictured?.ok) return failBundle(io, file, pictured);
      return await writeBundle(io, file, out, pictured, pictures, notes, write);
    } finally {
      await opened.drawer.close();
    }
  },
};

type BundleRequest = { design: Mesh; targets: readonly ExportTarget[]; scope: ExportScope; options: ExportOptions };

/**
 * A design that breaks governance rules still exports (a breaking change is what `--baseline`'s
 * migration is for), but a pipeline that skipped `validate` hears about it.
 */
function governanceWarning(file: string, design: Mesh, options: ExportOptions): string[] {
  const findings = validateMesh(design, options.baseline ? { baseline: options.baseline } : {});
  const errors = findings.filter((finding) => finding.severity === 'error' && !finding.suppressed);
  if (errors.length === 0) return [];
  const rules = [...new Set(errors.map((finding) => finding.ruleId))].join(', ');
  return [
    `${file}: warning: the design breaks governance rules (${counted(errors.length, 'error')}: ${rules}); exported anyway, \`${PROGRAM} validate\` lists them and fails on them`,
  ];
}

/** A scoped catalog keeps its references to other domains' entities, which a reader might take for broken. */
function backstageScopeNote(file: string, design: Mesh, scope: ExportScope): string[] {
  const outside = backstageReferencesOutsideScope(design, scope);
  if (outside.length === 0) return [];
  return [
    `${file}: note: the Backstage catalog references ${counted(outside.length, 'entity', 'entities')} outside the scope, which come from the other domains' registrations: ${outside.join(', ')}`,
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
function failBundle(io: CliIo, file: string, bundle: Extract<ExportResult, { ok: false }> | null): ExitCode {
  return fail(
    io,
    (bundle?.errors ?? []).map((problem) => formatProblemInFile(file, problem)),
  );
}

/** Writes the bundle: all of it, or nothing when anything fails. */
async function writeBundle(
  io: CliIo,
  file: string,
  out: string,
  bundle: Extract<ExportResult, { ok: true }>,
  pictures: DiagramPictures | undefined,
  notes: readonly string[],
  options: BundleWriteOptions,
): Promise<ExitCode> {
  let written: BundleWritten;
  try {
    written = await io.writeBundle(out, bundle.value, options);
  } catch (error) {
    const { keptIn } = error as { keptIn?: string };
    const outcome = keptIn
      ? `some of the old files could not be put back: they are kept in ${keptIn}`
      : `nothing in ${out} was changed`;
    return fail(io, [`${cannotWrite(out, error)} (${outcome})`]);
  }
  if ('userFiles' in written) {
    const them = pronounFor(written.userFiles);
    io.err(
      `${PROGRAM} export: ${out} ${describeUserFilesInTheWay(written.userFiles, out)}; move ${them} out of ${out}, or pass --replace-unlisted to replace ${them}`,
    );
    return EXIT.usage;
  }
  const { removed } = written;
  for (const warning of bundle.warnings ?? []) io.err(formatProblemInFile(file, warning, 'warning: '));
  for (const note of notes) io.err(note);
  if (removed.length > 0) io.err(`${file}: ${describeRemovedFiles(removed, out)}`);
  const drawn = bundle.value.filter((bundleFile) => /\.(svg|png)$/.test(bundleFile.path)).length;
  const withPictures = pictures
    ? `, with ${drawn} ${pictures.formats.join(' and ')} pictures of the Mermaid diagrams`
    : '';
  io.out(`${file}: wrote ${bundle.value.length} files to ${out} (${INDEX_FILE} lists them)${withPictures}`);
  return EXIT.ok;
}

function parseScope(text: string | undefined): ExportScope | null {
  if (text === undefined) return WHOLE_MESH;
  const [kind, ids = ''] = text.split(/:(.*)/s);
  if (kind === 'domain' && ids) return { kind: 'domain', domainId: ids };
  const nodeIds = ids.split(',').filter(Boolean);
  if (kind === 'nodes' && nodeIds.length > 0) return { kind: 'selection', nodeIds };
  return null;
}

function cannotWrite(out: string, error: unknown): string {
  return `${PROGRAM} export: cannot write to ${out}: ${fileErrorReason(error, out)}`;
}

function fail(io: CliIo, lines: readonly string[]) {
  for (const line of lines) io.err(line);
  return EXIT.problems;
}
