import {
  Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  Scalar,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { doubleQuoted, needsEscapes, singleQuoted, toYamlText } from '../export/yaml-text';
import { isDeepEqual } from '../model/deep-equal';
import { formatPath } from '../model/problem';
import type { PathSegment } from './path-segment';

/**
 * A change to a YAML document at a path of its data: `set` creates or replaces a value,
 * `delete` removes a key or a sequence item, `insert` puts an item into a sequence before
 * the index that ends its path (at the end when the index is the length), `rename` gives
 * the key that ends its path another name where it is written.
 */
export type YamlEdit =
  | {
      op: 'set';
      path: readonly PathSegment[];
      value: unknown;
      /** Whether a string replacing a quoted one drops the quotes when it needs none (for text the app writes, not the user). */
      isQuotedOnlyWhereNeeded?: boolean;
    }
  | { op: 'delete'; path: readonly PathSegment[] }
  | { op: 'insert'; path: readonly PathSegment[]; value: unknown }
  | { op: 'rename'; path: readonly PathSegment[]; to: string };

/**
 * Applies edits to YAML text, changing only the lines they are about: every other byte
 * (comments, key order, quoting, indentation, blank lines, trailing spaces) stays as the
 * user wrote it. The yaml package's Document API finds where each value is (node ranges)
 * and writes new values; the text around them is spliced, never re-printed. A changed
 * object or list is edited key by key and item by item, so setting a whole property
 * whose description changed rewrites one line. Inside flow collections (`[a, b]`,
 * `{ a: 1 }`) the innermost enclosing flow collection that holds only scalars is rewritten in
 * YAML flow style, so `{metric: x, mustBeBetween: [9, 1]}` changes only its bounds; when none
 * does (an empty one gains an item, or one comes to hold collections) the outermost is
 * written in block style instead.
 *
 * New scalars are quoted when a YAML 1.1 reader (PyYAML, SnakeYAML) would take them for
 * something else (`yes`, `12:30`, `2024-01-01`, `0755`). A byte order mark and Windows
 * line endings are kept. The text must parse.
 */
export function editYamlText(text: string, edits: readonly YamlEdit[]): string {
  const { body, restore } = editable(text);
  const edited = edits.reduce(applyEdit, body);
  refuseOrphanedAliases(edited);
  return restore(edited);
}

/** Edits that remove an anchor (`&weapons`) an alias (`*weapons`) still uses would leave YAML no reader accepts. */
function refuseOrphanedAliases(text: string): void {
  const anchors = new Set<string>();
  const orphans = new Set<string>();
  visit(parseDocument(text), {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) orphans.add(node.source);
      } else if (node.anchor) anchors.add(node.anchor);
    },
  });
  const [anchor] = orphans;
  if (anchor === undefined) return;
  throw new YamlEditRefused(
    `it would remove the anchor &${anchor} that *${anchor} still uses: a YAML alias stops the rewrite. Write the values out in place of *${anchor} in the YAML, then try again`,
  );
}

const BYTE_ORDER_MARK = '\uFEFF';

/** The text without a byte order mark and with LF line ends, as the edits write it, and how to give it back its own. */
function editable(text: string): { body: string; restore: (edited: string) => string } {
  const mark = text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : '';
  const unmarked = text.slice(mark.length);
  // Only a text whose every line ends in CRLF gets CRLF on its new lines: a mixed one is left as it is.
  const isWindowsText = unmarked.includes('\r\n') && !/(?:^|[^\r])\n/.test(unmarked);
  const body = isWindowsText ? unmarked.replaceAll('\r\n', '\n') : unmarked;
  return { body, restore: (edited) => mark + (isWindowsText ? edited.replaceAll('\n', '\r\n') : edited) };
}

function applyEdit(text: string, edit: YamlEdit): string {
  const context = readContext(text);
  const writtenOut = mergedKeyWrittenOut(context, edit);
  if (writtenOut) return writtenOut.isDone ? writtenOut.text : applyEdit(writtenOut.text, edit);
  switch (edit.op) {
    case 'set':
      return edit.value === undefined
        ? deleteAt(context, edit.path)
        : setAt(context, edit.path, edit.value, !edit.isQuotedOnlyWhereNeeded);
    case 'delete':
      return deleteAt(context, edit.path);
    case 'insert':
      return insertAt(context, edit.path, edit.value);
    case 'rename':
      return renameAt(context, edit.path, edit.to);
  }
}

