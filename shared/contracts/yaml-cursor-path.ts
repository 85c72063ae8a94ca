/**
 * Where the cursor is in block-style YAML, found by indentation alone so that it also works
 * on text that does not parse yet (the usual state while typing). Array items appear as `[]`.
 */
export interface YamlCursorPath {
  /** Keys from the root down to the mapping the cursor's line belongs to. */
  parentPath: string[];
  /** The key written on the cursor's line, if any. */
  key?: string;
  /** Whether the cursor is after `key:`, editing a value, rather than on a key. */
  isInValue: boolean;
}

/** A key plain (`name:`), double-quoted (`"name":`) or single-quoted (`'name':`), then its colon. */
const KEY_LINE = /^(\s*)(- +)?(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([A-Za-z_$][\w$-]*))\s*:(.*)$/;
const ITEM_LINE = /^(\s*)-(\s|$)/;

interface LineShape {
  indent: number;
  /** Indent of what follows a `- ` marker; the indent itself otherwise. */
  contentIndent: number;
  isItem: boolean;
  key?: string;
  /** `key: value` on one line, as opposed to `key:` opening a nested block. */
  hasInlineValue: boolean;
  /** Where the key's colon is, for a line with a key. */
  colon?: number;
}

function shapeOf(line: string): LineShape | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const indent = line.length - line.trimStart().length;
  const keyMatch = KEY_LINE.exec(line);
  if (keyMatch) {
    const [, , marker = '', doubleQuoted, singleQuoted, plain, value = ''] = keyMatch;
    const rest = value.trim();
    return {
      indent,
      contentIndent: indent + marker.length,
      isItem: marker !== '',
      key: doubleQuoted?.replace(/\\(.)/g, '$1') ?? singleQuoted?.replaceAll("''", "'") ?? (plain as string),
      hasInlineValue: rest !== '' && !rest.startsWith('#'),
      colon: line.length - value.length - 1,
    };
  }
  const isItem = ITEM_LINE.test(line);
  return { indent, contentIndent: isItem ? indent + 2 : indent, isItem, hasInlineValue: true };
}

/** `line` and `column` are 1-based, as in editors. */
export function yamlCursorPath(text: string, line: number, column: number): YamlCursorPath {
  const lines = text.split(/\r?\n/);
  const current = lines[line - 1] ?? '';
  const shape = shapeOf(current);
  const beforeCursor = current.slice(0, column - 1);

  const parentPath: string[] = [];
  let threshold: number;
  // An item's list may be the value of a key at the item's own indentation (`schema:` then `- name:`).
  let isBelowItem = shape?.isItem ?? false;
  if (shape?.isItem) {
    parentPath.push('[]');
    threshold = shape.indent;
  } else {
    threshold = shape ? shape.indent : beforeCursor.length - beforeCursor.trimStart().length;
  }

  for (let index = line - 2; index >= 0 && (threshold > 0 || isBelowItem); index--) {
    const candidate = shapeOf(lines[index] ?? '');
    if (!candidate) continue;
    const holdsList = isBelowItem && !candidate.isItem && candidate.indent === threshold;
    if (candidate.key && !candidate.hasInlineValue && (candidate.contentIndent < threshold || holdsList)) {
      parentPath.unshift(candidate.key);
      if (candidate.isItem) parentPath.unshift('[]');
      threshold = candidate.indent;
      isBelowItem = candidate.isItem;
    } else if (candidate.isItem && candidate.indent < threshold) {
      parentPath.unshift('[]');
      threshold = candidate.indent;
      isBelowItem = true;
    }
  }

  const isInValue = shape?.colon !== undefined && column - 1 > shape.colon;
  return { parentPath, ...(shape?.key !== undefined && { key: shape.key }), isInValue };
}
