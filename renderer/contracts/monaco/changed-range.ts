import type * as Monaco from 'monaco-editor/editor/editor.api';

const isHighSurrogate = (text: string, index: number) => /[\uD800-\uDBFF]/.test(text.charAt(index));
const isLowSurrogate = (text: string, index: number) => /[\uDC00-\uDFFF]/.test(text.charAt(index));

/**
 * The one edit that turns the model's text into `next`, leaving the text both share at the start
 * and at the end in place: the caret and the view stay where they are, and a caret in text taken
 * away lands where it was (Undo of typing puts it back where the typing began).
 */
export function changedRange(
  model: Monaco.editor.ITextModel,
  next: string,
): Monaco.editor.IIdentifiedSingleEditOperation {
  const current = model.getValue();
  const shortest = Math.min(current.length, next.length);
  let start = 0;
  while (start < shortest && current[start] === next[start]) start++;
  // A character outside the BMP is two code units: never cut between them.
  if (start > 0 && start < current.length && isLowSurrogate(current, start) && isHighSurrogate(current, start - 1))
    start--;
  let end = 0;
  while (end < shortest - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  const endIndex = current.length - end;
  if (end > 0 && endIndex > start && isHighSurrogate(current, endIndex - 1)) end--;
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(current.length - end);
  return {
    range: {
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    },
    text: next.slice(start, next.length - end),
  };
}