interface EditContext {
  text: string;
  root: Node | null;
  /** The node's data as a reader sees it, aliases resolved: what edits are compared with. */
  dataOf(node: Node | null): unknown;
}

function readContext(text: string): EditContext {
  // Merge keys (`<<: *idprop`) merged, as the app reads them (see readYamlSource).
  const document = parseDocument(text, { keepSourceTokens: false, merge: true });
  if (document.errors.length > 0) throw new Error(`cannot edit YAML with errors: ${document.errors[0]?.message}`);
  const root = (document.contents as Node | null) ?? null;
  const dataOf = (node: Node | null) => (node ? node.toJS(document, { maxAliasCount: 100 }) : null);
  return { text, root, dataOf };
}

/** An edit the text cannot take as asked (not a bug): its message says why, for the user. */
export class YamlEditRefused extends Error {
  override name = 'YamlEditRefused';
}

/** An alias (`*idprop`) shares the anchored node's value: editing it in place would change every alias, or break them apart. */
function refuseAlias(path: readonly PathSegment[], alias: Node): never {
  const anchor = (alias as unknown as { source: string }).source;
  throw new YamlEditRefused(
    `${formatPath(path)} is an alias (*${anchor}) of the value written at &${anchor}, which every *${anchor} shares: edit it in the YAML, at &${anchor} to change them all or in place of this alias to change this one`,
  );
}

/**
 * A key a map has only through a merge key (`<<: *idprop`) is written at the anchor, which
 * every merge and alias of it shares, so the edit cannot be made there. Deleting it writes the
 * merge out on that map without the key (nothing else can hide a merged key); an edit inside
 * it first gives the map its own copy of the key. Setting it needs nothing: a key written on
 * the map overrides the merged one. The anchor and its other users stay as they are.
 */
function mergedKeyWrittenOut(context: EditContext, edit: YamlEdit): { text: string; isDone: boolean } | undefined {
  const isDeletion = edit.op === 'delete' || (edit.op === 'set' && edit.value === undefined);
  let node: unknown = context.root;
  for (const [depth, segment] of edit.path.entries()) {
    const step = isAlias(node) ? undefined : stepInto(node, segment);
    if (step) {
      node = step.node;
      continue;
    }
    const mergePair = isMap(node) ? node.items.find(isMergePair) : undefined;
    if (!isMap(node) || !mergePair) return undefined;
    const merged = context.dataOf(node) as Record<string, unknown>;
    const key = String(segment);
    if (!(key in merged)) return undefined;
    const isLast = depth === edit.path.length - 1;
    if (isLast && isDeletion) return { text: writeOutMerge(context, node, mergePair, key), isDone: true };
    if (isLast) return undefined;
    return { text: insertPair(context, node, key, merged[key]), isDone: false };
  }
  return undefined;
}

/** `<<: *anchor` (yaml reads the key `<<` as a symbol once merge keys are on). */
function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol' && pair.key.value.description === '<<';
}

/** The map's merge key replaced by the keys it merges in (those the map does not write itself), but `removedKey`. */
function writeOutMerge(context: EditContext, map: YAMLMap, mergePair: Pair, removedKey: string): string {
  const ownKeys = new Set(
    map.items.filter((pair) => pair !== mergePair).map((pair) => String((pair.key as Scalar).value)),
  );
  const merged = Object.entries(context.dataOf(map) as Record<string, unknown>).filter(
    ([key]) => !ownKeys.has(key) && key !== removedKey,
  );
  if (merged.length === 0) {
    const step: Step = {
      parent: map,
      node: mergePair.value as Node,
      pair: mergePair,
      index: map.items.indexOf(mergePair),
    };
    return splice(context.text, entrySpan(context.text, step), '');
  }
  return rewriteEntryLines(
    context.text,
    nodeStart(mergePair.key as Node),
    mergePair.value as Node,
    (indent, firstIndent) => indentLines(renderYaml(Object.fromEntries(merged)), indent, firstIndent),
  );
}

/** One step down a path: the child node, and the pair holding it when the parent is a map. */
interface Step {
  parent: YAMLMap | YAMLSeq;
  node: Node | null;
  pair?: Pair;
  index: number;
}

