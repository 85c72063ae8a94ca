import type { TextRange } from './text-range';

/** The parser's codes for a key that starts at another column than the keys above it. */
const ON_ITS_LINE = new Set(['MISSING_CHAR', 'BAD_INDENT']);
/** The parser's codes for a key indented further: reported at the key before it, which seems to run on. */
const ON_THE_LINE_BEFORE = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/** A line that starts a key (`    logicalType: x`, `  - name: x`): where the key starts, 1-based. */
interface KeyLine {
  line: number;
  column: number;
  key: string;
}

/**
 * A key not aligned with the keys of the mapping above it, which the YAML reader reports in
 * its own terms ("Sequence item without - indicator" at column 1, "Nested mappings are not
 * allowed in compact mappings" at the key before): said as what to fix, at the key. Undefined
 * where the error is something else.
 */
export function misalignedKey(
  code: string,
  errorLine: number,
  text: string,
): { message: string; range: TextRange } | undefined {
  const lines = text.split(/\r?\n/);
  const keyLineAt = ON_ITS_LINE.has(code)
    ? errorLine
    : ON_THE_LINE_BEFORE.has(code)
      ? nextContentLine(lines, errorLine)
      : undefined;
  const misplaced = keyLineAt === undefined ? undefined : keyLineOf(lines, keyLineAt);
  if (!misplaced) return undefined;
  const columns = enclosingKeyColumns(lines, misplaced.line);
  const [above] = columns;
  // Further in than the key above, or short of it: the nearest column of a key it may belong with.
  const expected = columns.filter((column) => column > misplaced.column).at(-1) ?? above;
  if (expected === undefined || expected === misplaced.column) return undefined;
  if (ON_THE_LINE_BEFORE.has(code) && misplaced.column < expected) return undefined;
  return {
    message: `'${misplaced.key}' is not aligned with the keys above it (column ${expected} expected)`,
    range: {
      line: misplaced.line,
      column: misplaced.column,
      endLine: misplaced.line,
      endColumn: misplaced.column + misplaced.key.length,
    },
  };
}

/**
 * Whether the parser's error at `errorLine` only echoes a key already found misaligned: its
 * reader takes the keys after that one in its mapping, aligned as they are, for more of its
 * key, and says so at each ("Nested mappings are not allowed in compact mappings").
 */
export function echoesMisalignedKey(
  code: string,
  errorLine: number,
  text: string,
  found: readonly TextRange[],
): boolean {
  if (!ON_THE_LINE_BEFORE.has(code)) return false;
  const lines = text.split(/\r?\n/);
  return found.some(({ line, column }) => line <= errorLine && errorLine <= lastLineIndentedFrom(lines, line, column));
}

/** The last line from `line` (1-based) on whose content starts at `column` or further in, blank lines and comments read through. */
function lastLineIndentedFrom(lines: readonly string[], line: number, column: number): number {
  let last = line;
  for (let candidate = line + 1; candidate <= lines.length; candidate++) {
    const text = lines[candidate - 1] ?? '';
    if (!hasContent(text)) continue;
    if (text.length - text.trimStart().length + 1 < column) break;
    last = candidate;
  }
  return last;
}

/** The columns of the keys above `line` that it may line up with: the key right above, then each parent's, further out. */
function enclosingKeyColumns(lines: readonly string[], line: number): number[] {
  const columns: number[] = [];
  for (let candidate = line - 1; candidate >= 1; candidate--) {
    const key = keyLineOf(lines, candidate);
    const innermost = columns.at(-1) ?? Number.POSITIVE_INFINITY;
    if (key && key.column < innermost) columns.push(key.column);
    else if (!key && hasContent(lines[candidate - 1]) && columns.length === 0) return [];
  }
  return columns;
}

function keyLineOf(lines: readonly string[], line: number | undefined): KeyLine | undefined {
  if (line === undefined) return undefined;
  const match = /^( *(?:- +)*)("[^"]*"|'[^']*'|[^\s#'"\-:][^:#]*?) *:(?: |$)/.exec(lines[line - 1] ?? '');
  return match ? { line, column: (match[1]?.length ?? 0) + 1, key: match[2] ?? '' } : undefined;
}

/** The first line after `line` (1-based) holding more than blanks or a comment. */
function nextContentLine(lines: readonly string[], line: number): number | undefined {
  for (let candidate = line + 1; candidate <= lines.length; candidate++) {
    if (hasContent(lines[candidate - 1])) return candidate;
  }
  return undefined;
}

function hasContent(line: string | undefined): boolean {
  return line !== undefined && !/^\s*(#.*)?$/.test(line);
}
