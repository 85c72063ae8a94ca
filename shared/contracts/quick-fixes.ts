import { editContractText, upgradeToLatest } from './contract-edits';
import type { LocatedFinding } from './finding';
import { LATEST_API_VERSION } from './odcs-versions';
import { checkContractYaml } from './semantic-checks';
import { type TextChange, textChangeBetween } from './text-change';
import type { TextRange } from './yaml-source';

/** A problem of a contract's text with the one change that repairs it. */
export interface QuickFix {
  title: string;
  finding: LocatedFinding;
  change: TextChange;
}

/**
 * The quick fixes for a contract's problems (all of them, or those touching `within`): each
 * problem that has a known one-step repair, with that repair as one change of the text.
 * A repair that cannot be made on this text (its YAML would not parse, an alias would be
 * orphaned, the upgrade would not be valid) is not offered.
 */
export function contractQuickFixes(
  text: string,
  keptId?: string,
  within?: TextRange,
  classificationLevels?: readonly string[],
): QuickFix[] {
  return checkContractYaml(text, keptId, classificationLevels)
    .filter((finding) => within === undefined || overlaps(finding, within))
    .flatMap((finding) => quickFixesOf(text, finding));
}

/** The quick fixes of one problem: its repair, or one for each text it may be replaced with. */
function quickFixesOf(text: string, finding: LocatedFinding): QuickFix[] {
  const { repair } = finding;
  const replacingMarkedText = (replacement: string, title = `Change to '${replacement}'`): QuickFix => {
    const { line, column, endLine, endColumn } = finding;
    return { title, finding, change: { line, column, endLine, endColumn, text: replacement } };
  };
  switch (repair?.kind) {
    case undefined:
      return [];
    case 'upgrade-to-latest': {
      const upgraded = upgradeToLatest(text);
      if (!upgraded.ok) return [];
      const title = `Upgrade the contract to ODCS ${LATEST_API_VERSION}`;
      return [{ title, finding, change: textChangeBetween(text, upgraded.text) }];
    }
    case 'edit': {
      const edited = editContractText(text, repair.edits);
      return edited.ok ? [{ title: repair.title, finding, change: textChangeBetween(text, edited.text) }] : [];
    }
    case 'replace-marked-text':
      return [replacingMarkedText(repair.text, repair.title)];
    case 'replace-marked-text-with-one-of':
      return repair.texts.map((replacement) => replacingMarkedText(replacement));
  }
}

/** Whether two ranges share a position; a cursor at either end of a range touches it. */
function overlaps(a: TextRange, b: TextRange): boolean {
  const isBefore = (line: number, column: number, otherLine: number, otherColumn: number) =>
    line < otherLine || (line === otherLine && column < otherColumn);
  return !isBefore(a.endLine, a.endColumn, b.line, b.column) && !isBefore(b.endLine, b.endColumn, a.line, a.column);
}