function stepInto(node: unknown, segment: PathSegment): Step | undefined {
  if (isMap(node)) {
    const index = node.items.findIndex((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    const pair = node.items[index];
    if (!pair) return undefined;
    return { parent: node, node: (pair.value as Node | null) ?? null, pair, index };
  }
  if (isSeq(node) && typeof segment === 'number') {
    if (segment < 0 || segment >= node.items.length) return undefined;
    return { parent: node, node: (node.items[segment] as Node | null) ?? null, index: segment };
  }
  return undefined;
}

/** The steps along `path` that exist. */
function walk(root: Node | null, path: readonly PathSegment[]): Step[] {
  const steps: Step[] = [];
  let node: unknown = root;
  for (const [depth, segment] of path.entries()) {
    if (isAlias(node)) refuseAlias(path.slice(0, depth), node);
    const step = stepInto(node, segment);
    if (!step) break;
    steps.push(step);
    node = step.node;
  }
  return steps;
}

function setAt(context: EditContext, path: readonly PathSegment[], value: unknown, keepsQuoting = true): string {
  const { text, root } = context;
  const steps = walk(root, path);
  const inFlow = editInFlow(context, steps, path.length, (data, depth) => setIn(data, path.slice(depth), value));
  if (inFlow !== undefined) return inFlow;

  if (steps.length === path.length) {
    const last = steps.at(-1);
    const current = last ? last.node : root;
    if (isAlias(current)) {
      if (isDeepEqual(context.dataOf(current), value)) return text;
      refuseAlias(path, current);
    }
    const before = context.dataOf(current);
    const isSameShape = isContainer(before) && isContainer(value) && Array.isArray(before) === Array.isArray(value);
    if (isSameShape && Object.keys(value).length > 0 && current) {
      return editContainer(text, path, before, value);
    }
    if (isDeepEqual(before, value)) return text;
    if (!last) return renderDocument(value);
    if (isScalar(current) && last.pair && isBlockWorthy(text, current, value))
      return replaceEntry(context, last, value);
    if (isScalar(current) && !isContainer(value))
      return splice(text, scalarSpan(current), scalarText(text, current, value, keepsQuoting));
    return replaceEntry(context, last, value);
  }

  // The path goes further than the document: add the first missing key or item, holding the rest.
  const holder = steps.at(-1);
  const holderNode = holder ? holder.node : root;
  const missing = path[steps.length] as PathSegment;
  const nested = nest(path.slice(steps.length + 1), value);
  if (isMap(holderNode) && holderNode.items.length > 0) return insertPair(context, holderNode, String(missing), nested);
  if (isSeq(holderNode) && holderNode.items.length > 0 && missing === holderNode.items.length) {
    return insertItem(context, holderNode, holderNode.items.length, nested);
  }
  const fresh = typeof missing === 'number' ? [nested] : { [missing]: nested };
  if (!holder) return renderDocument(fresh);
  return setAt(context, path.slice(0, steps.length), fresh);
}

function deleteAt(context: EditContext, path: readonly PathSegment[]): string {
  const { text, root } = context;
  const steps = walk(root, path);
  if (steps.length !== path.length || path.length === 0) return text;
  const inFlow = editInFlow(context, steps, path.length - 1, (data, depth) => deleteIn(data, path.slice(depth)));
  if (inFlow !== undefined) return inFlow;
  const step = steps.at(-1) as Step;
  if (step.parent.items.length === 1 && path.length > 1) {
    return setAt(context, path.slice(0, -1), isMap(step.parent) ? {} : []);
  }
  return splice(text, entrySpan(text, step), '');
}

function insertAt(context: EditContext, path: readonly PathSegment[], value: unknown): string {
  const sequencePath = path.slice(0, -1);
  const index = path.at(-1);
  if (typeof index !== 'number') throw new Error(`insert needs an index at the end of its path: ${path.join('.')}`);
  const steps = walk(context.root, sequencePath);
  const sequence = steps.length === sequencePath.length ? (steps.at(-1)?.node ?? context.root) : undefined;
  if (!isSeq(sequence) || sequence.items.length === 0) return setAt(context, sequencePath, [value]);
  const inFlow = editInFlow(context, steps, sequencePath.length, (data, depth) =>
    insertIn(data, path.slice(depth), value),
  );
  if (inFlow !== undefined) return inFlow;
  return insertItem(context, sequence, Math.min(index, sequence.items.length), value);
}

/** The key at the end of `path` written as `to` in place, its value and comments untouched; nothing when the key is not written there. */
function renameAt(context: EditContext, path: readonly PathSegment[], to: string): string {
  const steps = walk(context.root, path);
  const key = steps.length === path.length ? steps.at(-1)?.pair?.key : undefined;
  if (!isScalar(key)) return context.text;
  const holder = steps.at(-1)?.parent as YAMLMap;
  if (holder.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === to && pair.key !== key)) {
    throw new YamlEditRefused(
      `${formatPath(path)} cannot be renamed '${to}': ${formatPath(path.slice(0, -1))} has one`,
    );
  }
  return splice(context.text, scalarSpan(key), scalarText(context.text, key, to, true));
}

/** Edits one object or list into another key by key, item by item: untouched entries keep their text. */
function editContainer(text: string, path: readonly PathSegment[], before: unknown, after: unknown): string {
  const edits: YamlEdit[] = [];
  if (Array.isArray(before) && Array.isArray(after)) {
    let start = 0;
    while (start < before.length && start < after.length && isDeepEqual(before[start], after[start])) start++;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && isDeepEqual(before[endBefore - 1], after[endAfter - 1])) {
      endBefore--;
      endAfter--;
    }
    // Changed items are edited in place, pair by pair, so comments between them stay where they were; the rest go or come.
    const paired = Math.min(endBefore, endAfter);
    for (let index = start; index < paired; index++)
      edits.push({ op: 'set', path: [...path, index], value: after[index] });
    for (let index = endBefore - 1; index >= paired; index--) edits.push({ op: 'delete', path: [...path, index] });
    for (let index = paired; index < endAfter; index++)
      edits.push({ op: 'insert', path: [...path, index], value: after[index] });
  } else {
    const previous = before as Record<string, unknown>;
    const next = after as Record<string, unknown>;
    for (const key of Object.keys(previous)) {
      if (next[key] === undefined) edits.push({ op: 'delete', path: [...path, key] });
    }
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && !isDeepEqual(previous[key], value))
        edits.push({ op: 'set', path: [...path, key], value });
    }
  }
  return editYamlText(text, edits);
}

