/**
 * Whether the cursor is in text that YAML reads as no key or value of a mapping: a comment, or
 * the lines of a block scalar (`description: |`), where `unit: minutes` is prose. `line` and
 * `column` are 1-based, as in editors.
 */
export function isInYamlText(lines: readonly string[], line: number, column: number): boolean {
  const current = lines[line - 1] ?? '';
  const comment = commentStart(current);
  return (comment !== undefined && column - 1 > comment) || isInBlockScalar(lines, line, column);
}

/** Where a comment starts on the line (its `#`, at the line's start or after a blank, outside quotes), 0-based. */
function commentStart(line: string): number | undefined {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    const previous = index === 0 ? ' ' : (line[index - 1] as string);
    if (quote === '"' && char === '\\') index++;
    else if (quote !== undefined && char === quote) quote = undefined;
    else if (quote === undefined && (char === '"' || char === "'") && /[\s:[{,-]/.test(previous)) quote = char;
    else if (quote === undefined && char === '#' && /\s/.test(previous)) return index;
  }
  return undefined;
}

/** A line opening a block scalar, as a key's value (`description: >-`) or an item (`- |`), a comment after it allowed. */
const BLOCK_SCALAR_HEADER =
  /^( *)((?:- +)*)(?:("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-:][^:#]*?) *: +)?[|>][1-9+-]{0,2} *(?:#.*)?$/;

/**
 * The column a block scalar's text must be indented past, when the line opens one: its key's,
 * or its item's dash. Undefined for any other line.
 */
function blockScalarParentIndent(line: string): number | undefined {
  const header = BLOCK_SCALAR_HEADER.exec(line);
  if (!header) return undefined;
  const [, indent = '', dashes = '', key] = header;
  if (key !== undefined) return indent.length + dashes.length;
  return dashes === '' ? undefined : indent.length + dashes.trimEnd().lastIndexOf('-');
}

/**
 * Whether the cursor's line is text of a block scalar opened above it: every line between them,
 * and the cursor's, indented past the column the block's text must be indented past.
 */
function isInBlockScalar(lines: readonly string[], line: number, column: number): boolean {
  const current = lines[line - 1] ?? '';
  const isBlank = current.trim() === '';
  let leastIndent = isBlank ? Math.min(column - 1, current.length) : current.length - current.trimStart().length;
  for (let index = line - 2; index >= 0 && leastIndent > 0; index--) {
    const above = lines[index] ?? '';
    if (above.trim() === '') continue;
    const parentIndent = blockScalarParentIndent(above);
    if (parentIndent !== undefined && parentIndent < leastIndent) return true;
    leastIndent = Math.min(leastIndent, above.length - above.trimStart().length);
  }
  return false;
}
