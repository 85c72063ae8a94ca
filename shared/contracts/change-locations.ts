import { isDeepEqual } from '../model/deep-equal';
import { valueAt } from '../model/plain-schema-issue';
import { ALLOWED_VALUES_ATTRIBUTE, type ContractChange } from './breaking-changes';
import { readOdcsDocument } from './contract-edits';
import { documentPathOf, writtenQualityIndex } from './odcs-document';
import type { PathSegment } from './path-problem';
import { writtenAllowedValuesPath } from './quality-rule-parts';
import { readYamlSource, type TextRange, type YamlSource } from './yaml-source';

export interface LocatedChange extends ContractChange {
  /** The text the change shows in: the new one, or the old one for what was removed. */
  side: 'previous' | 'next';
  range: TextRange;
  /**
   * For what was removed, the line of its nearest parent still in the new text: where the new
   * text can show that something went (a neighbour's line would read as that neighbour breaking).
   */
  parentInNext?: TextRange;
}

/**
 * Where each change of a comparison is, to mark it beside its line: a field or object in
 * the new text (a renamed one under its new name), or in the old one when it is gone; a change of one of its attributes at that
 * attribute's line (in the old text when the attribute is gone); contract-level changes at the
 * field they are about, or at the id when they name none.
 */
export function locateChanges(
  changes: readonly ContractChange[],
  previousText: string,
  nextText: string,
): LocatedChange[] {
  const sides = {
    next: { source: readYamlSource(nextText), document: readOdcsDocument(nextText) },
    previous: { source: readYamlSource(previousText), document: readOdcsDocument(previousText) },
  };
  return changes.map((change) => {
    if (change.field) return { ...change, ...locateContractField(change.field, sides) };
    const inNext = subjectPath(sides.next.document, change.renamedSubject ?? change.subject);
    const inPrevious = subjectPath(sides.previous.document, change.subject);
    const attribute =
      change.attribute && locateAttribute(change.attribute, { next: inNext, previous: inPrevious }, sides);
    if (attribute) return { ...change, ...attribute };
    // The subject where it is (in the old text when it is gone); else its nearest parent still in the new text.
    const locate = (on: 'previous' | 'next', at: SubjectPath) =>
      sides[on].source.locate(at.path.length > 0 ? at.path : ['id'], 'key');
    if (inNext.isWhole || !inPrevious.isWhole) return { ...change, side: 'next', range: locate('next', inNext) };
    return { ...change, side: 'previous', range: locate('previous', inPrevious), parentInNext: locate('next', inNext) };
  });
}

interface Side {
  source: YamlSource;
  document: Record<string, unknown> | undefined;
}

/** A contract-level field where it is, in the old text when it is gone (then marked at the id in the new one). */
function locateContractField(
  field: readonly PathSegment[],
  sides: Record<'previous' | 'next', Side>,
): Pick<LocatedChange, 'side' | 'range' | 'parentInNext'> {
  const pathOn = (on: 'previous' | 'next') => documentPathOf(field, sides[on].document);
  const isIn = (on: 'previous' | 'next') => valueAt(sides[on].source.value, pathOn(on)) !== undefined;
  const atId = sides.next.source.locate(['id'], 'key');
  if (isIn('next')) return { side: 'next', range: sides.next.source.locate(pathOn('next'), 'key') };
  if (isIn('previous'))
    return { side: 'previous', range: sides.previous.source.locate(pathOn('previous'), 'key'), parentInNext: atId };
  return { side: 'next', range: atId };
}

/**
 * An attribute of the subject at its own line: in the new text where it is there, else in
 * the old one (a removed pattern), marked at the subject's line in the new text.
 */
function locateAttribute(
  attribute: readonly PathSegment[],
  subject: Record<'previous' | 'next', SubjectPath>,
  sides: Record<'previous' | 'next', Side>,
): Pick<LocatedChange, 'side' | 'range' | 'parentInNext'> | undefined {
  const pathOn = (on: 'previous' | 'next') => [
    ...subject[on].node,
    ...writtenAttributePath(attribute, subject[on].node, valueAt(sides[on].source.value, subject[on].node)),
  ];
  const isIn = (on: 'previous' | 'next') =>
    subject[on].isWhole && valueAt(sides[on].source.value, pathOn(on)) !== undefined;
  if (isIn('next')) return { side: 'next', range: sides.next.source.locate(pathOn('next'), 'key') };
  if (!isIn('previous') || !subject.next.isWhole) return undefined;
  return {
    side: 'previous',
    range: sides.previous.source.locate(pathOn('previous'), 'key'),
    parentInNext: sides.next.source.locate(subject.next.path, 'key'),
  };
}

