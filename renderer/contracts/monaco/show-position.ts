import type * as Monaco from 'monaco-editor/editor/editor.api';

/**
 * Puts the cursor at a place and scrolls it into the middle of the editor, sideways too: a narrow
 * pane scrolled right would otherwise show the line with its start hidden.
 */
export function showPosition(editor: Monaco.editor.ICodeEditor, lineNumber: number, column = 1): void {
  const position = { lineNumber, column };
  editor.setPosition(position);
  editor.revealPositionInCenter(position);
  editor.focus();
}

/** Selects a span of text and scrolls it into the middle of the editor, which takes the keyboard focus. */
export function showRange(editor: Monaco.editor.ICodeEditor, range: Monaco.IRange): void {
  editor.setSelection(range);
  editor.revealRangeInCenter(range);
  editor.focus();
}
