import type { Problem } from '../model/problem';

/** `left-out`: the export has no file for what it names; `caution`: its files are whole, but act otherwise than the design shows. */
export type ExportWarningKind = 'left-out' | 'caution';

export interface ExportWarning extends Problem {
  kind: ExportWarningKind;
}
