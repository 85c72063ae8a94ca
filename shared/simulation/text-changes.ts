/** A change to a text: what was between `start` and `end` becomes `text` (an insertion where they are equal). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** A text with changes made to it, and the way back from a stretch of the result to what stood there before. */
export interface EditedText {
  text: string;
  /**
   * What was written where each of `stretches` stands in the result, looked for in their order (as
   * a select list's columns are); a stretch no change touches, or that is not in the result, as it is.
   */
  writtenAs(stretches: readonly string[]): string[];
}

/** A stretch of the result, and where it came from: itself unchanged, or a change's text for the span it replaced. */
interface Piece {
  from: number;
  to: number;
  originalFrom: number;
  originalTo: number;
  isChange: boolean;
}

/**
 * Makes changes that do not overlap; at one place, an insertion goes in front of a replacement. The
 * result maps back to what was written: SQLite heads an expression's column with its text as run,
 * which a user reads as they typed it.
 */
export function applyChanges(original: string, changes: readonly TextChange[]): EditedText {
  const pieces: Piece[] = [];
  let text = '';
  let read = 0;
  const append = (part: string, originalFrom: number, originalTo: number, isChange: boolean) => {
    pieces.push({ from: text.length, to: text.length + part.length, originalFrom, originalTo, isChange });
    text += part;
  };
  for (const change of [...changes].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (change.start > read) append(original.slice(read, change.start), read, change.start, false);
    append(change.text, change.start, change.end, true);
    read = Math.max(read, change.end);
  }
  if (read < original.length) append(original.slice(read), read, original.length, false);

  const originalStart = (at: number) => {
    const piece = pieces.find((candidate) => at >= candidate.from && at < candidate.to);
    return !piece ? original.length : piece.isChange ? piece.originalFrom : piece.originalFrom + (at - piece.from);
  };
  const originalEnd = (at: number) => {
    const piece = pieces.find((candidate) => at > candidate.from && at <= candidate.to);
    return !piece ? 0 : piece.isChange ? piece.originalTo : piece.originalFrom + (at - piece.from);
  };
  const pieceHolding = (at: number) => pieces.find((piece) => at > piece.from && at < piece.to);
  // A change made whole, with what is around it: not a piece of the engine's text that reads as a name.
  const coversChangesWhole = (from: number, to: number) =>
    !pieceHolding(from)?.isChange &&
    !pieceHolding(to)?.isChange &&
    pieces.some((piece) => piece.isChange && piece.from < to && from < piece.to);
  const writtenFrom = (after: number, stretch: string): { written: string; end: number } | undefined => {
    for (let from = text.indexOf(stretch, after); from !== -1 && stretch; from = text.indexOf(stretch, from + 1)) {
      const to = from + stretch.length;
      if (coversChangesWhole(from, to))
        return { written: original.slice(originalStart(from), originalEnd(to)), end: to };
    }
    return undefined;
  };
  return {
    text,
    writtenAs(stretches) {
      let after = 0;
      return stretches.map((stretch) => {
        const found = writtenFrom(after, stretch);
        if (!found) return stretch;
        after = found.end;
        return found.written;
      });
    },
  };
}
