/** A span of text, 1-based and end-exclusive: what an editor marker (Monaco) takes. */
export interface TextRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Places as the text reads them, line then column, as an editor's Problems panel lists them (ties keep their order). */
export function byPosition(a: Pick<TextRange, 'line' | 'column'>, b: Pick<TextRange, 'line' | 'column'>): number {
  return a.line - b.line || a.column - b.column;
}
