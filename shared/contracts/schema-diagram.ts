import { valueAt } from '../model/plain-schema-issue';
import { counted } from '../model/word-list';
import { isMeasureSemanticType } from './measures';
import { propertyPathOf } from './property-path';
import { writtenFieldsAtEveryDepth } from './written-fields';
import type { YamlEdit } from './yaml-text-edit';

type OdcsValue = Record<string, unknown>;

export interface DiagramField {
  name: string;
  logicalType: string;
  physicalType?: string;
  isPrimaryKey: boolean;
  isRequired: boolean;
  isUnique: boolean;
  /** An ODCS 3.2 measure: computed when queried, no stored column. */
  isMeasure: boolean;
  description?: string;
}

export interface DiagramTable {
  /** The schema object's name; tables a relationship names but the contract lacks are `isExternal`. */
  name: string;
  physicalName?: string;
  fields: DiagramField[];
  isExternal: boolean;
}

export interface FieldRef {
  table: string;
  field: string;
}

export interface DiagramEdge {
  id: string;
  /** The relationship the contract writes that this edge draws: a composite one draws an edge per key pair. */
  relationshipId: string;
  from: FieldRef;
  to: FieldRef;
  type: string;
}

export interface SchemaDiagram {
  tables: DiagramTable[];
  edges: DiagramEdge[];
}

/**
 * A contract's schema as tables and relationships: each schema object a table of its
 * properties, each ODCS relationship (on a property, `from` implicit, or on an object with
 * `from` and `to`, composite keys pairwise) an edge between two fields.
 */
export function schemaDiagramOf(document: OdcsValue): SchemaDiagram {
  const objects = asList(document.schema);
  const tables: DiagramTable[] = objects.map((object) => ({
    name: String(object.name ?? ''),
    ...(typeof object.physicalName === 'string' && { physicalName: object.physicalName }),
    fields: fieldsOf(asList(object.properties)),
    isExternal: false,
  }));
  const edges: DiagramEdge[] = [];
  objects.forEach((object, objectIndex) => {
    const objectName = String(object.name ?? '');
    asList(object.relationships).forEach((relationship, index) => {
      const from = referencedFields(relationship.from);
      const to = referencedFields(relationship.to);
      const relationshipId = `schema[${objectIndex}].relationships[${index}]`;
      from.forEach((source, position) => {
        const target = to[position];
        if (target) edges.push(edge(relationshipId, position, source, target, relationship));
      });
    });
    asList(object.properties).forEach((property, propertyIndex) => {
      const source = { table: objectName, field: String(property.name ?? '') };
      asList(property.relationships).forEach((relationship, index) => {
        const relationshipId = `schema[${objectIndex}].properties[${propertyIndex}].relationships[${index}]`;
        referencedFields(relationship.to).forEach((target, position) => {
          edges.push(edge(relationshipId, position, source, target, relationship));
        });
      });
    });
  });
  const known = new Set(tables.map((table) => table.name));
  const external = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    for (const end of [from, to]) {
      if (known.has(end.table)) continue;
      external.set(end.table, (external.get(end.table) ?? new Set()).add(end.field));
    }
  }
  for (const [name, fields] of external) {
    tables.push({
      name,
      fields: [...fields].map((field) => diagramField(field, {})),
      isExternal: true,
    });
  }
  return { tables, edges };
}

/** What the diagram draws, in words: the contract's own tables, its relationships, and the tables outside it they point at. */
export function diagramSummary({ tables, edges }: SchemaDiagram): string {
  const externalCount = tables.filter((table) => table.isExternal).length;
  const external = externalCount > 0 ? `, ${counted(externalCount, 'external table')} it refers to` : '';
  const relationshipCount = new Set(edges.map((edge) => edge.relationshipId)).size;
  return `${counted(tables.length - externalCount, 'table')}, ${counted(relationshipCount, 'relationship')}${external}.`;
}

/** Each property and, after it, the fields nested in it, named by their path. */
function fieldsOf(properties: readonly OdcsValue[]): DiagramField[] {
  return writtenFieldsAtEveryDepth(properties).map(({ path, property }) => diagramField(path, property));
}

function diagramField(name: string, property: OdcsValue): DiagramField {
  return {
    name,
    logicalType: String(property.logicalType ?? ''),
    ...(typeof property.physicalType === 'string' && { physicalType: property.physicalType }),
    isPrimaryKey: property.primaryKey === true,
    isRequired: property.required === true,
    isUnique: property.unique === true,
    isMeasure: isMeasureSemanticType(property.semanticType),
    ...(typeof property.description === 'string' && { description: property.description }),
  };
}

function edge(
  relationshipId: string,
  position: number,
  from: FieldRef,
  to: FieldRef,
  relationship: OdcsValue,
): DiagramEdge {
  return {
    id: `${relationshipId}.${position}`,
    relationshipId,
    from,
    to,
    type: String(relationship.type ?? 'foreignKey'),
  };
}

/** `orders.customer_id`, or a list of them for composite keys. */
/** The fields a relationship's `from` or `to` names, one `table.column` or a list of them. */
export function referencedFields(value: unknown): FieldRef[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((reference) => {
    const text = String(reference);
    const dot = text.lastIndexOf('.');
    return dot <= 0 ? [] : [{ table: text.slice(0, dot), field: text.slice(dot + 1) }];
  });
}

/** A name ODCS's `table.column` reference can hold (its schema's pattern for `to`). */
const REFERENCEABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const isReferenceableName = (name: string): boolean => REFERENCEABLE_NAME.test(name);

/** Why a relationship cannot point at `to` in ODCS's `table.column` form, in words; nothing when it can. */
export function whyUnreferenceable(to: FieldRef): string | undefined {
  const name = [to.table, to.field].find((part) => !isReferenceableName(part));
  if (name === undefined) return undefined;
  return `ODCS refers to a field as table.column, with names of letters, digits and underscores only, so '${name}' cannot be referenced: rename it to relate it`;
}

/**
 * The edit that makes `from` a foreign key to `to`: a relationship on the property, as ODCS
 * writes one (`to: object.property`, `type: foreignKey`). Nothing when it exists already
 * or either end is not a property of the contract.
 */
export function relationshipEdit(document: OdcsValue, from: FieldRef, to: FieldRef): YamlEdit | undefined {
  const property = propertyPathOf(document, from.table, from.field);
  if (!property || (from.table === to.table && from.field === to.field)) return undefined;
  const target = `${to.table}.${to.field}`;
  const existing = asList(valueAt(document, [...property, 'relationships']));
  if (
    existing.some((relationship) =>
      referencedFields(relationship.to).some((ref) => `${ref.table}.${ref.field}` === target),
    )
  ) {
    return undefined;
  }
  return {
    op: 'insert',
    path: [...property, 'relationships', existing.length],
    value: { type: 'foreignKey', to: target },
  };
}

function asList(value: unknown): OdcsValue[] {
  return Array.isArray(value)
    ? value.map((item) => (typeof item === 'object' && item !== null ? (item as OdcsValue) : {}))
    : [];
}
