import { elementAtPath } from '../model/element-at-path';
import type { Mesh } from '../model/mesh';
import type { Finding } from '../validation/finding';
import { exportRefusals, ruleErrorsOf } from './export-refusals';
import type { ExportOptions } from './export-target';

/** The rule id the problems panel shows for what stops an export: no governance rule, so no policy turns it off. */
export const EXPORT_REFUSAL_ID = 'export';

/**
 * What stops an export of the whole mesh, as problems beside the governance `findings`: each at
 * the element its path is in, and none that an error of those findings already says (as `validate`).
 */
export function exportRefusalFindings(
  mesh: Mesh,
  findings: readonly Finding[],
  options: ExportOptions = {},
): Finding[] {
  return exportRefusals(mesh, options, ruleErrorsOf(findings)).map(({ path, message }) => ({
    ruleId: EXPORT_REFUSAL_ID,
    severity: 'error',
    path,
    message,
    element: elementAtPath(mesh, path),
    fixHint: 'Export refuses the design until this is changed.',
  }));
}
