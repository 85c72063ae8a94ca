import type { YamlEdit } from './yaml-text-edit';

/**
 * The one-step repair of a contract problem, known where the problem is found: rewrite the
 * contract in the latest ODCS version, edit it at paths, or replace the text the problem marks.
 */
export type ProblemRepair =
  | { kind: 'upgrade-to-latest' }
  | { kind: 'edit'; title: string; edits: YamlEdit[] }
  /** `title`: the quick fix's name, where `Change to '<text>'` does not say it. */
  | { kind: 'replace-marked-text'; text: string; title?: string };
