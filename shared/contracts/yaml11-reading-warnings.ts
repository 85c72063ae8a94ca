import { DOCUMENT_PATH } from '../model/problem';
import type { LocatedFinding } from './finding';
import { yaml11Rewrites } from './yaml11-quoting';

/**
 * A warning at each plain value YAML 1.1 readers (PyYAML under datacontract-cli, SnakeYAML) read
 * otherwise than the app does (`on`, `y`, `=`, `1_000`, `1:30`, `0755`, a date and time), with the
 * text that reads alike in both as its quick fix. Save writes the text as it is; export quotes them.
 */
export function yaml11ReadingWarnings(text: string): LocatedFinding[] {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const positionOf = (offset: number) => {
    const line = lineStarts.findLastIndex((start) => start <= offset);
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  return (yaml11Rewrites(text) ?? []).map(({ start, end, text: rewritten }) => {
    const from = positionOf(start);
    const to = positionOf(end);
    return {
      path: DOCUMENT_PATH,
      message: `YAML 1.1 readers (PyYAML, SnakeYAML) read ${text.slice(start, end)} otherwise than YAML 1.2 does: write ${rewritten}`,
      severity: 'warning',
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      repair: {
        kind: 'replace-marked-text',
        text: rewritten,
        title: rewritten.startsWith('"') ? 'Quote it' : `Write it ${rewritten}`,
      },
    };
  });
}
