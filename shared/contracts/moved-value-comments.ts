import { type Document, isNode, isScalar, isSeq, type Node, Parser, parseDocument } from 'yaml';
import { isDeepEqual } from '../model/deep-equal';
import type { PathSegment } from './path-segment';

/**
 * Values an edit wrote elsewhere: where they were (`valuesPath`, within the node at
 * `rewrittenPath` the edit rewrote) and where the edited text has them (`writtenAt`), as a
 * property's allowed values become its ODCS 3.2 `enum`, or a v3.0 rule's own field its `arguments`.
 */
export interface MovedValues {
  rewrittenPath: readonly PathSegment[];
  valuesPath: readonly PathSegment[];
  writtenAt: readonly PathSegment[];
}

interface YamlComment {
  offset: number;
  source: string;
}

interface Insertion {
  offset: number;
  text: string;
}

/**
 * `edited` with the comments that moving values dropped from `original` written back: a comment
 * on a value's line beside its entry, one above a value above its entry, any other the rewritten
 * node held above the key the values are now written at. Comments are the user's words: an upgrade
 * must not lose them. Nothing changes when putting them back would change what the text says.
 */
export function withMovedValueCommentsKept(original: string, edited: string, moves: readonly MovedValues[]): string {
  if (moves.length === 0) return edited;
  const before = parseDocument(original, { merge: true });
  const after = parseDocument(edited, { merge: true });
  const regions = moves.flatMap((move) => {
    const rewritten = before.getIn(move.rewrittenPath, true);
    const values = before.getIn(move.valuesPath, true);
    const holds = (offset: number) => isNode(values) && isOnOrAfter(original, values, offset);
    return isNode(rewritten) && rewritten.range
      ? [{ move, start: rewritten.range[0], end: rewritten.range[1], holds }]
      : [];
  });
  const insertions = lostComments(original, edited, regions).flatMap((comment) => {
    // The innermost rewritten node holding the comment is the one it was written in; among values moved out of one node, those it was written on.
    const region = regions
      .filter(({ start, end }) => comment.offset >= start && comment.offset < end)
      .sort(
        (a, b) =>
          a.end - a.start - (b.end - b.start) || Number(b.holds(comment.offset)) - Number(a.holds(comment.offset)),
      )[0];
    return region ? insertionsFor(comment, region.move, original, before, edited, after) : [];
  });
  const kept = applied(edited, insertions);
  const reread = parseDocument(kept, { merge: true });
  const isSameData = reread.errors.length === 0 && isDeepEqual(reread.toJS(), after.toJS());
  return isSameData ? kept : edited;
}

/** The comments of `original` that `edited` no longer has, those outside the rewritten properties matched first. */
function lostComments(
  original: string,
  edited: string,
  regions: readonly { start: number; end: number }[],
): YamlComment[] {
  const remaining = new Map<string, number>();
  for (const { source } of commentsOf(edited)) remaining.set(source, (remaining.get(source) ?? 0) + 1);
  const isInRegion = ({ offset }: YamlComment) => regions.some(({ start, end }) => offset >= start && offset < end);
  const comments = commentsOf(original);
  const lost: YamlComment[] = [];
  for (const comment of [...comments.filter((c) => !isInRegion(c)), ...comments.filter(isInRegion)]) {
    const count = remaining.get(comment.source) ?? 0;
    if (count > 0) remaining.set(comment.source, count - 1);
    else lost.push(comment);
  }
  return lost.sort((a, b) => a.offset - b.offset);
}

/** Every comment of a YAML text, read from its concrete syntax tree so a `#` inside a quoted value is none. */
function commentsOf(text: string): YamlComment[] {
  const comments: YamlComment[] = [];
  const collect = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const part of token) collect(part);
    } else if (token !== null && typeof token === 'object') {
      const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
      if (type === 'comment' && typeof offset === 'number' && typeof source === 'string') {
        comments.push({ offset, source });
      } else {
        for (const part of Object.values(token)) collect(part);
      }
    }
  };
  for (const token of new Parser().parse(text)) collect(token);
  return comments;
}

function insertionsFor(
  comment: YamlComment,
  move: MovedValues,
  original: string,
  before: Document,
  edited: string,
  after: Document,
): Insertion[] {
  const written = after.getIn(move.writtenAt, true);
  if (!isNode(written) || !written.range) return [];
  const keyLine = lineStartOf(edited, keyStartBefore(edited, written.range[0]));
  const aboveKey = { offset: keyLine, text: `${indentAt(edited, keyLine)}${comment.source}\n` };
  const values = before.getIn(move.valuesPath, true);
  if (isScalar(values) && isScalar(written) && isOnOrAfter(original, values, comment.offset)) {
    return [{ offset: lineEndOf(edited, written.range[0]), text: ` ${comment.source}` }];
  }
  if (!isSeq(written) || written.flow || !isSeq(values) || values.flow || !values.range) return [aboveKey];
  const items = values.items.filter(isNode);
  const trailed = items.find(
    (item) =>
      item.range && comment.offset >= item.range[1] && !original.slice(item.range[1], comment.offset).includes('\n'),
  );
  const isAmongValues = comment.offset > values.range[0] && comment.offset < values.range[1];
  const next = isAmongValues ? items.find((item) => item.range && item.range[0] > comment.offset) : undefined;
  const anchor = trailed ?? next;
  const entry = anchor && entryOf(written.items, anchor);
  if (!entry?.range) return [aboveKey];
  const entryLine = lineStartOf(edited, entry.range[0]);
  if (trailed) return [{ offset: lineEndOf(edited, entryLine), text: ` ${comment.source}` }];
  return [{ offset: entryLine, text: `${indentAt(edited, entryLine)}${comment.source}\n` }];
}

/** Whether `offset` is within a node's text or after it on its last line. */
function isOnOrAfter(text: string, node: Node, offset: number): boolean {
  if (!node.range || offset < node.range[0]) return false;
  return offset < node.range[1] || !text.slice(node.range[1], offset).includes('\n');
}

/** The entry written for a moved value: the value itself, or the `enum` entry `{value: x}` for the allowed value `x`. */
function entryOf(entries: readonly unknown[], value: Node): Node | undefined {
  const written = value.toJSON();
  return entries.filter(isNode).find((entry) => {
    const data = entry.toJSON() as { value?: unknown } | null;
    return isDeepEqual(data?.value, written) || isDeepEqual(data, written);
  });
}

/** Where the key whose value starts at `valueStart` starts: the word before its colon. */
function keyStartBefore(text: string, valueStart: number): number {
  const colon = text.lastIndexOf(':', valueStart);
  const keyStart = text.slice(0, colon).search(/[^\s-]+$/);
  return keyStart === -1 ? colon : keyStart;
}

function indentAt(text: string, lineStart: number): string {
  return /^ */.exec(text.slice(lineStart))?.[0] ?? '';
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** The insertions made, those at one offset in the order given. */
function applied(text: string, insertions: readonly Insertion[]): string {
  const byOffset = new Map<number, string>();
  for (const { offset, text: inserted } of insertions) byOffset.set(offset, (byOffset.get(offset) ?? '') + inserted);
  return [...byOffset]
    .sort(([a], [b]) => b - a)
    .reduce((result, [offset, inserted]) => result.slice(0, offset) + inserted + result.slice(offset), text);
}
