/** The columns (1-based, end exclusive) of the value a completion taken at a line's column replaces. */
export interface ValueColumns {
  startColumn: number;
  endColumn: number;
}

/**
 * The value written around `column`: from after its key's colon or a list item's `- ` (in a flow
 * collection, after its `[`, `{` or `,` and the entry's key), to a comment or the line's end (in a flow
 * collection, to before a `,`, `]` or `}`), without the spaces around it. A value taken replaces all of
 * it, not only what is before the caret (`re|stricted`), and `routes.rou` is one reference, `double pre`
 * one type, though a word ends at a dot or space. A block value's commas and brackets are its own:
 * `numeric(7,2)`, `text[]`.
 */
export function completedValueColumns(lineText: string, column: number, isInFlow: boolean): ValueColumns {
  const before = lineText.slice(0, column - 1);
  const entryStart = isInFlow ? Math.max(...['[', '{', ','].map((opener) => before.lastIndexOf(opener))) + 1 : 0;
  const entry = before.slice(entryStart);
  const afterKey = (isInFlow ? /^[^:]*:(?=\s|$)/ : /^[^:]*:/).exec(entry)?.[0].length ?? 0;
  const afterItemMarker = isInFlow ? 0 : (/^\s*-\s/.exec(before)?.[0].length ?? 0);
  let start = entryStart + Math.max(afterKey, afterItemMarker);
  while (before[start] === ' ') start++;
  const after = lineText.slice(column - 1);
  const valueEnd = isInFlow ? /[,\]}]|\s#|$/ : /\s#|$/;
  const endColumn = column + after.slice(0, after.search(valueEnd)).trimEnd().length;
  return { startColumn: start + 1, endColumn };
}
