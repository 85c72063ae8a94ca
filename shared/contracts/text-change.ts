import type { TextRange } from './yaml-source';

/** Text to put in place of a range of another text: one edit, as an editor applies and undoes it. */
export interface TextChange extends TextRange {
  text: string;
}

/** The one change that turns `before` into `after`: what lies between their common start and their common end. */
export function textChangeBetween(before: string, after: string): TextChange {
  const longest = Math.min(before.length, after.length);
  let start = 0;
  while (start < longest && before[start] === after[start]) start++;
  let end = 0;
  while (end < longest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const from = positionAt(before, start);
  const to = positionAt(before, before.length - end);
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    text: after.slice(start, after.length - end),
  };
}

/** The 1-based line and column of an offset in a text. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
