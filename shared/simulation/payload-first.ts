type Row = Record<string, unknown>;

/**
 * Rows split for reading: the payload (a change's row images, a record's fields) first, and apart
 * the columns the engine keeps beside it (named `_…`: `_position`, `_lsn`, `_tx`…) and those
 * empty in every row (a create's `before_…`), which a view folds away. Each keeps its column order.
 * An `after_…` column empty where its `before_…` has a value stays in the payload: the change nulled it
 * (not a delete's, which has no after image at all); so does one in `marked` (a null-field fault's
 * column, which a create it re-sent has no before image to show).
 */
export function payloadFirst(rows: readonly Row[], marked: readonly string[] = []): { payload: Row[]; folded: Row[] } {
  const isNulledByChange = (name: string) =>
    name.startsWith('after_') &&
    rows.some((row) => row._op !== 'd' && row[`before_${name.slice('after_'.length)}`] != null);
  const isFolded = (name: string) =>
    name.startsWith('_') ||
    (rows.every((row) => row[name] === null) && !isNulledByChange(name) && !marked.includes(name));
  const pick = (row: Row, isWanted: (name: string) => boolean) =>
    Object.fromEntries(Object.entries(row).filter(([name]) => isWanted(name)));
  return {
    payload: rows.map((row) => pick(row, (name) => !isFolded(name))),
    folded: rows.map((row) => pick(row, isFolded)),
  };
}
