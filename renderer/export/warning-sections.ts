import type { ExportWarning, ExportWarningKind } from '../../shared/export';

const HEADINGS: Record<ExportWarningKind, string> = {
  'left-out': 'Not in the export',
  caution: 'Warnings',
};

export interface WarningSection {
  heading: string;
  warnings: ExportWarning[];
}

/** The export's warnings under a heading each kind: what is left out apart from what is written but acts otherwise. */
export function warningSections(warnings: readonly ExportWarning[]): WarningSection[] {
  return (Object.keys(HEADINGS) as ExportWarningKind[])
    .map((kind) => ({ heading: HEADINGS[kind], warnings: warnings.filter((warning) => warning.kind === kind) }))
    .filter((section) => section.warnings.length > 0);
}
