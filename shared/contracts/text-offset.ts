/** The offset in `text` of a 1-based `line` and `column` (as editors and parsers count them). */
export function offsetOfPosition(text: string, line: number, column: number): number {
  return (
    text
      .split('\n')
      .slice(0, line - 1)
      .reduce((sum, lineText) => sum + lineText.length + 1, 0) +
    column -
    1
  );
}
