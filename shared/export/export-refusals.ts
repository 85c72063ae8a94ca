import type { Mesh } from '../model/mesh';
import { formatProblem, type Problem } from '../model/problem';
import type { Finding } from '../validation/finding';
import { exportBundle } from './export-bundle';
import { WHOLE_MESH } from './export-scope';
import type { ExportOptions, ExportProblem } from './export-target';
import { EXPORT_TARGETS } from './export-targets';

/** An error a governance rule reports (not turned off, not lowered by a policy): where, and which rule. */
export interface RuleError {
  ruleId: string;
  path: string;
}

/** The governance findings that are errors (not turned off): what `exportRefusals` leaves to the rules to say. */
export function ruleErrorsOf(findings: readonly Finding[]): RuleError[] {
  return findings.flatMap(({ severity, suppressed, ruleId, path }) =>
    severity === 'error' && !suppressed ? [{ ruleId, path }] : [],
  );
}

/**
 * What stops an export of the whole mesh in every format, each problem as the export names it,
 * but those `ruleErrors` already say: `validate` reports them, so that a CI job that only
 * validates fails where the export would. Pictures of diagrams are not drawn: only Chromium can
 * say whether it draws them.
 */
export function exportRefusals(
  mesh: Mesh,
  options: ExportOptions = {},
  ruleErrors: readonly RuleError[] = [],
): Problem[] {
  const bundle = exportBundle(mesh, EXPORT_TARGETS, WHOLE_MESH, options);
  if (bundle.ok) return [];
  const isSaidByRule = ({ sameAs }: ExportProblem) =>
    sameAs !== undefined && ruleErrors.some((error) => error.ruleId === sameAs.ruleId && error.path === sameAs.path);
  return bundle.errors.filter((problem) => !isSaidByRule(problem)).map(({ path, message }) => ({ path, message }));
}

/** What would stop the export of `after` that did not stop `before`'s: the refusals an edit, such as an import, brings. */
export function exportRefusalsAdded(before: Mesh, after: Mesh): Problem[] {
  const known = new Set(exportRefusals(before).map(formatProblem));
  return exportRefusals(after).filter((problem) => !known.has(formatProblem(problem)));
}
