/** A place in a text: its 1-based line and column (UTF-16 code units, as editors count). */
export interface TextPlace {
  line: number;
  column: number;
}

/** Where a piece of a statement's text starts in the source: a statement may join several lines. */
interface PlacedPiece extends TextPlace {
  offset: number;
}

/**
 * The source place of each character of a statement read from several lines (a link chain
 * broken after `-->`, a label over two lines), so a note can point at the token it is about.
 */
export class StatementPlaces {
  private readonly pieces: PlacedPiece[] = [];

  /** The text from `offset` on comes from `place` in the source, one column a character. */
  startPiece(offset: number, place: TextPlace): void {
    const last = this.pieces.at(-1);
    const continuesLast = last && last.line === place.line && place.column - last.column === offset - last.offset;
    if (!continuesLast) this.pieces.push({ offset, ...place });
  }

  /** The same places for the statement's text with its first `count` characters trimmed off. */
  shifted(count: number): StatementPlaces {
    const shifted = new StatementPlaces();
    for (const piece of this.pieces) shifted.pieces.push({ ...piece, offset: piece.offset - count });
    return shifted;
  }

  at(offset: number): TextPlace {
    const piece = this.pieces.findLast((candidate) => candidate.offset <= offset) ?? this.pieces[0];
    if (!piece) return { line: 1, column: 1 };
    return { line: piece.line, column: piece.column + offset - piece.offset };
  }
}
