import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { TextRange } from '../../../shared/contracts/yaml-source';

/** A span of text as Monaco takes it; an empty one covers one character, so a marker on it shows. */
export function monacoRange(range: TextRange): Monaco.IRange {
  const isOneLine = range.endLine === range.line;
  return {
    startLineNumber: range.line,
    startColumn: range.column,
    endLineNumber: range.endLine,
    endColumn: isOneLine ? Math.max(range.endColumn, range.column + 1) : range.endColumn,
  };
}
