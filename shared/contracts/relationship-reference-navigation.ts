import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { OWN_SCHEMA_REFERENCE, SHORTHAND } from './relationship-checks';
import { duplicateValuesPropertyLists, schemaObjectNodes } from './schema-object-nodes';
import type { TextRange } from './text-range';

/** A top-level property of a schema object, by the names and ids a reference can give it. */
export interface SchemaField {
  objectName: unknown;
  objectId: unknown;
  /** The schema object's mapping, telling apart two objects of one name. */
  objectNode: YAMLMap;
  propertyName: unknown;
  propertyId: unknown;
  /** The scalar of its `name:` value: where a definition is, and what references are asked from. */
  nameNode: Scalar;
  /** Its whole `- name: …` entry, so references are also asked from its `name` key. */
  nameLine: [number, number];
}

/**
 * A `from` or `to` of a relationship (one item of it, when a list), a property a quality rule's
 * arguments name, or a field an SLA's `element` names (one of its comma-separated elements), as written.
 */
export interface ReferenceScalar {
  reference: string;
  node: Scalar;
  /** Where the reference's own characters are, when its scalar holds others too (`element: a.x, a.y`). */
  characters?: [number, number];
  /** The schema object whose property a rule's argument names by its bare name (no `table.column`). */
  ofObject?: YAMLMap;
  /** The `to:`/`from:` key too, when the value is one reference, so a caret on the key goes there as well. */
  span: [number, number];
}

/**
 * Where the field a relationship's reference at the caret names is defined (Go to Definition,
 * F12): the `name` value of that schema object's property, for ODCS's shorthand `table.column`
 * and a `schema/<id>/properties/<id>` reference into this contract. Undefined when the caret is
 * on no reference, or on one naming a field this contract lacks (validation already marks it).
 */
export function relationshipReferenceDefinition(text: string, line: number, column: number): TextRange | undefined {
  const { fields, references, offsetOf, rangeOf } = readRelationships(text);
  const offset = offsetOf(line, column);
  const atCaret = references.find(({ span }) => contains(span, offset));
  const field = atCaret && fieldNamed(fields, atCaret);
  return field && rangeOf(field.nameNode);
}

/** A field's name and the references naming it (relationships', and its object's duplicateValues rules'). */
export interface FieldReferences {
  declaration: TextRange;
  references: TextRange[];
}

/**
 * The references naming the field whose `name` is at the caret (Find All References,
 * Shift+F12): every `to` pointing at it, every schema object's `from` listing it, every
 * duplicateValues rule of its object listing it in `arguments.properties`, and every SLA whose
 * `element` names it, with where the field's name is. Undefined when the caret is on
 * no schema object's property name.
 */
export function relationshipReferencesTo(text: string, line: number, column: number): FieldReferences | undefined {
  const { fields, references, offsetOf, rangeOf, rangeOfOffsets } = readRelationships(text);
  const offset = offsetOf(line, column);
  const field = fields.find(({ nameLine }) => contains(nameLine, offset));
  if (!field) return undefined;
  return {
    declaration: rangeOf(field.nameNode),
    references: references
      .filter((reference) => fieldNamed(fields, reference) === field)
      .map(({ node, characters }) => (characters ? rangeOfOffsets(...characters) : rangeOf(node))),
  };
}

/** A field, named at the caret by its `name:` or by a reference, with what renaming it touches. */
export interface NamedField {
  field: SchemaField;
  /** The references naming it, in the order written. */
  references: ReferenceScalar[];
  /** The names of the other fields of its schema object. */
  siblingNames: unknown[];
  /** Where the text between two offsets is, as an editor counts lines and columns. */
  rangeOf: (start: number, end: number) => TextRange;
}

/** The field whose `name:` is at the caret, or that a reference at the caret (a relationship's, a rule argument's) names. */
export function namedFieldAt(text: string, line: number, column: number): NamedField | undefined {
  const { fields, references, offsetOf, rangeOfOffsets } = readRelationships(text);
  const offset = offsetOf(line, column);
  const atCaret = references.find(({ span }) => contains(span, offset));
  const field = atCaret ? fieldNamed(fields, atCaret) : fields.find(({ nameLine }) => contains(nameLine, offset));
  if (!field) return undefined;
  return {
    field,
    references: references.filter((reference) => fieldNamed(fields, reference) === field),
    siblingNames: fields
      .filter((other) => other.objectNode === field.objectNode && other !== field)
      .map((other) => other.propertyName),
    rangeOf: rangeOfOffsets,
  };
}

function contains([start, end]: [number, number], offset: number): boolean {
  return start <= offset && offset <= end;
}

