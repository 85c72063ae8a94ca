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

type TargetResult = { target: ExportTarget; result: Result<ExportFile[]> };

/** Where a long export is: `done` of `total` targets written, `target` next. */
export interface BundleProgress {
  done: number;
  total: number;
  target: ExportTarget;
}

/**
 * The bundle as work that stops before each target (yielding how far it is), so the same code
 * runs at once (CLI) or with the page painting progress between targets (app).
 */
function* bundleWork(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions,
): Generator<BundleProgress, Result<ExportFile[]>> {
  // A scope that names nothing in the mesh fails here, once, rather than once per target.
  const scoped = elementsInScope(mesh, scope);
  if (!scoped.ok) return scoped;
  const results: TargetResult[] = [];
  for (const target of targets) {
    yield { done: results.length, total: targets.length, target };
    results.push({ target, result: target.files(mesh, scope, options) });
  }
  return assembleBundle(mesh, scope, results);
}

/** The whole bundle at once. */
export function exportBundle(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions = {},
): Result<ExportFile[]> {
  const work = bundleWork(mesh, targets, scope, options);
  for (let step = work.next(); ; step = work.next()) if (step.done) return step.value;
}

/**
 * The bundle target by target: `onProgress` before each, then `pause` (the app waits a frame
 * so progress shows). Stops with null once `isCancelled` says the result is no longer wanted.
 */
export async function exportBundleInSteps(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions,
  steps: { onProgress(progress: BundleProgress): void; pause(): Promise<void>; isCancelled(): boolean },
): Promise<Result<ExportFile[]> | null> {
  const work = bundleWork(mesh, targets, scope, options);
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    steps.onProgress(step.value);
    await steps.pause();
    if (steps.isCancelled()) return null;
  }
}

/** Puts the targets' results together: every problem of every target, or the files and index.md. */
function assembleBundle(mesh: Mesh, scope: ExportScope, results: readonly TargetResult[]): Result<ExportFile[]> {
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

function indexMarkdown(mesh: Mesh, scope: ExportScope, results: readonly TargetResult[]): string {
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
