import type { Mesh } from '../model/mesh';
import { formatProblem, type Problem, type Result } from '../model/problem';
import { classifiedFieldsSection } from './classified-fields-section';
import {
  type DiagramPictures,
  pictureFile,
  plannedPictures,
  smallerPictureWarning,
  withPictures,
} from './diagram-pictures';
import { describeScope, type ExportScope, elementsInScope } from './export-scope';
import type { ExportFile, ExportOptions, ExportResult, ExportTarget } from './export-target';
import type { ExportWarning } from './export-warning';
import { checkBundlePaths } from './file-names';
import { markdownText } from './markdown-text';

/*
 * A bundle: the files of the chosen targets, each in its own folder (with pictures of the
 * Mermaid diagrams when asked), and index.md listing every file and what reads it. All or
 * nothing: when any target fails, the bundle is the failure (every problem, each naming its
 * element and the format it stops), so nothing partial is ever written. A file a target left
 * out on purpose is a warning: the bundle carries it, and index.md says what was not written
 * and why.
 */

export const INDEX_FILE = 'index.md';

type TargetResult = { target: ExportTarget; result: ExportResult };

/** Where a long export is: `done` of `total` steps (a format, a picture) finished, `doing` next. */
export interface BundleProgress {
  done: number;
  total: number;
  /** The next step, for people: `Exporting ODCS data contracts`, `Drawing mermaid/lineage.svg`. */
  doing: string;
}

/**
 * The targets' results as work that stops before each target (yielding how far it is), so the
 * same code runs at once (CLI) or with the page painting progress between targets (app).
 */
function* targetResults(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions,
): Generator<BundleProgress, Result<TargetResult[]>> {
  // A scope that names nothing in the mesh fails here, once, rather than once per target.
  const scoped = elementsInScope(mesh, scope);
  if (!scoped.ok) return scoped;
  const results: TargetResult[] = [];
  for (const target of targets) {
    yield { done: results.length, total: targets.length, doing: `Exporting ${target.label}` };
    results.push({ target, result: target.files(mesh, scope, options) });
  }
  return { ok: true, value: results };
}

/** The whole bundle at once (without pictures, which are drawn asynchronously). */
export function exportBundle(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions = {},
): ExportResult {
  const work = targetResults(mesh, targets, scope, options);
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value.ok ? assembleBundle(mesh, scope, step.value.value) : step.value;
  }
}

export interface BundleSteps {
  onProgress(progress: BundleProgress): void;
  /** Between steps: the app waits a frame so that progress shows. */
  pause(): Promise<void>;
  isCancelled(): boolean;
  /** Pictures of the Mermaid diagrams to draw into the bundle, each right after its diagram. */
  pictures?: DiagramPictures;
}

/**
 * The bundle step by step: `onProgress` before each target and each picture, then `pause`.
 * Stops with null once `isCancelled` says the result is no longer wanted. A diagram of which a
 * picture cannot be drawn is left out with its pictures, with a warning naming it and the reason,
 * as a diagram too large to draw is: the rest of the bundle is still written. A PNG drawn smaller
 * than asked, for no side of a PNG can pass MAX_PNG_SIDE, is written with a warning saying so.
 */