/**
 * Where the subject at `subjectPath` writes the attribute: allowed values in its `enum` or in the
 * rule that holds them; a property's quality rule past the rule its enum was read from.
 */
function writtenAttributePath(
  attribute: readonly PathSegment[],
  subjectPath: readonly PathSegment[],
  subject: unknown,
): readonly PathSegment[] {
  if (isDeepEqual(attribute, ALLOWED_VALUES_ATTRIBUTE)) return writtenAllowedValuesPath(subject) ?? attribute;
  const [section, ruleIndex, ...rest] = attribute;
  const isProperty = subjectPath.length > 2;
  if (section !== 'quality' || typeof ruleIndex !== 'number' || !isProperty) return attribute;
  return ['quality', writtenQualityIndex(subject, ruleIndex), ...rest];
}

interface SubjectPath {
  /** The path to the subject's name, or to its nearest ancestor found ([] for none). */
  path: PathSegment[];
  /** The path to the subject itself (its object, property, items or map part), where it is whole. */
  node: PathSegment[];
  isWhole: boolean;
}

/**
 * Where a change's subject is: `orders` → the object's name, `orders.device.model` → the
 * name of `model` nested in the property `device`, `orders.tags[]` → the `items` of `tags`,
 * `orders.sizes{key}` and `orders.sizes{value}` → the `map` `key` and `value` of `sizes`.
 * Names may hold dots themselves, so each level takes the property whose name the rest
 * of the subject starts with.
 */
function subjectPath(document: Record<string, unknown> | undefined, subject: string): SubjectPath {
  return pathWithin(document?.schema, subject, ['schema']);
}

function pathWithin(list: unknown, subject: string, listPath: PathSegment[]): SubjectPath {
  const entries = Array.isArray(list) ? (list as unknown[]) : [];
  const candidates = entries.flatMap((entry, index) => {
    const name = (entry as Record<string, unknown> | null)?.name;
    return typeof name === 'string' && isNameOf(name, subject)
      ? [pathBelow(entry as Record<string, unknown>, subject.slice(name.length), [...listPath, index])]
      : [];
  });
  const deepest = (a: SubjectPath, b: SubjectPath) => (b.path.length > a.path.length ? b : a);
  return (
    candidates.find((candidate) => candidate.isWhole) ??
    candidates.reduce(deepest, { path: [], node: [], isWhole: false } as SubjectPath)
  );
}

/** What a subject writes after a property for a part of it that has no name, and where that part is. */
const UNNAMED_PARTS: readonly { suffix: string; path: readonly string[] }[] = [
  { suffix: '[]', path: ['items'] },
  { suffix: '{key}', path: ['map', 'key'] },
  { suffix: '{value}', path: ['map', 'value'] },
];

/** `rest` is what the subject says after the name of the node at `nodePath`: `''`, `.field…`, `[]…`, `{key}…` or `{value}…`. */
function pathBelow(
  node: Record<string, unknown>,
  rest: string,
  nodePath: PathSegment[],
  isUnnamed = false,
): SubjectPath {
  // Items and a map's key and values have no name: their own key marks them.
  const here = isUnnamed ? nodePath : [...nodePath, 'name'];
  if (rest === '') return { path: here, node: nodePath, isWhole: true };
  const unnamed = UNNAMED_PARTS.find(({ suffix }) => rest.startsWith(suffix));
  if (unnamed) {
    const part = unnamed.path.reduce<unknown>((parent, key) => (parent as Record<string, unknown> | null)?.[key], node);
    if (typeof part !== 'object' || part === null) return { path: here, node: nodePath, isWhole: false };
    const partRest = rest.slice(unnamed.suffix.length);
    return pathBelow(part as Record<string, unknown>, partRest, [...nodePath, ...unnamed.path], true);
  }
  const nested = pathWithin(node.properties, rest.slice(1), [...nodePath, 'properties']);
  return nested.path.length > 0 ? nested : { path: here, node: nodePath, isWhole: false };
}

/** Whether `subject` names `name` itself or something within it. */
function isNameOf(name: string, subject: string): boolean {
  const rest = subject.slice(name.length);
  return (
    subject.startsWith(name) &&
    (rest === '' || rest.startsWith('.') || UNNAMED_PARTS.some(({ suffix }) => rest.startsWith(suffix)))
  );
}
