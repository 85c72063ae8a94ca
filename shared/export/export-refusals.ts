import type { Mesh } from '../model/mesh';
import { formatProblem, type Problem } from '../model/problem';
import type { Finding } from '../validation/finding';
import { exportBundle } from './export-bundle';
import { WHOLE_MESH } from './export-scope';
import type { ExportOptions, ExportProblem } from './export-target';
import { EXPORT_TARGETS } from './export-targets';
import { mermaidTarget } from './mermaid/mermaid-target';

/**
 * The formats that can refuse a design. Mermaid draws the design's own elements, so it never
 * refuses one (a diagram past Mermaid's limits is left out with a warning), and drawing every
 * diagram was three quarters of the check's time: too long for the app to run it after each edit.
 */
const REFUSING_TARGETS = EXPORT_TARGETS.filter((target) => target !== mermaidTarget);

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
 * validates fails where the export would. Diagrams are not drawn (see REFUSING_TARGETS), nor
 * their pictures: only Chromium can say whether it draws them.
 */
export function exportRefusals(
  mesh: Mesh,
  options: ExportOptions = {},
  ruleErrors: readonly RuleError[] = [],
): Problem[] {
  const bundle = exportBundle(mesh, REFUSING_TARGETS, WHOLE_MESH, options);
  if (bundle.ok) return [];
  const isSaidByRule = ({ sameAs }: ExportProblem) =>
    sameAs !== undefined && ruleErrors.some((error) => error.ruleId === sameAs.ruleId && error.path === sameAs.path);
  return bundle.errors.filter((problem) => !isSaidByRule(problem)).map(({ path, message }) => ({ path, message }));
}

/** Why an import is refused: what it would bring, and what that means for the design. */
export interface ImportRefusal {
  /** `the design would no longer export` */
  reason: string;
  problems: Problem[];
}

/**
 * Whether an import that turns `before` into `after` is refused, as a whole, by the CLI and the
 * app alike: when it brings a problem that would stop the export. Contracts that open fine can
 * still clash where they are served (two tables of one name in a product). Null: it may go ahead.
 */
export function importRefusal(before: Mesh, after: Mesh): ImportRefusal | null {
  const known = new Set(exportRefusals(before).map(formatProblem));
  const problems = exportRefusals(after).filter((problem) => !known.has(formatProblem(problem)));
  return problems.length > 0 ? { reason: 'the design would no longer export', problems } : null;
}