export async function exportBundleInSteps(
  mesh: Mesh,
  targets: readonly ExportTarget[],
  scope: ExportScope,
  options: ExportOptions,
  steps: BundleSteps,
): Promise<ExportResult | null> {
  const work = targetResults(mesh, targets, scope, options);
  let step = work.next();
  for (; !step.done; step = work.next()) {
    steps.onProgress(step.value);
    await steps.pause();
    if (steps.isCancelled()) return null;
  }
  if (!step.value.ok) return step.value;
  const results = step.value.value;
  const formats = steps.pictures?.formats ?? [];
  const planned = results.flatMap(({ result }) => (result.ok ? plannedPictures(result.value, formats) : []));
  if (!steps.pictures || planned.length === 0) return assembleBundle(mesh, scope, results);
  const pictures: ExportFile[] = [];
  const undrawable = new Map<string, ExportWarning>();
  const drawnSmaller = new Map<string, ExportWarning[]>();
  for (const [index, picture] of planned.entries()) {
    if (undrawable.has(picture.diagram.path)) continue;
    steps.onProgress({
      done: targets.length + index,
      total: targets.length + planned.length,
      doing: `Drawing ${picture.path}`,
    });
    await steps.pause();
    if (steps.isCancelled()) return null;
    try {
      const drawn = await steps.pictures.draw(String(picture.diagram.content), picture.format);
      pictures.push(pictureFile(picture, drawn));
      const smaller = smallerPictureWarning(picture, drawn);
      if (smaller) drawnSmaller.set(picture.diagram.path, [...(drawnSmaller.get(picture.diagram.path) ?? []), smaller]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      undrawable.set(picture.diagram.path, {
        kind: 'left-out',
        path: picture.diagram.path,
        message: `not written: ${picture.path} could not be drawn: ${reason}`,
      });
    }
    if (steps.isCancelled()) return null;
  }
  const drawn = results.map(({ target, result }) => ({
    target,
    result: result.ok ? withDrawnPictures(result, pictures, undrawable, drawnSmaller) : result,
  }));
  return assembleBundle(mesh, scope, drawn);
}

/**
 * A target's files with the pictures drawn, less each diagram a picture of which could not be
 * drawn, named in a warning instead; with a warning for each picture of theirs drawn smaller.
 */
function withDrawnPictures(
  { value: files, warnings = [] }: Extract<ExportResult, { ok: true }>,
  pictures: readonly ExportFile[],
  undrawable: ReadonlyMap<string, ExportWarning>,
  drawnSmaller: ReadonlyMap<string, readonly ExportWarning[]>,
): ExportResult {
  const leftOut = files.flatMap((file) => undrawable.get(file.path) ?? []);
  const kept = files.filter((file) => !undrawable.has(file.path));
  const smaller = kept.flatMap((file) => drawnSmaller.get(file.path) ?? []);
  const value = withPictures(kept, pictures);
  const allWarnings = [...warnings, ...leftOut, ...smaller];
  return allWarnings.length > 0 ? { ok: true, value, warnings: allWarnings } : { ok: true, value };
}

/** Puts the targets' results together: every problem of every target, or the files, index.md and the warnings. */
function assembleBundle(mesh: Mesh, scope: ExportScope, results: readonly TargetResult[]): ExportResult {
  const labelled = <P extends Problem>(target: ExportTarget, problems: readonly P[]): P[] =>
    problems.map((problem) => ({ ...problem, message: `${target.label}: ${problem.message}` }));
  const errors = results.flatMap(({ target, result }) =>
    result.ok ? [] : labelled(target, result.errors).map((problem) => ({ ...problem, targetId: target.id })),
  );
  if (errors.length > 0) return { ok: false, errors };
  const warnings = results.flatMap(({ target, result }) => (result.ok ? labelled(target, result.warnings ?? []) : []));
  const files = results.flatMap(({ result }) => (result.ok ? result.value : []));
  const index = { path: INDEX_FILE, content: indexMarkdown(mesh, scope, results), about: 'this list of files' };
  const bundle = [index, ...files];
  const pathProblems: Problem[] = checkBundlePaths(bundle.map((file) => file.path));
  if (pathProblems.length > 0) return { ok: false, errors: pathProblems };
  return warnings.length > 0 ? { ok: true, value: bundle, warnings } : { ok: true, value: bundle };
}

function indexMarkdown(mesh: Mesh, scope: ExportScope, results: readonly TargetResult[]): string {
  const sections = results.map(({ target, result }) => {
    const files = result.ok ? result.value : [];
    const rows = files.map((file) => `| [${file.path}](${file.path}) | ${markdownText(file.about)} |`);
    const leftOut = result.ok ? (result.warnings ?? []) : [];
    return [
      `## ${target.label}`,
      '',
      `Read by ${target.readBy}.`,
      '',
      ...(rows.length > 0 ? ['| File | What it is |', '| --- | --- |', ...rows] : ['Nothing in scope to export.']),
      ...(leftOut.length > 0 ? ['', ...leftOut.map((problem) => `- ${markdownText(formatProblem(problem))}`)] : []),
    ].join('\n');
  });
  return [
    `# ${markdownText(mesh.name)}: exported files`,
    '',
    `Exported from Data Mesh Designer: ${markdownText(describeScope(mesh, scope))}.`,
    '',
    ...classifiedFieldsSection(mesh, scope),
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}
