import { CST, Parser } from 'yaml';

/** Where the cursor is inside one flow collection (`{name: id, tags: [a, b]}`), relative to it. */
export interface FlowCursorPath {
  /** Keys and `[]` from the collection down to the one holding the cursor (`[]` for a mapping in a sequence). */
  path: string[];
  /** The key the cursor is on, or whose value it is in. */
  key?: string;
  isInValue: boolean;
  /** The other keys of the flow mapping holding the cursor, with their values as written ('' for a collection). */
  siblings: Map<string, string>;
  /** The keys of the flow mapping that holds the cursor's collection; absent when none does inside this text. */
  parentSiblings?: Map<string, string>;
}

/**
 * The cursor's path in `text`, which starts with a flow collection, at `offset` (0-based, the
 * character after the cursor); undefined when the cursor is not inside that collection. The
 * yaml parser's syntax tree keeps what is half typed (`{name: a, classification: `) readable.
 */
export function flowCursorPath(text: string, offset: number): FlowCursorPath | undefined {
  const document = [...new Parser().parse(text)].find((token) => token.type === 'document');
  const collection = document?.type === 'document' ? document.value : undefined;
  if (collection?.type !== 'flow-collection' || !isInside(collection, offset)) return undefined;
  return locate(collection, offset, undefined);
}

function locate(
  collection: CST.FlowCollection,
  offset: number,
  outerSiblings: Map<string, string> | undefined,
): FlowCursorPath {
  const isMapping = collection.start.source === '{';
  const item = itemAt(collection, offset);
  const key = item?.key ? scalarText(item.key) : undefined;
  const colon = item?.sep?.find((token) => token.type === 'map-value-ind');
  const isInValue = colon !== undefined && offset > colon.offset;
  const siblings = isMapping ? keysBeside(collection, item) : new Map<string, string>();
  const ownSegments = isMapping ? [] : ['[]'];
  const value = item?.value;
  const isInNested = value?.type === 'flow-collection' && isInside(value, offset) && (colon === undefined || isInValue);
  if (isInNested && (key !== undefined || colon === undefined)) {
    const inner = locate(value, offset, isMapping ? siblings : outerSiblings);
    return { ...inner, path: [...ownSegments, ...(key === undefined ? [] : [key]), ...inner.path] };
  }
  // An item of a sequence that is a pair (`[a: 1]`) is a mapping of its own, beside nothing.
  return {
    path: ownSegments,
    ...(key !== undefined && { key }),
    isInValue,
    siblings,
    ...(outerSiblings && { parentSiblings: outerSiblings }),
  };
}

/** Whether `offset` is past the collection's opening bracket and not past its closing one. */
function isInside(collection: CST.FlowCollection, offset: number): boolean {
  const close = collection.end.find((token) => token.type === 'flow-map-end' || token.type === 'flow-seq-end');
  return offset > collection.offset && (close === undefined || offset <= close.offset);
}

/** The item whose stretch between commas holds the cursor (a comma belongs to the item it opens). */
function itemAt(collection: CST.FlowCollection, offset: number): CST.CollectionItem | undefined {
  return collection.items.findLast((item) => {
    const comma = item.start.findLast((token) => token.type === 'comma');
    return comma === undefined || comma.offset < offset;
  });
}

function keysBeside(mapping: CST.FlowCollection, except: CST.CollectionItem | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  for (const item of mapping.items) {
    const key = item !== except && item.key ? scalarText(item.key) : undefined;
    if (key !== undefined) keys.set(key, item.value && CST.isScalar(item.value) ? item.value.source : '');
  }
  return keys;
}

function scalarText(token: CST.Token): string | undefined {
  return CST.isScalar(token) ? CST.resolveAsScalar(token)?.value : undefined;
}