function fieldNamed(fields: SchemaField[], { reference, ofObject }: ReferenceScalar): SchemaField | undefined {
  if (ofObject) return fields.find((field) => field.objectNode === ofObject && field.propertyName === reference);
  const shorthand = SHORTHAND.exec(reference);
  if (shorthand)
    return fields.find((field) => field.objectName === shorthand[1] && field.propertyName === shorthand[2]);
  const qualified = OWN_SCHEMA_REFERENCE.exec(reference);
  if (qualified) return fields.find((field) => field.objectId === qualified[1] && field.propertyId === qualified[2]);
  return undefined;
}

/** The contract's schema fields and the references naming them, read from text that may not be a valid contract. */
function readRelationships(text: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const fields: SchemaField[] = [];
  const references: ReferenceScalar[] = [];
  for (const { object, properties } of schemaObjectNodes(document)) {
    references.push(...referencesOf(object));
    for (const property of properties) {
      references.push(...referencesOf(property, ['to']));
      const namePair = property.items.find((pair) => isScalar(pair.key) && pair.key.value === 'name');
      if (!namePair || !isScalar(namePair.value) || !isScalar(namePair.key)) continue;
      const nameNode = namePair.value;
      fields.push({
        objectName: object.get('name'),
        objectNode: object,
        objectId: object.get('id'),
        propertyName: nameNode.value,
        propertyId: property.get('id'),
        nameNode,
        nameLine: [namePair.key.range?.[0] ?? 0, nameNode.range?.[1] ?? 0],
      });
    }
    references.push(...ruleArgumentsOf(object));
  }
  references.push(...slaElementsOf(document, text));
  const offsetOf = (line: number, column: number) => (lineCounter.lineStarts[line - 1] ?? text.length) + column - 1;
  const rangeOfOffsets = (start: number, end: number): TextRange => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };
  const rangeOf = (node: Scalar): TextRange => rangeOfOffsets(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
  return { fields, references, offsetOf, rangeOf, rangeOfOffsets };
}

/** The references of the relationships of a schema object (`from` and `to`) or of a property (`to`; its `from` is itself). */
function referencesOf(owner: YAMLMap, sides: readonly string[] = ['from', 'to']): ReferenceScalar[] {
  const relationships = owner.get('relationships', true);
  if (!isSeq(relationships)) return [];
  return relationships.items.filter(isMap).flatMap((relationship) =>
    relationship.items.flatMap((pair): ReferenceScalar[] => {
      if (!isScalar(pair.key) || !sides.includes(String(pair.key.value))) return [];
      const { value } = pair;
      if (isScalar(value) && typeof value.value === 'string' && value.range) {
        const span: [number, number] = [pair.key.range?.[0] ?? value.range[0], value.range[1]];
        return [{ reference: value.value, node: value, span }];
      }
      if (!isSeq(value)) return [];
      return value.items.flatMap((item) =>
        isScalar(item) && typeof item.value === 'string' && item.range
          ? [{ reference: item.value, node: item, span: [item.range[0], item.range[1]] as [number, number] }]
          : [],
      );
    }),
  );
}

/** The properties a schema object's duplicateValues rules name, each item of their `arguments.properties`. */
function ruleArgumentsOf(object: YAMLMap): ReferenceScalar[] {
  return duplicateValuesPropertyLists(object).flatMap((list) =>
    list.items.flatMap((item) =>
      isScalar(item) && typeof item.value === 'string' && item.range
        ? [
            {
              reference: item.value,
              node: item,
              span: [item.range[0], item.range[1]] as [number, number],
              ofObject: object,
            },
          ]
        : [],
    ),
  );
}

/**
 * The `table.column` elements the SLA properties name, each of a comma-separated `element` apart
 * (ODCS: `element: orders.placed_at, orders.order_id`). An element written with escapes or over
 * several lines is left out: where its characters are cannot be told from its value.
 */
function slaElementsOf(document: Document, text: string): ReferenceScalar[] {
  const slaProperties = document.get('slaProperties', true);
  if (!isSeq(slaProperties)) return [];
  return slaProperties.items.filter(isMap).flatMap((sla): ReferenceScalar[] => {
    const node = sla.get('element', true);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return [];
    const [start, end] =
      node.type === 'PLAIN' ? [node.range[0], node.range[1]] : [node.range[0] + 1, node.range[1] - 1];
    if (text.slice(start, end) !== node.value) return [];
    const elements: ReferenceScalar[] = [];
    let partStart = start;
    for (const part of node.value.split(',')) {
      const leading = part.length - part.trimStart().length;
      const reference = part.trim();
      const characters: [number, number] = [partStart + leading, partStart + leading + reference.length];
      if (reference !== '') elements.push({ reference, node, characters, span: characters });
      partStart += part.length + 1;
    }
    return elements;
  });
}
