/** A span of text, 1-based and end-exclusive: what an editor marker (Monaco) takes. */
export interface TextRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
