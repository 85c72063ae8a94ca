import { flowCursorPath } from './yaml-flow-cursor-path';
import { isInYamlText } from './yaml-free-text';

/**
 * Where the cursor is in YAML: in block style found by indentation alone so that it also works
 * on text that does not parse yet (the usual state while typing), and inside a flow collection
 * written on the cursor's line (`- {name: id, unique: true}`) by its syntax. Array items appear as `[]`.
 */
export interface YamlCursorPath {
  /** Keys from the root down to the mapping the cursor's line belongs to. */
  parentPath: string[];
  /** The key written on the cursor's line, if any. */
  key?: string;
  /** Whether the cursor is after `key:`, editing a value, rather than on a key. */
  isInValue: boolean;
  /** Whether the cursor is in a comment or a block scalar's text (`description: |`): prose, of no mapping. */
  isInText: boolean;
  /** Whether the cursor is inside a flow collection (`{name: id, …}`), where no value opens a block. */
  isInFlow: boolean;
  /** The other keys of the mapping the cursor's line belongs to, with their values on their line ('' for none). */
  siblings: Map<string, string>;
  /** The keys of the mapping that holds the cursor's mapping (beside `logicalTypeOptions:`, its `logicalType`). */
  parentSiblings: Map<string, string>;
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
  /** What follows the colon on the line, without a trailing comment. */
  value?: string;
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
      value: rest.startsWith('#') ? '' : rest.replace(/\s+#.*$/, ''),
    };
  }
  const isItem = ITEM_LINE.test(line);
  return { indent, contentIndent: isItem ? indent + 2 : indent, isItem, hasInlineValue: true };
}

/** `line` and `column` are 1-based, as in editors. */
export function yamlCursorPath(text: string, line: number, column: number): YamlCursorPath {
  const lines = text.split(/\r?\n/);
  if (isInYamlText(lines, line, column)) {
    return {
      parentPath: [],
      isInValue: false,
      isInText: true,
      isInFlow: false,
      siblings: new Map(),
      parentSiblings: new Map(),
    };
  }
  const current = lines[line - 1] ?? '';
  const shape = shapeOf(current);
  const block = blockCursorPath(lines, line, column, shape);
  const flowStart = shape ? flowStartOf(current, shape) : undefined;
  const flow = flowStart === undefined ? undefined : flowCursorPath(current.slice(flowStart), column - 1 - flowStart);
  if (!flow) return block;
  const lineKey = shape?.key;
  return {
    parentPath: [...block.parentPath, ...(lineKey === undefined ? [] : [lineKey]), ...flow.path],
    ...(flow.key !== undefined && { key: flow.key }),
    isInValue: flow.isInValue,
    isInText: false,
    isInFlow: true,
    siblings: flow.siblings,
    // Outside the flow text, the mapping of the line's key (`logicalTypeOptions: {…}`) holds it, or the list of its item.
    parentSiblings: flow.parentSiblings ?? (lineKey === undefined ? block.parentSiblings : block.siblings),
  };
}

/** Where a flow collection starts on the line, as the value of its key or as its item (`- {…}`). */
function flowStartOf(line: string, shape: LineShape): number | undefined {
  const valueStart = shape.colon !== undefined ? shape.colon + 1 : shape.isItem ? shape.indent + 1 : shape.indent;
  const start = valueStart + (line.slice(valueStart).length - line.slice(valueStart).trimStart().length);
  return line[start] === '{' || line[start] === '[' ? start : undefined;
}

function blockCursorPath(
  lines: readonly string[],
  line: number,
  column: number,
  shape: LineShape | null,
): YamlCursorPath {
  const current = lines[line - 1] ?? '';
  const beforeCursor = current.slice(0, column - 1);

  const parentPath: string[] = [];
  const parentLines: number[] = [];
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
      parentLines.unshift(index);
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
  const ownIndent = shape ? shape.contentIndent : beforeCursor.length - beforeCursor.trimStart().length;
  const parentLine = parentLines.at(-1);
  const parentShape = parentLine === undefined ? null : shapeOf(lines[parentLine] ?? '');
  return {
    parentPath,
    ...(shape?.key !== undefined && { key: shape.key }),
    isInValue,
    isInText: false,
    isInFlow: false,
    siblings: mappingKeys(lines, line - 1, ownIndent),
    parentSiblings:
      parentLine === undefined || !parentShape ? new Map() : mappingKeys(lines, parentLine, parentShape.contentIndent),
  };
}

/**
 * The keys written at `indent` in the mapping around line `at` (0-based), that line's own key
 * left out, with their values on their line. A mapping ends where the indentation falls below
 * its own, and an array item's mapping where the next item starts.
 */
function mappingKeys(lines: readonly string[], at: number, indent: number): Map<string, string> {
  const keys = new Map<string, string>();
  const startsItem = (shape: LineShape) => shape.isItem && shape.contentIndent === indent;
  const isOutside = (shape: LineShape) => shape.contentIndent < indent || (shape.indent < indent && !startsItem(shape));
  const keep = (shape: LineShape, index: number) => {
    if (shape.key !== undefined && shape.contentIndent === indent && index !== at)
      keys.set(shape.key, shape.value ?? '');
  };
  for (let index = at; index >= 0; index--) {
    const shape = shapeOf(lines[index] ?? '');
    if (!shape) continue;
    if (isOutside(shape)) break;
    keep(shape, index);
    if (startsItem(shape)) break;
  }
  for (let index = at + 1; index < lines.length; index++) {
    const shape = shapeOf(lines[index] ?? '');
    if (!shape) continue;
    if (isOutside(shape) || startsItem(shape)) break;
    keep(shape, index);
  }
  return keys;
}
