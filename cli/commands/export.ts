import {
  EXPORT_TARGETS,
  type ExportOptions,
  type ExportScope,
  exportBundle,
  INDEX_FILE,
  WHOLE_MESH,
} from '../../shared/export';
import { formatProblem } from '../../shared/model';
import { type CliIo, type Command, EXIT, PROGRAM, usageError } from '../cli-io';
import { parseOptions } from '../parse-options';
import { readMesh } from '../read-input';
import { IMAGE_FORMATS, type ImageFormat, renderMermaidImages } from '../render/mermaid-images';

const FORMAT_IDS = [...EXPORT_TARGETS.map((target) => target.id), ...IMAGE_FORMATS];

export const exportCommand: Command = {
  name: 'export',
  usage: `${PROGRAM} export <file.mesh.json> --out <folder> [--format ${FORMAT_IDS.join(',')}] [--scope domain:<id>|nodes:<id>,...] [--baseline <saved.mesh.json>] [--force]`,
  summary:
    'write deployable manifests: ODCS, ODPS, Backstage, Strimzi, PostgreSQL DDL, JSON Schema, Mermaid diagrams (and their SVG/PNG), and index.md',
  details: [
    'options:',
    '  --out <folder>        where to write; created when missing',
    `  --format <list>       formats, comma-separated (default: all but svg and png): ${FORMAT_IDS.join(', ')}`,
    '                        svg and png draw the Mermaid diagrams (mermaid text included) in headless Chromium',
    '                        (CHROMIUM_PATH, or chromium installed); without it they are skipped, and it says so',
    '  --scope <scope>       domain:<id> for one domain, nodes:<id>,<id> for chosen domains, products and',
    '                        systems (default: the whole mesh)',
    '  --baseline <file>     the design as last saved (e.g. from the main branch): adds sql/<product>.changes.sql,',
    "                        the migration from each contract's saved version to the current one",
    '  --force               write into a folder that is not empty (files of the same name are replaced)',
    '',
    'Nothing is written when the design has problems or a format cannot be written; every problem',
    'is printed with the element it is about.',
    '',
    'exit codes: 0 written, 1 problems in the design or the baseline, 2 wrong usage or a non-empty folder without --force',
  ],
  async run(args, io) {
    const options = parseOptions(args, { values: ['out', 'format', 'scope', 'baseline'], flags: ['force'] });
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
    const imageFormats = IMAGE_FORMATS.filter((format) => formats.includes(format));
    // Images are drawn from the Mermaid text, which is written with them.
    const targets = EXPORT_TARGETS.filter(
      (target) => formats.includes(target.id) || (target.id === 'mermaid' && imageFormats.length > 0),
    );
    const bundle = exportBundle(design.mesh, targets, scope, exportOptions);
    if (!bundle.ok)
      return fail(
        io,
        bundle.errors.map((problem) => `${file}: ${formatProblem(problem)}`),
      );

    const existing = await io.listFolder(out);
    if (existing && existing.length > 0 && !options.flags.force) {
      io.err(`${PROGRAM} export: ${out} is not empty (${existing.length} entries); pass --force to write into it`);
      return EXIT.usage;
    }
    for (const bundleFile of bundle.value) await io.writeFile(out, bundleFile.path, bundleFile.content);
    io.out(`${file}: wrote ${bundle.value.length} files to ${out} (${INDEX_FILE} lists them)`);
    if (imageFormats.length > 0) await writeDiagramImages(io, file, out, bundle.value, imageFormats);
    return EXIT.ok;
  },
};

function parseScope(text: string | undefined): ExportScope | null {
  if (text === undefined) return WHOLE_MESH;
  const [kind, ids = ''] = text.split(/:(.*)/s);
  if (kind === 'domain' && ids) return { kind: 'domain', domainId: ids };
  const nodeIds = ids.split(',').filter(Boolean);
  if (kind === 'nodes' && nodeIds.length > 0) return { kind: 'selection', nodeIds };
  return null;
}

/** SVG or PNG of each Mermaid diagram, beside its `.mmd`; where they cannot be drawn, says why. */
async function writeDiagramImages(
  io: CliIo,
  file: string,
  out: string,
  bundle: readonly { path: string; content: string | Uint8Array }[],
  formats: readonly ImageFormat[],
): Promise<void> {
  const diagrams = bundle
    .filter((bundleFile) => bundleFile.path.endsWith('.mmd'))
    .map((bundleFile) => ({ path: bundleFile.path, text: String(bundleFile.content) }));
  const images = await renderMermaidImages(diagrams, formats);
  if (!images.ok) {
    io.err(`${file}: ${formats.join(' and ')} not written: ${images.reason}; the Mermaid text is in ${out}/mermaid/`);
    return;
  }
  for (const image of images.files) await io.writeFile(out, image.path, image.content);
  io.out(`${file}: drew ${images.files.length} ${formats.join(' and ')} images of the Mermaid diagrams`);
}

function fail(io: CliIo, lines: readonly string[]) {
  for (const line of lines) io.err(line);
  return EXIT.problems;
}
