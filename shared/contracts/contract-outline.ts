import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';
import type { TextRange } from './yaml-source';

/** An entry of a contract's outline: a top-level section, a schema object or a property, with where it is. */
export interface OutlineSymbol {
  name: string;
  kind: 'section' | 'field' | 'object' | 'property' | 'entry';
  /** All its lines. */
  range: TextRange;
  /** Its key, or the value that names it: where Go to Symbol puts the cursor. */
  selectionRange: TextRange;
  children: OutlineSymbol[];
}

/**
 * The fields that name an entry of a list, in the lists of ODCS (servers, SLA, quality rules, team
 * members, support channels, roles, authoritative definitions, custom properties), first found first.
 */
const NAMING_FIELDS = ['name', 'server', 'property', 'username', 'channel', 'role', 'metric', 'type', 'url'];

/**
 * The outline of a contract's YAML text, as an editor lists it (Go to Symbol, sticky scroll):
 * every top-level section, the schema's objects and, nested, their properties (an object's
 * properties, an array's items, a map's key and value, as deep as they go), and the named entries
 * of the other lists, and of the lists in a section that is a mapping (a team's members).
 * Text that does not read as a YAML mapping has whatever outline its readable part gives.
 */
export function contractOutline(text: string): OutlineSymbol[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const rangeOf = (start: number, end: number): TextRange => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };
  // A block collection's span ends after its last line break: it ends where its text does.
  const spanOf = (node: Node | null | undefined): [number, number] | undefined =>
    node?.range ? [node.range[0], endOfText(text, node.range[0], node.range[1])] : undefined;

  /** Entries of a mapping, each named by its key. */
  const pairsOf = (
    pairs: readonly Pair[],
    kindOf: (key: string, value: unknown) => OutlineSymbol['kind'],
    childrenOf: (key: string, value: unknown) => OutlineSymbol[],
  ): OutlineSymbol[] =>
    pairs.flatMap((pair) => {
      const key = pair.key as Node | null;
      const keySpan = spanOf(key);
      if (!isScalar(key) || !keySpan) return [];
      const name = String(key.value);
      const end = spanOf(pair.value as Node | null)?.[1] ?? keySpan[1];
      return [
        {
          name,
          kind: kindOf(name, pair.value),
          range: rangeOf(keySpan[0], end),
          selectionRange: rangeOf(...keySpan),
          children: childrenOf(name, pair.value),
        },
      ];
    });

  /** The items of a list, each named by its naming field, or by its place. */
  const itemsOf = (list: unknown, kind: OutlineSymbol['kind'], childrenOf: (item: YAMLMap) => OutlineSymbol[]) =>
    isSeq(list)
      ? list.items.flatMap((item, index) => {
          const span = spanOf(item as Node);
          if (!span) return [];
          const namingNode = isMap(item)
            ? NAMING_FIELDS.map((field) => item.get(field, true)).find(isScalar)
            : undefined;
          const nameSpan = spanOf(namingNode) ?? span;
          return [
            {
              name: namingNode ? String(namingNode.value) : `[${index}]`,
              kind,
              range: rangeOf(...span),
              selectionRange: rangeOf(...nameSpan),
              children: isMap(item) ? childrenOf(item) : [],
            },
          ];
        })
      : [];

  /** The fields of a mapping that hold a mapping, each listed as a property that holds its own nested fields. */
  const nestedPropertiesAt = (mapping: unknown, keys: readonly string[]): OutlineSymbol[] =>
    isMap(mapping)
      ? pairsOf(
          mapping.items.filter(
            (pair) => isScalar(pair.key) && keys.includes(String(pair.key.value)) && isMap(pair.value),
          ),
          () => 'property',
          (_key, nested) => nestedOf(nested as YAMLMap),
        )
      : [];

  /**
   * A property's own nested fields: an object's properties, an array's `items` and a map's `key`
   * and `value`, each listed as a property that holds theirs.
   */
  const nestedOf = (property: YAMLMap): OutlineSymbol[] => [
    ...itemsOf(property.get('properties', true), 'property', nestedOf),
    ...nestedPropertiesAt(property, ['items']),
    ...nestedPropertiesAt(property.get('map', true), ['key', 'value']),
  ];

  /** The lists of a section that is a mapping (a team's `members`), each with its named entries. */
  const listsOf = (section: YAMLMap): OutlineSymbol[] =>
    pairsOf(
      section.items.filter((pair) => isSeq(pair.value)),
      () => 'section',
      (_key, list) => itemsOf(list, 'entry', () => []),
    );

  if (!isMap(document.contents)) return [];
  return pairsOf(
    document.contents.items,
    (_key, value) => (isMap(value) || isSeq(value) ? 'section' : 'field'),
    (key, value) => {
      if (key === 'schema') {
        return itemsOf(value, 'object', (object) => itemsOf(object.get('properties', true), 'property', nestedOf));
      }
      return isMap(value) ? listsOf(value) : itemsOf(value, 'entry', () => []);
    },
  );
}

function endOfText(text: string, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/.test(text[last - 1] ?? '')) last--;
  return last;
}
