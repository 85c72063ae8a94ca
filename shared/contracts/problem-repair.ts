import type { YamlEdit } from './yaml-text-edit';

/**
 * The one-step repair of a contract problem, known where the problem is found: rewrite the
 * contract in the latest ODCS version, edit it at paths, or replace the text the problem marks,
 * with one text or with the one chosen among several as likely (`dayz`: `day` or `days`).
 */
export type ProblemRepair =
  | { kind: 'upgrade-to-latest' }
  | { kind: 'edit'; title: string; edits: YamlEdit[] }
  /** `title`: the quick fix's name, where `Change to '<text>'` does not say it. */
  | { kind: 'replace-marked-text'; text: string; title?: string }
  | { kind: 'replace-marked-text-with-one-of'; texts: readonly string[] };