/* ---------- where things are in the text ---------- */

interface Span {
  start: number;
  end: number;
}

function splice(text: string, span: Span, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the end of the line holding `offset` (past its newline). */
function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Whether only spaces (and `- ` markers of enclosing items) come before `offset` on its line. */
function startsItsLine(text: string, offset: number): boolean {
  return text.slice(lineStartOf(text, offset), offset).trim() === '';
}

function nodeStart(node: Node): number {
  return node.range?.[0] ?? 0;
}

/** Offset of the last character a node's content covers, leaving out trailing comments and blank lines. */
function contentEnd(text: string, node: Node | null): number {
  if (!node) return 0;
  if (isCollection(node) && !node.flow) {
    const last = node.items.at(-1) as Node | Pair | undefined;
    if (!last) return nodeStart(node);
    if (isPair(last)) return last.value ? contentEnd(text, last.value as Node) : contentEnd(text, last.key as Node);
    return contentEnd(text, last as Node);
  }
  let end = (node.range?.[1] ?? 1) - 1;
  while (end > nodeStart(node) && /\s/.test(text[end] ?? '')) end--;
  return end;
}

function scalarSpan(node: Scalar): Span {
  const [start, valueEnd] = node.range ?? [0, 0];
  return { start, end: valueEnd };
}

/** Where an entry (a key with its value, or a sequence item) is, through the end of its last line. */
function entrySpan(text: string, step: Step): Span {
  const head = step.pair ? (step.pair.key as Node) : step.node;
  const headStart = head ? nodeStart(head) : 0;
  const dash = step.pair ? headStart : dashBefore(text, headStart);
  const lastEnd = lineEndOf(text, contentEnd(text, step.node ?? head));
  if (startsItsLine(text, dash)) return { start: lineStartOf(text, dash), end: lastEnd };
  // The entry shares its line with an enclosing `- ` marker: the next entry moves up to it.
  const next = step.parent.items[step.index + 1] as Node | Pair | undefined;
  const nextStart = next ? nodeStart(isPair(next) ? (next.key as Node) : next) : undefined;
  return nextStart === undefined ? { start: dash, end: lastEnd - 1 } : { start: dash, end: nextStart };
}

/** The `-` marker of a sequence item whose content starts at `contentStart`. */
function dashBefore(text: string, contentStart: number): number {
  const dash = text.lastIndexOf('-', contentStart);
  return dash === -1 ? contentStart : dash;
}

/* ---------- writing ---------- */

/** YAML text of a value, through the app's one YAML writer (it quotes what a YAML 1.1 reader would misread). */
function renderYaml(value: unknown): string {
  return toYamlText(value);
}

function indentLines(block: string, indent: string, firstIndent = indent): string {
  const lines = block.replace(/\n$/, '').split('\n');
  return `${lines.map((line, index) => (line === '' ? '' : `${index === 0 ? firstIndent : indent}${line}`)).join('\n')}\n`;
}

/** A scalar written in place of an old one, keeping its quoting (if `keepsQuoting`) where the new value allows. */
function scalarText(text: string, old: Scalar, value: unknown, keepsQuoting: boolean): string {
  const [start, end] = old.range ?? [0, 0];
  // `key:` with nothing after it: the new value needs its space.
  if (start === end && text[start - 1] === ':') return ` ${inlineText(value)}`;
  if (old.type === Scalar.BLOCK_LITERAL || old.type === Scalar.BLOCK_FOLDED) return blockScalarText(text, old, value);
  if (keepsQuoting && typeof value === 'string' && !value.includes('\n')) {
    if (old.type === Scalar.QUOTE_SINGLE) return singleQuoted(value);
    if (old.type === Scalar.QUOTE_DOUBLE) return doubleQuoted(value);
  }
  return inlineText(value);
}

/**
 * A block scalar keeps its style (`|` or `>`) and indentation for its new value, with the
 * chomping that value needs (`|+` when it ends in more than one line break). Its span ends
 * past its last line, so the result does too.
 */
function blockScalarText(text: string, old: Scalar, value: unknown): string {
  const [start, end] = old.range ?? [0, 0];
  const firstContentLine = text.slice(lineEndOf(text, start)).match(/^( *)\S/);
  const block =
    typeof value === 'string' && firstContentLine
      ? blockText(value, old.type as BlockType, firstContentLine[1] ?? '  ')
      : undefined;
  // A kept (`|+`) block would take the blank lines after it into its value.
  const isFollowedByBlankLine = /^[ \t]*(\n|$)/.test(text.slice(end));
  if (block === undefined || (/^[|>]\+/.test(block) && isFollowedByBlankLine)) return `${inlineText(value)}\n`;
  return block;
}

type BlockType = typeof Scalar.BLOCK_LITERAL | typeof Scalar.BLOCK_FOLDED;

/** `value` as a block of `type` whose lines start at `indent`, as the yaml package writes it; nothing when no block reads back exactly. */
function blockText(value: string, type: BlockType, indent: string): string | undefined {
  // Leading spaces need an indentation indicator relative to the parent, and escapes need quotes.
  if (/^\s/.test(value) || needsEscapes(value)) return undefined;
  const document = new Document({ value });
  (document.get('value', true) as Scalar).type = type;
  const written = document.toString({ lineWidth: 0, indent: 2 }).slice('value: '.length);
  if (!/^[|>]/.test(written)) return undefined;
  const [header, ...lines] = written.replace(/\n$/, '').split('\n');
  const body = lines.map((line) => (line === '' ? '' : `${indent}${line.slice(2)}`));
  return `${header}\n${body.join('\n')}\n`;
}

/** A value on one line: scalars, empty collections, multi-line strings double-quoted. */
function inlineText(value: unknown): string {
  if (typeof value === 'string' && value.includes('\n')) return JSON.stringify(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isContainer(value) && Object.keys(value).length === 0) return '{}';
  return renderYaml(value).replace(/\n$/, '');
}

function isInline(value: unknown): boolean {
  return !isContainer(value) || Object.keys(value as object).length === 0;
}

/**
 * Whether a plain value given text of several lines is written as a literal block, as people write
 * Markdown in YAML: not where the user quoted it (their style stays), nor where a comment follows it
 * on its line (the block's last line would take the comment into its text).
 */
function isBlockWorthy(text: string, old: Scalar, value: unknown): boolean {
  if (typeof value !== 'string' || !value.includes('\n')) return false;
  if (old.type !== Scalar.PLAIN && !(old.type === undefined && old.source === undefined)) return false;
  const [, end] = old.range ?? [0, 0];
  return /^[ \t]*(\r?\n|$)/.test(text.slice(end));
}

/** Text of several lines as a literal block (`|`, `|-`) under a key at `indent`; nothing where a block cannot hold it alone. */
function literalBlock(value: unknown, indent: string): string | undefined {
  if (typeof value !== 'string' || !value.includes('\n')) return undefined;
  const block = blockText(value, Scalar.BLOCK_LITERAL, `${indent}  `);
  // A kept (`|+`) block would take the blank lines after it into its value.
  return block && !block.startsWith('|+') ? block : undefined;
}

/** `key: value` lines at `indent`; `firstIndent` when the first line follows a `- ` already there. */
function pairText(key: string, value: unknown, indent: string, firstIndent = indent): string {
  const keyText = inlineText(key);
  const block = literalBlock(value, indent);
  if (block) return `${firstIndent}${keyText}: ${block}`;
  if (isInline(value)) return `${firstIndent}${keyText}: ${inlineText(value)}\n`;
  return indentLines(renderYaml({ [key]: value }), indent, firstIndent);
}

/** `- value` lines at `dashIndent`; text that needs quotes takes single ones if `isSingleQuoting`. */
function itemText(value: unknown, dashIndent: string, isSingleQuoting = false): string {
  if (isInline(value)) return `${dashIndent}- ${scalarQuotedAlike(value, isSingleQuoting)}\n`;
  return indentLines(renderYaml([value]), dashIndent);
}

function scalarQuotedAlike(value: unknown, isSingleQuoting: boolean): string {
  const text = inlineText(value);
  return isSingleQuoting && typeof value === 'string' && text.startsWith('"') ? singleQuoted(value) : text;
}

/** Whether a collection writes its quoted text in single quotes (`- '007'`), as its new text then does. */
function quotesSingly(node: YAMLMap | YAMLSeq): boolean {
  return node.items.some((item) => isScalar(item) && item.type === Scalar.QUOTE_SINGLE);
}

/** Adds `key: value` to a block mapping: scalars after the last scalar entry, collections at the end. */
function insertPair(context: EditContext, map: YAMLMap, key: string, value: unknown): string {
  const { text } = context;
  const firstKey = map.items[0]?.key as Node;
  const indent = ' '.repeat(columnOf(text, nodeStart(firstKey)));
  const lastScalarPair = isInline(value)
    ? map.items.findLast((pair) => !isCollection(pair.value) || (pair.value as YAMLMap).flow)
    : undefined;
  const anchor = lastScalarPair ?? (map.items.at(-1) as Pair);
  const at = lineEndOf(text, contentEnd(text, (anchor.value as Node | null) ?? (anchor.key as Node)));
  return splice(text, { start: at, end: at }, atEndOf(text, at, pairText(key, value, indent)));
}

/** Puts an item into a block sequence before item `index` (or after the last). */
function insertItem(context: EditContext, sequence: YAMLSeq, index: number, value: unknown): string {
  const { text } = context;
  const firstItem = sequence.items[0] as Node;
  const dashIndent = ' '.repeat(columnOf(text, dashBefore(text, nodeStart(firstItem))));
  const before = sequence.items[index] as Node | undefined;
  const at = before
    ? lineStartOf(text, dashBefore(text, nodeStart(before)))
    : lineEndOf(text, contentEnd(text, sequence.items.at(-1) as Node));
  return splice(text, { start: at, end: at }, atEndOf(text, at, itemText(value, dashIndent, quotesSingly(sequence))));
}

/** Lines added after a last line without a newline go on a line of their own, and keep the file's ending. */
function atEndOf(text: string, at: number, lines: string): string {
  return at === text.length && !text.endsWith('\n') && text !== '' ? `\n${lines.replace(/\n$/, '')}` : lines;
}

/** Replaces a key's or an item's whole value (a collection by a scalar, or the reverse). */
function replaceEntry(context: EditContext, step: Step, value: unknown): string {
  const { text } = context;
  const key = step.pair?.key as Scalar | undefined;
  const headStart = key ? nodeStart(key) : dashBefore(text, nodeStart(step.node as Node));
  return rewriteEntryLines(text, headStart, step.node ?? (key as Node), (indent, firstIndent) =>
    key
      ? pairText(String(key.value), value, indent, firstIndent)
      : itemText(value, indent).slice(indent.length - firstIndent.length),
  );
}

/**
 * Rewrites the lines of an entry from its head (its key, or its `- `) through the end of
 * `last`: `write` gets the entry's indentation, and the first line's, which is none when
 * the entry shares its line with an enclosing `- ` marker.
 */
function rewriteEntryLines(
  text: string,
  headStart: number,
  last: Node,
  write: (indent: string, firstIndent: string) => string,
): string {
  const sharesLine = !startsItsLine(text, headStart);
  const start = sharesLine ? headStart : lineStartOf(text, headStart);
  const end = lineEndOf(text, contentEnd(text, last));
  const indent = ' '.repeat(columnOf(text, headStart));
  const written = write(indent, sharesLine ? '' : indent);
  const replacement = text.slice(start, end).endsWith('\n') ? written : written.replace(/\n$/, '');
  return splice(text, { start, end }, replacement);
}

function renderDocument(value: unknown): string {
  return isInline(value) ? `${inlineText(value)}\n` : renderYaml(value);
}

/* ---------- flow collections ---------- */

interface FlowAncestor {
  /** How many path segments lead to it. */
  depth: number;
  node: YAMLMap | YAMLSeq;
}

/** The flow collections among the root and the first `upTo` nodes of the walk, outermost first. */
function flowAncestors(root: Node | null, steps: readonly Step[], upTo: number): FlowAncestor[] {
  const nodes = [root, ...steps.slice(0, upTo).map((step) => step.node)];
  return nodes.flatMap((node, depth) => ((isMap(node) || isSeq(node)) && node.flow ? [{ depth, node }] : []));
}

/**
 * An edit inside flow collections, given the change to the data of the collection `depth`
 * segments down; undefined when the path crosses none. The innermost collection that stays in
 * flow style takes it, so `- {metric: x, mustBeBetween: [9, 1]}` changes only its bounds;
 * when none does, the outermost is rewritten (see rewriteFlow).
 */
function editInFlow(
  context: EditContext,
  steps: readonly Step[],
  upTo: number,
  change: (data: unknown, depth: number) => unknown,
): string | undefined {
  const flows = flowAncestors(context.root, steps, upTo);
  const outermost = flows[0];
  if (!outermost) return undefined;
  for (const flow of flows.toReversed()) {
    const after = change(context.dataOf(flow.node), flow.depth);
    if (staysFlow(flow.node, after))
      return splice(context.text, nodeSpan(flow.node), keptFlowText(context, flow.node, after));
  }
  return rewriteFlow(context, steps, outermost, (data) => change(data, outermost.depth));
}

/** Whether a flow collection's new data is still written in flow style (see rewriteFlow). */
function staysFlow(node: YAMLMap | YAMLSeq, after: unknown): boolean {
  const isBlock =
    isContainer(after) && Object.keys(after).length > 0 && (node.items.length === 0 || !holdsOnlyScalars(after));
  return !isBlock;
}

function nodeSpan(node: Node): Span {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}

/**
 * Rewrites a flow collection with the change applied to its data. It stays on its line in
 * flow style while it holds only scalars (`tags: [a, b, c]`, `- {name: id, logicalType: string}`);
 * one that was empty (`properties: []`) or now holds collections is written in block style,
 * indented like its siblings: a line of nested flow collections is not for people to read.
 */
function rewriteFlow(
  context: EditContext,
  steps: readonly Step[],
  flow: FlowAncestor,
  change: (data: unknown) => unknown,
): string {
  const after = change(context.dataOf(flow.node));
  if (staysFlow(flow.node, after))
    return splice(context.text, nodeSpan(flow.node), keptFlowText(context, flow.node, after));
  return flow.depth === 0 ? renderDocument(after) : replaceEntry(context, steps[flow.depth - 1] as Step, after);
}

function holdsOnlyScalars(value: object): boolean {
  return Object.values(value).every((child) => !isContainer(child));
}

/**
 * A flow collection's new data in flow style, where each item (or entry) whose data did not change
 * keeps its text as written (`'9321483'` stays in its single quotes), and new text that needs quotes
 * takes single ones when the collection already quotes so.
 */
function keptFlowText(context: EditContext, node: YAMLMap | YAMLSeq, after: unknown): string {
  const isSingleQuoting = quotesSingly(node);
  const written = (value: unknown) => flowText(value, isSingleQuoting);
  const sourceOf = (from: Node, to: Node) => context.text.slice(nodeStart(from), nodeSpan(to).end);
  const isKept = (old: unknown, value: unknown): old is Node =>
    (isScalar(old) || isCollection(old)) && old.range !== undefined && isDeepEqual(context.dataOf(old), value);
  if (isSeq(node) && Array.isArray(after)) {
    const unused = [...node.items];
    const items = after.map((item) => {
      const index = unused.findIndex((old) => isKept(old, item));
      const [kept] = index === -1 ? [] : unused.splice(index, 1);
      return kept ? sourceOf(kept as Node, kept as Node) : written(item);
    });
    return `[${items.join(', ')}]`;
  }
  if (isMap(node) && isContainer(after) && !Array.isArray(after)) {
    const entries = Object.entries(after).filter(([, child]) => child !== undefined);
    const pairs = entries.map(([key, child]) => {
      const kept = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
      return kept && isKept(kept.value, child)
        ? sourceOf(kept.key as Node, kept.value)
        : `${flowScalar(key, isSingleQuoting)}: ${written(child)}`;
    });
    return `{${pairs.join(', ')}}`;
  }
  return written(after);
}

/** A value in YAML's flow style (`[a, b]`, `{name: id}`): plain scalars where a YAML 1.1 reader reads them back alike, else quoted. */
function flowText(value: unknown, isSingleQuoting = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => flowText(item, isSingleQuoting)).join(', ')}]`;
  if (isContainer(value)) {
    const entries = Object.entries(value).filter(([, child]) => child !== undefined);
    return `{${entries.map(([key, child]) => `${flowScalar(key, isSingleQuoting)}: ${flowText(child, isSingleQuoting)}`).join(', ')}}`;
  }
  return flowScalar(value, isSingleQuoting);
}

/** A scalar inside `[]` or `{}`, where `,` and brackets end a plain scalar: double-quoted when it needs quotes, or single-quoted if asked. */
function flowScalar(value: unknown, isSingleQuoting: boolean): string {
  const text = inlineText(value);
  if (typeof value !== 'string' || (!text.startsWith('"') && !/[,[\]{}]/.test(text))) return text;
  return isSingleQuoting ? singleQuoted(value) : doubleQuoted(value);
}

function setIn(data: unknown, path: readonly PathSegment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const container = (isContainer(data) ? data : typeof head === 'number' ? [] : {}) as Record<PathSegment, unknown>;
  container[head] = setIn(container[head], rest, value);
  return container;
}

function deleteIn(data: unknown, path: readonly PathSegment[]): unknown {
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (!isContainer(data)) return data;
  if (rest.length > 0) {
    (data as Record<PathSegment, unknown>)[head] = deleteIn((data as Record<PathSegment, unknown>)[head], rest);
  } else if (Array.isArray(data)) data.splice(Number(head), 1);
  else delete (data as Record<PathSegment, unknown>)[head];
  return data;
}

function insertIn(data: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (rest.length > 0) {
    (data as Record<PathSegment, unknown>)[head] = insertIn((data as Record<PathSegment, unknown>)[head], rest, value);
    return data;
  }
  if (Array.isArray(data)) data.splice(Number(head), 0, value);
  return data;
}

/* ---------- helpers ---------- */

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** `['a', 0]` and `v` → `{ a: [v] }`. */
function nest(path: readonly PathSegment[], value: unknown): unknown {
  return path.reduceRight<unknown>(
    (inner, segment) => (typeof segment === 'number' ? [inner] : { [segment]: inner }),
    value,
  );
}
