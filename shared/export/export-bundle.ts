import type { Mesh } from '../model/mesh';
import type { Problem, Result } from '../model/problem';
import { describeScope, type ExportScope, elementsInScope } from './export-scope';
import type { ExportFile, ExportOptions, ExportTarget } from './export-target';
import { checkBundlePaths } from './file-names';

/*
 * A bundle: the files of the chosen targets, each in its own folder, and index.md listing
 * every file and what reads it. All or nothing: when any target fails, the bundle is the
 * failure (every problem, each naming its element), so nothing partial is ever written.
 */

export const INDEX_FILE = 'index.md';

/** The work of one target, so a caller can report progress between steps. */
export interface BundleStep {
  target: ExportTarget;
  run(): Result<ExportFile[]>;
}

/** One step per target; a scope that names nothing in the mesh fails here, once, before any step. */
export function bundleSteps(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions = {},
): Result<BundleStep[]> {
  const scoped = elementsInScope(mesh, scope);
  if (!scoped.ok) return scoped;
  return { ok: true, value: targets.map((target) => ({ target, run: () => target.files(mesh, scope, options) })) };
}

/** Puts the steps' results together: every problem of every target, or the files and index.md. */
export function assembleBundle(
  mesh: Mesh,
  scope: ExportScope,
  results: readonly { target: ExportTarget; result: Result<ExportFile[]> }[],
): Result<ExportFile[]> {
  const errors = results.flatMap(({ target, result }) =>
    result.ok ? [] : result.errors.map((problem) => ({ ...problem, message: `${target.label}: ${problem.message}` })),
  );
  if (errors.length > 0) return { ok: false, errors };
  const files = results.flatMap(({ result }) => (result.ok ? result.value : []));
  const index = { path: INDEX_FILE, content: indexMarkdown(mesh, scope, results), about: 'this list of files' };
  const bundle = [index, ...files];
  const pathProblems: Problem[] = checkBundlePaths(bundle.map((file) => file.path));
  return pathProblems.length > 0 ? { ok: false, errors: pathProblems } : { ok: true, value: bundle };
}

/** The whole bundle at once. */
export function exportBundle(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions = {},
): Result<ExportFile[]> {
  const steps = bundleSteps(mesh, targets, scope, options);
  if (!steps.ok) return steps;
  return assembleBundle(
    mesh,
    scope,
    steps.value.map((step) => ({ target: step.target, result: step.run() })),
  );
}

function indexMarkdown(
  mesh: Mesh,
  scope: ExportScope,
  results: readonly { target: ExportTarget; result: Result<ExportFile[]> }[],
): string {
  const sections = results.map(({ target, result }) => {
    const files = result.ok ? result.value : [];
    const rows = files.map((file) => `| [${file.path}](${file.path}) | ${markdownText(file.about)} |`);
    return [
      `## ${target.label}`,
      '',
      `Read by ${target.readBy}.`,
      '',
      ...(rows.length > 0 ? ['| File | What it is |', '| --- | --- |', ...rows] : ['Nothing in scope to export.']),
    ].join('\n');
  });
  return [
    `# ${markdownText(mesh.name)}: exported files`,
    '',
    `Exported from Data Mesh Designer: ${markdownText(describeScope(mesh, scope))}.`,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

/** Names as plain text in Markdown: no tables broken by `|`, no HTML, no links or emphasis made by accident. */
function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|<>~]/g, (character) => `\\${character}`)
    .trim();
}
